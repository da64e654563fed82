package org.inquest.app.ui.performance;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.inquest.analysis.performance.ClassificationMetrics;
import org.inquest.analysis.performance.Confusion;
import org.inquest.analysis.performance.Grouping;
import org.inquest.analysis.performance.ModelColumns;
import org.inquest.analysis.performance.PerformanceAnalyzer;
import org.inquest.analysis.performance.PerformanceMetrics;
import org.inquest.app.ui.analysis.IncidentService;
import org.inquest.app.ui.analysis.IncidentSnapshot;
import org.inquest.app.ui.common.Records;
import org.inquest.app.ui.common.ResultGrid;
import org.inquest.app.ui.task.Errors;
import org.inquest.app.ui.task.LatestOnly;
import org.inquest.app.ui.task.TaskRunner;
import org.inquest.connectors.catalog.ColumnInfo;
import org.inquest.connectors.catalog.ColumnRole;
import org.inquest.connectors.catalog.FeatureKind;
import org.inquest.connectors.workspace.Identifiers;

/**
 * The performance tab: every metric of both slices side by side with the difference (latency included), metrics
 * per day of the current slice, and metrics per value of a chosen column (computed when the tab is shown).
 */
public final class PerformanceViewModel {
    private final ObjectProperty<ResultGrid> metrics = new SimpleObjectProperty<>(ResultGrid.EMPTY);
    private final ObjectProperty<ResultGrid> confusion = new SimpleObjectProperty<>(ResultGrid.EMPTY);
    private final ObjectProperty<Map<String, Map<String, Object>>> overTime = new SimpleObjectProperty<>(Map.of());
    private final ObjectProperty<ResultGrid> bySegment = new SimpleObjectProperty<>(ResultGrid.EMPTY);
    private final ObservableList<String> segmentColumns = FXCollections.observableArrayList();
    private final StringProperty segmentColumn = new SimpleStringProperty();
    private final StringProperty state = new SimpleStringProperty("");
    private final LatestOnly latest = new LatestOnly();
    private final LatestOnly complete = new LatestOnly();
    private IncidentSnapshot snapshot;
    private TaskRunner runner;
    private boolean loaded;

    public PerformanceViewModel() {
        segmentColumn.addListener((o, a, b) -> {
            if (loaded) {
                loaded = false;
                load();
            }
        });
    }

    public void attach(TaskRunner runner) {
        this.runner = runner;
        show(null);
    }

    public void show(IncidentSnapshot s) {
        latest.cancel();
        complete.cancel();
        snapshot = s;
        loaded = false;
        overTime.set(Map.of());
        bySegment.set(ResultGrid.EMPTY);
        metrics.set(s == null ? ResultGrid.EMPTY : sideBySide(s));
        confusion.set(s == null ? ResultGrid.EMPTY : confusion(s.referencePerformance(), s.currentPerformance()));
        if (s != null) {
            List<String> cats = s.current().table().columns().stream()
                    .filter(c -> c.featureKind() == FeatureKind.CATEGORICAL || c.role() == ColumnRole.MODEL_VERSION)
                    .map(ColumnInfo::name).toList();
            if (!cats.equals(segmentColumns)) {
                segmentColumns.setAll(cats);
            }
            if (segmentColumn.get() == null || !cats.contains(segmentColumn.get())) {
                segmentColumn.set(cats.isEmpty() ? null : cats.get(0));
            }
        }
    }

    static ResultGrid sideBySide(IncidentSnapshot s) {
        return sideBySide(s, s.currentPerformance());
    }

    /** Both slices' metrics, the current slice's as given (the snapshot's lacks ROC AUC until {@link #load}). */
    static ResultGrid sideBySide(IncidentSnapshot s, PerformanceMetrics current) {
        Map<String, Object> ref = Records.numbers(s.referencePerformance());
        Map<String, Object> cur = Records.numbers(current);
        Records.numbers(s.referenceLatency()).forEach((k, v) -> ref.put("latency." + k, v));
        Records.numbers(s.currentLatency()).forEach((k, v) -> cur.put("latency." + k, v));
        Set<String> names = new LinkedHashSet<>(ref.keySet());
        names.addAll(cur.keySet());
        List<List<Object>> rows = new ArrayList<>();
        for (String n : names) {
            Object r = ref.get(n);
            Object c = cur.get(n);
            Object d = r instanceof Number rn && c instanceof Number cn
                    ? (Object) (r instanceof Long && c instanceof Long ? (Object) (cn.longValue() - rn.longValue())
                            : (Object) (cn.doubleValue() - rn.doubleValue())) : null;
            rows.add(Arrays.asList(n, r, c, d));
        }
        return new ResultGrid(List.of("metric", "reference", "current", "Δ (current − reference)"), rows, false);
    }

