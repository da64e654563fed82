package org.inquest.app.ui.versions;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.inquest.analysis.calibration.BinStrategy;
import org.inquest.analysis.calibration.Calibration;
import org.inquest.analysis.calibration.CalibrationAnalyzer;
import org.inquest.analysis.latency.LatencyAnalyzer;
import org.inquest.analysis.performance.Grouping;
import org.inquest.analysis.performance.ModelColumns;
import org.inquest.analysis.performance.PerformanceAnalyzer;
import org.inquest.analysis.slice.Slice;
import org.inquest.app.ui.analysis.IncidentService;
import org.inquest.app.ui.analysis.IncidentSnapshot;
import org.inquest.app.ui.common.Records;
import org.inquest.app.ui.common.ResultGrid;
import org.inquest.app.ui.common.Format;
import org.inquest.app.ui.task.Errors;
import org.inquest.app.ui.task.LatestOnly;
import org.inquest.app.ui.task.TaskRunner;
import org.inquest.connectors.catalog.ColumnRole;

/**
 * The versions tab: every metric for each model version of the current slice side by side (quality, latency,
 * calibration), and each version's score distribution over the calibration bins.
 */
public final class VersionsViewModel {
    private final ObjectProperty<ResultGrid> grid = new SimpleObjectProperty<>(ResultGrid.EMPTY);
    private final ObjectProperty<Map<String, Calibration>> calibrations = new SimpleObjectProperty<>(Map.of());
    private final StringProperty state = new SimpleStringProperty("");
    private final LatestOnly latest = new LatestOnly();
    private IncidentSnapshot snapshot;
    private TaskRunner runner;
    private boolean loaded;

    public void attach(TaskRunner runner) {
        this.runner = runner;
        show(null);
    }

    public void show(IncidentSnapshot s) {
        latest.cancel();
        snapshot = s;
        loaded = false;
        grid.set(ResultGrid.EMPTY);
        calibrations.set(Map.of());
        state.set("");
    }

    public void load() {
        IncidentSnapshot s = snapshot;
        if (runner == null || s == null || loaded) {
            return;
        }
        var version = s.current().table().columnWithRole(ColumnRole.MODEL_VERSION);
        if (version.isEmpty()) {
            state.set("The current table has no model_version column.");
            return;
        }
        loaded = true;
        String column = version.get().name();
        state.set("Computing metrics per version…");
        latest.submit(runner, "Metrics per model version", ctx -> {
            Slice cur = s.current();
            ModelColumns cols = ModelColumns.of(cur.table());
            Map<String, Map<String, Object>> byVersion = new LinkedHashMap<>();
            new PerformanceAnalyzer(ctx.connection()).analyze(cur, cols, s.task(), IncidentService.THRESHOLD,
                    Grouping.byColumn(column)).forEach((v, m) -> byVersion.put(v, Records.numbers(m)));
            new LatencyAnalyzer(ctx.connection()).analyze(cur, Grouping.byColumn(column)).forEach((v, l) ->
                    Records.numbers(l).forEach((k, x) -> byVersion.computeIfAbsent(v, z -> new LinkedHashMap<>())
                            .put("latency." + k, x)));
            Map<String, Calibration> cal = new LinkedHashMap<>();
            if (cols.score().isPresent() && cols.label().isPresent()) {
                // One GROUP BY version, bin for all versions (ADR 0121): each version's bins as its own rows give.
                Map<String, Calibration> grouped = new CalibrationAnalyzer(ctx.connection())
                        .analyze(cur, cols, BinStrategy.UNIFORM, Grouping.byColumn(column));
                for (String v : byVersion.keySet()) {
                    if (v.equals(Grouping.NULL_KEY)) {
                        continue;
                    }
                    Calibration c = grouped.getOrDefault(v, CalibrationAnalyzer.of(BinStrategy.UNIFORM, List.of()));
                    cal.put(v, c);
                    byVersion.get(v).put("ece", c.ece());
                    byVersion.get(v).put("mce", c.mce());
                }
            }
            return new Object[] {byVersion, cal};
        }, r -> {
            @SuppressWarnings("unchecked")
            Map<String, Map<String, Object>> byVersion = (Map<String, Map<String, Object>>) r[0];
            @SuppressWarnings("unchecked")
            Map<String, Calibration> cal = (Map<String, Calibration>) r[1];
            grid.set(pivot(byVersion));
            calibrations.set(cal);
            state.set(Format.count(byVersion.size(), "version") + " in the current slice");
        }, e -> state.set("Failed: " + Errors.oneLine(e)));
    }

    /** Metric rows × version columns. */
    static ResultGrid pivot(Map<String, Map<String, Object>> byVersion) {
        Set<String> metrics = new LinkedHashSet<>();
        byVersion.values().forEach(m -> metrics.addAll(m.keySet()));
        List<String> header = new ArrayList<>();
        header.add("metric");
        header.addAll(byVersion.keySet());
        List<List<Object>> rows = new ArrayList<>();
        for (String metric : metrics) {
            List<Object> row = new ArrayList<>();
            row.add(metric);
            for (Map<String, Object> m : byVersion.values()) {
                row.add(m.get(metric));
            }
            rows.add(row);
        }
        return new ResultGrid(header, rows, false);
    }

    public ObjectProperty<ResultGrid> gridProperty() {
        return grid;
    }

    public ObjectProperty<Map<String, Calibration>> calibrationsProperty() {
        return calibrations;
    }

    public StringProperty stateProperty() {
        return state;
    }
}
