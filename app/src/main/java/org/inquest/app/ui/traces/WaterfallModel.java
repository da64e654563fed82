package org.inquest.app.ui.traces;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.inquest.analysis.traces.SpanDetail;
import org.inquest.analysis.traces.TraceView;
import org.inquest.app.ui.task.Errors;
import org.inquest.app.ui.task.LatestOnly;
import org.inquest.app.ui.task.TaskRunner;

/**
 * State of a waterfall: the trace (spans in depth-first order, as {@code trace show} gives them), which subtrees
 * are collapsed, the rows that are therefore visible, the service colours, the selected span and its details
 * (attributes, events; loaded for that span only). Collapsing is index arithmetic over the depth-first order: the
 * subtree of span i is the run of spans after it that are deeper than it.
 */
public final class WaterfallModel {
    /** One visible row. {@code index} is the span's position in the trace's depth-first order. */
    public record Row(TraceView.SpanView span, int index, boolean hasChildren, boolean collapsed, int colour) {
    }

    private final ReadOnlyObjectWrapper<TraceView> trace = new ReadOnlyObjectWrapper<>();
    private final ObservableList<Row> rows = FXCollections.observableArrayList();
    private final ObjectProperty<Row> selected = new SimpleObjectProperty<>();
    private final ReadOnlyObjectWrapper<SpanDetail> detail = new ReadOnlyObjectWrapper<>();
    private final StringProperty detailMessage = new SimpleStringProperty("");
    private final Map<String, Integer> colours = new LinkedHashMap<>();
    private final LatestOnly detailTask = new LatestOnly();
    private BitSet collapsed = new BitSet();
    private String table;
    private Supplier<TaskRunner> runner = () -> null;

    public WaterfallModel() {
        selected.addListener((o, a, row) -> {
            if (a == null || row == null || a.index() != row.index()) {
                loadDetail(row);
            }
        });
    }

    /** Where span details are read: the runner of the open workspace. */
    public void setRunner(Supplier<TaskRunner> runnerSupplier) {
        this.runner = runnerSupplier;
    }

    /** Shows {@code view} (from spans table {@code spansTable}), everything expanded. */
    public void show(String spansTable, TraceView view) {
        this.table = spansTable;
        colours.clear();
        collapsed = new BitSet();
        selected.set(null);
        detail.set(null);
        detailMessage.set("");
        if (view != null) {
            for (TraceView.SpanView s : view.spans()) {
                colours.putIfAbsent(s.service() == null ? "" : s.service(), colours.size());
            }
        }
        trace.set(view);
        refresh();
    }

    public void clear() {
        show(null, null);
    }

    /** Collapses or expands the subtree under span {@code index}. */
    public void toggle(int index) {
        collapsed.flip(index);
        refresh();
    }

    public void expandAll() {
        collapsed.clear();
        refresh();
    }

    /** Collapses every span at {@code depth} that has children: the trace's outline down to that level. */
    public void collapseBelow(int depth) {
        TraceView view = trace.get();
        if (view == null) {
            return;
        }
        collapsed.clear();
        List<TraceView.SpanView> spans = view.spans();
        for (int i = 0; i < spans.size(); i++) {
            if (spans.get(i).depth() == depth && hasChildren(spans, i)) {
                collapsed.set(i);
            }
        }
        refresh();
    }

    /** Expands the ancestors of span {@code spanId} and selects it; false when the trace has no such span. */
    public boolean reveal(String spanId) {
        TraceView view = trace.get();
        if (view == null) {
            return false;
        }
        List<TraceView.SpanView> spans = view.spans();
        for (int i = 0; i < spans.size(); i++) {
            if (spans.get(i).spanId().equals(spanId)) {
                int depth = spans.get(i).depth();
                for (int j = i - 1; j >= 0 && depth > 0; j--) {
                    if (spans.get(j).depth() < depth) {
                        collapsed.clear(j);
                        depth = spans.get(j).depth();
                    }
                }
                refresh();
                for (Row r : rows) {
                    if (r.index() == i) {
                        selected.set(r);
                    }
                }
                return true;
            }
        }
        return false;
    }

    private static boolean hasChildren(List<TraceView.SpanView> spans, int i) {
        return i + 1 < spans.size() && spans.get(i + 1).depth() > spans.get(i).depth();
    }

    private void refresh() {
        TraceView view = trace.get();
        if (view == null) {
            rows.clear();
            return;
        }
        List<TraceView.SpanView> spans = view.spans();
        List<Row> visible = new ArrayList<>(spans.size());
        int i = 0;
        while (i < spans.size()) {
            TraceView.SpanView s = spans.get(i);
            boolean children = hasChildren(spans, i);
            boolean folded = children && collapsed.get(i);
            visible.add(new Row(s, i, children, folded, colourOf(s.service())));
            i++;
            if (folded) {
                while (i < spans.size() && spans.get(i).depth() > s.depth()) {
                    i++;
                }
            }
        }
        Row keep = selected.get();
        rows.setAll(visible);
        if (keep != null) {
            selected.set(visible.stream().filter(r -> r.index() == keep.index()).findFirst().orElse(null));
        }
    }

    /** The palette index of a service: services numbered in order of first appearance in the trace. */
    public int colourOf(String service) {
        return colours.getOrDefault(service == null ? "" : service, 0);
    }

    /** Services of the trace in order of first appearance (the legend). */
    public List<String> services() {
        return List.copyOf(colours.keySet());
    }

    private void loadDetail(Row row) {
        TaskRunner r = runner.get();
        TraceView view = trace.get();
        if (row == null || r == null || view == null || table == null) {
            detailTask.cancel();
            detail.set(null);
            return;
        }
        String traceId = view.traceId();
        String spanId = row.span().spanId();
        String spans = table;
        detailTask.submit(r, "Loading span " + spanId, ctx -> SpanDetail.load(ctx.connection(), spans, traceId,
                spanId), d -> {
                    detail.set(d.orElse(null));
                    detailMessage.set(d.isPresent() ? "" : "span " + spanId + " is not in " + spans);
                }, e -> detailMessage.set(Errors.oneLine(e)));
    }

    public ReadOnlyObjectProperty<TraceView> traceProperty() {
        return trace.getReadOnlyProperty();
    }

    public ObservableList<Row> rows() {
        return rows;
    }

    public ObjectProperty<Row> selectedProperty() {
        return selected;
    }

    public ReadOnlyObjectProperty<SpanDetail> detailProperty() {
        return detail.getReadOnlyProperty();
    }

    public StringProperty detailMessageProperty() {
        return detailMessage;
    }

    public String table() {
        return table;
    }
}