    /**
     * The confusion matrix of a binary classifier, both slices side by side: actual class by row (1, then 0),
     * predicted class by column; labeled rows only. Empty when neither slice is a binary classification.
     */
    static ResultGrid confusion(PerformanceMetrics reference, PerformanceMetrics current) {
        Confusion r = reference instanceof ClassificationMetrics c ? c.confusion() : null;
        Confusion c = current instanceof ClassificationMetrics m ? m.confusion() : null;
        if (r == null && c == null) {
            return ResultGrid.EMPTY;
        }
        return new ResultGrid(List.of("actual", "ref pred 1", "ref pred 0", "cur pred 1", "cur pred 0"), List.of(
                        Arrays.asList("1", r == null ? null : r.tp(), r == null ? null : r.fn(),
                                c == null ? null : c.tp(), c == null ? null : c.fn()),
                        Arrays.asList("0", r == null ? null : r.fp(), r == null ? null : r.tn(),
                                c == null ? null : c.fp(), c == null ? null : c.tn())), false);
    }

    /** Computes the per-day and per-segment tables for the current slice (once per snapshot). */
    public void load() {
        IncidentSnapshot s = snapshot;
        if (runner == null || s == null || loaded) {
            return;
        }
        loaded = true;
        // The overview's snapshot leaves out the current slice's ROC AUC (a sort of the scores): the metrics table
        // gets it here, in a task of its own so it does not wait for the per-day and per-segment tables.
        complete.submit(runner, "Performance of the current slice",
                ctx -> IncidentService.currentPerformance(ctx.connection(), s),
                current -> metrics.set(sideBySide(s, current)), e -> state.set("Failed: " + Errors.oneLine(e)));
        String column = segmentColumn.get();
        state.set("Computing per day and per " + (column == null ? "segment" : column) + "…");
        latest.submit(runner, "Performance per day and segment", ctx -> {
            PerformanceAnalyzer perf = new PerformanceAnalyzer(ctx.connection());
            ModelColumns cols = ModelColumns.of(s.current().table());
            Map<String, Map<String, Object>> days = new LinkedHashMap<>();
            var ts = s.current().table().columnWithRole(ColumnRole.TIMESTAMP);
            if (ts.isPresent()) {
                Grouping byDay = new Grouping("COALESCE(CAST(CAST(" + Identifiers.quote(ts.get().name())
                        + " AS DATE) AS VARCHAR), '" + Grouping.NULL_KEY + "')", ts.get().name());
                perf.analyze(s.current(), cols, s.task(), IncidentService.THRESHOLD, byDay)
                        .forEach((k, v) -> days.put(k, Records.numbers(v)));
            }
            ResultGrid segments = ResultGrid.EMPTY;
            if (column != null) {
                Map<String, PerformanceMetrics> ref = perf.analyze(s.reference(), ModelColumns.of(s.reference().table()),
                        s.task(), IncidentService.THRESHOLD, s.reference().table().column(column).isPresent()
                                ? Grouping.byColumn(column) : Grouping.NONE);
                Map<String, PerformanceMetrics> cur = perf.analyze(s.current(), cols, s.task(),
                        IncidentService.THRESHOLD, Grouping.byColumn(column));
                segments = segmentGrid(column, ref, cur);
            }
            return new Object[] {days, segments};
        }, result -> {
            @SuppressWarnings("unchecked")
            Map<String, Map<String, Object>> days = (Map<String, Map<String, Object>>) result[0];
            overTime.set(days);
            bySegment.set((ResultGrid) result[1]);
            state.set("");
        }, e -> state.set("Failed: " + Errors.oneLine(e)));
    }

    static ResultGrid segmentGrid(String column, Map<String, PerformanceMetrics> ref,
            Map<String, PerformanceMetrics> cur) {
        List<String> metricNames = List.of("rows", "labeled", "accuracy", "precision", "recall", "f1", "roc_auc");
        List<String> header = new ArrayList<>();
        header.add(column);
        for (String m : metricNames) {
            header.add("ref " + m);
            header.add("cur " + m);
        }
        List<List<Object>> rows = new ArrayList<>();
        Set<String> keys = new LinkedHashSet<>(cur.keySet());
        keys.addAll(ref.keySet());
        for (String k : keys) {
            Map<String, Object> r = Records.numbers(ref.get(k));
            Map<String, Object> c = Records.numbers(cur.get(k));
            List<Object> row = new ArrayList<>();
            row.add(k);
            for (String m : metricNames) {
                row.add(r.get(m));
                row.add(c.get(m));
            }
            rows.add(row);
        }
        return new ResultGrid(header, rows, false);
    }

    public ObjectProperty<ResultGrid> metricsProperty() {
        return metrics;
    }

    public ObjectProperty<Map<String, Map<String, Object>>> overTimeProperty() {
        return overTime;
    }

    public ObjectProperty<ResultGrid> bySegmentProperty() {
        return bySegment;
    }

    public ObjectProperty<ResultGrid> confusionProperty() {
        return confusion;
    }

    public ObservableList<String> segmentColumns() {
        return segmentColumns;
    }

    public StringProperty segmentColumnProperty() {
        return segmentColumn;
    }

    public StringProperty stateProperty() {
        return state;
    }
}
