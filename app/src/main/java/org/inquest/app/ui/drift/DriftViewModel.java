package org.inquest.app.ui.drift;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.inquest.analysis.drift.DriftAnalysis;
import org.inquest.analysis.drift.DriftOptions;
import org.inquest.analysis.drift.DriftResult;
import org.inquest.analysis.drift.FeatureDrift;
import org.inquest.analysis.slice.WindowSpec;
import org.inquest.analysis.slice.Windowing;
import org.inquest.app.ui.analysis.IncidentSnapshot;
import org.inquest.app.ui.common.Format;
import org.inquest.app.ui.task.Errors;
import org.inquest.app.ui.task.LatestOnly;
import org.inquest.app.ui.task.TaskRunner;
import org.inquest.connectors.catalog.ColumnRole;

/**
 * The drift tab: the features of the snapshot's drift result (drifted first, then by statistic), the selected
 * feature's histogram, and drift over time (per day of the current slice against the whole reference), which is
 * computed only when the tab asks for it.
 */
public final class DriftViewModel {
    private final ObservableList<FeatureDrift> features = FXCollections.observableArrayList();
    private final ObjectProperty<FeatureDrift> selected = new SimpleObjectProperty<>();
    private final ObjectProperty<DriftResult> windows = new SimpleObjectProperty<>();
    private final StringProperty summary = new SimpleStringProperty("");
    private final StringProperty windowsState = new SimpleStringProperty("");
    private final LatestOnly latest = new LatestOnly();
    private IncidentSnapshot snapshot;
    private TaskRunner runner;

    public void attach(TaskRunner runner) {
        latest.cancel();
        this.runner = runner;
        show(null);
    }

    public void show(IncidentSnapshot s) {
        latest.cancel();
        snapshot = s;
        windows.set(null);
        windowsState.set("");
        DriftResult d = s == null ? null : s.drift();
        if (d == null) {
            features.clear();
            selected.set(null);
            summary.set("");
            return;
        }
        List<FeatureDrift> sorted = new ArrayList<>(d.features());
        sorted.sort((a, b) -> a.drifted() != b.drifted() ? (a.drifted() ? -1 : 1)
                : Double.compare(normalised(b), normalised(a)));
        String previous = selected.get() == null ? null : selected.get().name();
        features.setAll(sorted);
        selected.set(sorted.stream().filter(f -> f.name().equals(previous)).findFirst()
                .orElse(sorted.isEmpty() ? null : sorted.get(0)));
        summary.set(d.driftedCount() + " of " + Format.count(d.features().size(), "feature") + " drifted · drift share "
                + Format.percent(d.driftShare(), 1) + (d.datasetDrift() ? " · DATASET DRIFT" : "")
                + (d.schemaDifferences().isEmpty() ? "" : " · schema differences: " + d.schemaDifferences().stream()
                        .map(x -> x.column() + " " + x.difference()).reduce((a, b) -> a + ", " + b).orElse("")));
    }

    /** How far past its threshold a feature is, so that p-value and distance methods sort together. */
    static double normalised(FeatureDrift f) {
        if (f.method() == null || f.statistic() == null || f.threshold() == null || f.threshold() == 0) {
            return 0;
        }
        return f.method().isPValue() ? f.threshold() / Math.max(f.statistic(), 1e-300) : f.statistic() / f.threshold();
    }

    /** Computes drift per day of the current slice (when it has a timestamp), once per snapshot. */
    public void loadWindows() {
        IncidentSnapshot s = snapshot;
        if (runner == null || s == null || windows.get() != null || !windowsState.get().isEmpty()) {
            return;
        }
        if (s.current().table().columnWithRole(ColumnRole.TIMESTAMP).isEmpty()) {
            windowsState.set("The current table has no timestamp column: no drift over time.");
            return;
        }
        windowsState.set("Computing drift per day…");
        latest.submit(runner, "Drift per day", ctx -> DriftAnalysis.runWithWindows(ctx.connection(), s.reference(),
                s.current(), Windowing.split(ctx.connection(), s.current(),
                        new WindowSpec.TimeBuckets(WindowSpec.Unit.DAY)), DriftOptions.defaults()),
                result -> {
                    windows.set(result);
                    windowsState.set(Format.count(result.windows().size(), "day"));
                }, e -> windowsState.set("Drift over time failed: " + Errors.oneLine(e)));
    }

    public ObservableList<FeatureDrift> features() {
        return features;
    }

    public ObjectProperty<FeatureDrift> selectedProperty() {
        return selected;
    }

    public ObjectProperty<DriftResult> windowsProperty() {
        return windows;
    }

    public StringProperty summaryProperty() {
        return summary;
    }

    public StringProperty windowsStateProperty() {
        return windowsState;
    }
}
