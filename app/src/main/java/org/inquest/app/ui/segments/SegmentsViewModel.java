package org.inquest.app.ui.segments;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.inquest.analysis.performance.ModelColumns;
import org.inquest.analysis.segments.Contribution;
import org.inquest.analysis.segments.RootCause;
import org.inquest.analysis.segments.RootCauseAnalyzer;
import org.inquest.analysis.segments.RootCausePlan;
import org.inquest.analysis.segments.Segment;
import org.inquest.analysis.segments.SegmentCandidates;
import org.inquest.analysis.segments.SegmentMetric;
import org.inquest.analysis.segments.SegmentMetrics;
import org.inquest.analysis.slice.Slice;
import org.inquest.app.ui.analysis.IncidentService;
import org.inquest.app.ui.analysis.IncidentSnapshot;
import org.inquest.app.ui.common.ResultGrid;
import org.inquest.app.ui.slice.FilterText;
import org.inquest.app.ui.task.Errors;
import org.inquest.app.ui.task.LatestOnly;
import org.inquest.app.ui.task.TaskRunner;
import org.inquest.connectors.catalog.TableInfo;

/**
 * The segments tab: the root-cause engine's ranking of segments (single columns and pairs) by how much of each
 * metric's change they explain. Each row keeps its segment so a double-click can apply it as a filter.
 */
public final class SegmentsViewModel {
    static final List<String> COLUMNS = List.of("metric", "segment", "ref share", "cur share", "ref value",
            "cur value", "contribution", "share of change");
    private final ObjectProperty<ResultGrid> grid = new SimpleObjectProperty<>(ResultGrid.EMPTY);
    private final StringProperty state = new SimpleStringProperty("");
    private final List<Segment> rowSegments = new ArrayList<>();
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
        rowSegments.clear();
        grid.set(ResultGrid.EMPTY);
        state.set(s == null ? "" : "Open this tab to rank segments.");
    }

    public void load() {
        IncidentSnapshot s = snapshot;
        if (runner == null || s == null || loaded) {
            return;
        }
        loaded = true;
        state.set("Ranking segments…");
        latest.submit(runner, "Ranking segments", ctx -> {
            // The report's plan (metrics and numerical ranges), so both rank the same segments for the same slices.
            Slice ref = s.reference();
            Slice cur = s.current();
            Double refP95 = s.referenceLatency() == null ? null : s.referenceLatency().p95();
            List<SegmentMetric> metrics = RootCausePlan.metrics(new SegmentMetrics(ctx.connection()), ref, cur,
                    ModelColumns.of(ref.table()), s.task(), IncidentService.THRESHOLD, refP95, s.drift());
            List<String> columns = new SegmentCandidates(ctx.connection()).find(ref, cur);
            Map<String, double[]> bins = RootCausePlan.bins(s.drift(), ref);
            if (columns.isEmpty() && bins.isEmpty()) {
                return List.<RootCause>of();
            }
            return new RootCauseAnalyzer(ctx.connection()).analyze(ref, cur, metrics,
                    new RootCauseAnalyzer.SegmentColumns(columns, Map.of(), bins));
        }, this::showCauses, e -> state.set("Failed: " + Errors.oneLine(e)));
    }

    private void showCauses(List<RootCause> causes) {
        rowSegments.clear();
        List<List<Object>> rows = new ArrayList<>();
        for (RootCause cause : causes) {
            for (Contribution c : cause.top()) {
                rowSegments.add(c.segment());
                rows.add(Arrays.asList(cause.metric().label(), c.segment().name(), c.reference().share(),
                        c.current().share(), c.reference().value(), c.current().value(), c.contribution(),
                        c.shareOfChange()));
            }
        }
        grid.set(new ResultGrid(COLUMNS, rows, false));
        state.set(rows.isEmpty() ? "No segment explains a change (or no metric applies to these slices)."
                : "Double-click a segment to apply it as a filter to both slices.");
    }

    /** The filter-language condition selecting the segment of row {@code index} in {@code table}. */
    public String condition(int index, TableInfo table) {
        if (index < 0 || index >= rowSegments.size()) {
            return null;
        }
        return condition(rowSegments.get(index), table);
    }

    /** The filter-language condition selecting exactly the rows of {@code segment} in {@code table}. */
    static String condition(Segment segment, TableInfo table) {
        List<String> parts = new ArrayList<>();
        for (Map.Entry<String, String> e : segment.conditions().entrySet()) {
            String column = e.getKey();
            String value = e.getValue();
            boolean numeric = table != null && table.column(column).map(c -> c.isNumericType()).orElse(false);
            Segment.Bin bin = segment.bins().get(column);
            if (Segment.NULL_VALUE.equals(value)) {
                parts.add(FilterText.column(column) + " IS NULL");
            } else if (bin != null) {
                parts.add(range(column, bin));
            } else if (numeric) {
                parts.add(FilterText.column(column) + " = " + value);
            } else {
                parts.add(FilterText.equalsValue(column, value));
            }
        }
        return String.join(" AND ", parts);
    }

    /** A range (lower, upper] as {@code col > lower AND col <= upper}, an unbounded side left out. */
    private static String range(String column, Segment.Bin bin) {
        List<String> bounds = new ArrayList<>();
        if (bin.lower() != null) {
            bounds.add(FilterText.column(column) + " > " + number(bin.lower()));
        }
        if (bin.upper() != null) {
            bounds.add(FilterText.column(column) + " <= " + number(bin.upper()));
        }
        return String.join(" AND ", bounds);
    }

    /** The shortest decimal text that reads back as the same double: the filter selects exactly the ranked rows. */
    private static String number(double v) {
        return BigDecimal.valueOf(v).toPlainString();
    }

    public ObjectProperty<ResultGrid> gridProperty() {
        return grid;
    }

    public StringProperty stateProperty() {
        return state;
    }
}
