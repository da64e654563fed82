package org.inquest.app.ui.segments;

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
import org.inquest.analysis.segments.Segment;
import org.inquest.analysis.segments.SegmentCandidates;
import org.inquest.analysis.segments.SegmentMetric;
import org.inquest.analysis.segments.SegmentMetrics;
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
            SegmentMetrics m = new SegmentMetrics(ctx.connection());
            ModelColumns cols = ModelColumns.of(s.current().table());
            List<SegmentMetric> metrics = new ArrayList<>();
            if (ModelColumns.of(s.reference().table()).label().isPresent()) {
                m.quality(cols, s.task(), IncidentService.THRESHOLD).ifPresent(metrics::add);
            }
            if (s.reference().table().columnWithRole(org.inquest.connectors.catalog.ColumnRole.LATENCY_MS)
                    .isPresent()) {
                m.latencyP95(s.reference()).ifPresent(metrics::add);
            }
            if (ModelColumns.of(s.reference().table()).score().isPresent()) {
                m.meanScore(cols).ifPresent(metrics::add);
            }
            List<String> columns = new SegmentCandidates(ctx.connection()).find(s.reference(), s.current());
            return new RootCauseAnalyzer(ctx.connection()).analyze(s.reference(), s.current(), metrics, columns);
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
        List<String> parts = new ArrayList<>();
        for (Map.Entry<String, String> e : rowSegments.get(index).conditions().entrySet()) {
            String column = e.getKey();
            String value = e.getValue();
            boolean numeric = table != null && table.column(column).map(c -> c.isNumericType()).orElse(false);
            if (Segment.NULL_VALUE.equals(value)) {
                parts.add(FilterText.column(column) + " IS NULL");
            } else if (numeric) {
                parts.add(FilterText.column(column) + " = " + value);
            } else {
                parts.add(FilterText.equalsValue(column, value));
            }
        }
        return String.join(" AND ", parts);
    }

    public ObjectProperty<ResultGrid> gridProperty() {
        return grid;
    }

    public StringProperty stateProperty() {
        return state;
    }
}
