package org.inquest.app.ui.analysis;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.inquest.analysis.drift.DriftResult;
import org.inquest.analysis.quality.QualityAlerts;
import org.inquest.app.ui.slice.SliceSpec;
import org.inquest.app.ui.task.Errors;
import org.inquest.app.ui.task.TaskHandle;
import org.inquest.app.ui.task.TaskRunner;
import org.inquest.app.ui.task.Work;

/**
 * Recomputes the incident snapshot whenever the applied slices change. The snapshot is computed in three
 * independent parts — rows and model quality, drift, data-quality grades — submitted at once, so the two workers run them
 * in parallel; the snapshot is published when all three have arrived. Results that depend only on the reference
 * come from a {@link ReferenceCache}, so a change of the current filter costs only the current side. A newer
 * request cancels every part still running (their DuckDB statements are cancelled) and a stale part is never shown.
 */
public final class IncidentViewModel {
    private final IncidentService service = new IncidentService();
    private final ReferenceCache cache = new ReferenceCache();
    private final ObjectProperty<IncidentSnapshot> snapshot = new SimpleObjectProperty<>();
    private final BooleanProperty computing = new SimpleBooleanProperty(false);
    private final StringProperty error = new SimpleStringProperty("");
    private final List<TaskHandle> running = new ArrayList<>();
    private long generation;
    private TaskRunner runner;

    public void attach(TaskRunner runner) {
        cancelRunning();
        cache.clear();
        this.runner = runner;
        snapshot.set(null);
        error.set("");
        computing.set(false);
    }

    /** Forgets cached reference results (the workspace's tables changed: an import, a refresh). */
    public void invalidate() {
        cache.clear();
    }

    public void compute(SliceSpec spec) {
        if (runner == null || spec == null) {
            return;
        }
        cancelRunning();
        long mine = generation;
        long start = System.nanoTime();
        computing.set(true);
        Parts parts = new Parts();
        String on = " of " + spec.currentTable();
        submit(mine, "Model quality" + on, ctx -> service.model(ctx, spec, cache), m -> parts.model = m, parts, spec,
                start);
        submit(mine, "Drift" + on, ctx -> service.drift(ctx, spec, cache), d -> parts.drift = d, parts, spec, start);
        submit(mine, "Data quality" + on, ctx -> service.qualityAlerts(ctx, spec, cache), q -> parts.quality = q,
                parts, spec, start);
    }

    private <T> void submit(long mine, String title, Work<T> work, java.util.function.Consumer<T> store, Parts parts,
            SliceSpec spec, long start) {
        running.add(runner.submit(title, work, result -> {
            if (mine != generation) {
                return;
            }
            store.accept(result);
            parts.arrived++;
            if (parts.arrived == 3) {
                running.clear();
                computing.set(false);
                error.set("");
                snapshot.set(IncidentService.snapshot(spec, parts.model, parts.drift, parts.quality, null,
                        (System.nanoTime() - start) / 1_000_000));
            }
        }, e -> {
            if (mine != generation) {
                return;
            }
            cancelRunning();
            computing.set(false);
            error.set(Errors.oneLine(e));
        }));
    }

    private void cancelRunning() {
        generation++;
        for (TaskHandle h : running) {
            h.cancel();
        }
        running.clear();
    }

    /** What has arrived for one request (touched on the UI thread only). */
    private static final class Parts {
        IncidentService.ModelPart model;
        DriftResult drift;
        QualityAlerts quality;
        int arrived;
    }

    public ObjectProperty<IncidentSnapshot> snapshotProperty() {
        return snapshot;
    }

    public BooleanProperty computingProperty() {
        return computing;
    }

    /** The reference-side cache, shared with tabs that compute more for the same slices. */
    public ReferenceCache cache() {
        return cache;
    }

    public IncidentService service() {
        return service;
    }

    public StringProperty errorProperty() {
        return error;
    }
}
