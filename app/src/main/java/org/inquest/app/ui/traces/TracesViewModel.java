package org.inquest.app.ui.traces;

import java.util.List;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.inquest.analysis.slice.SliceResolver;
import org.inquest.analysis.slice.SqlFragment;
import org.inquest.analysis.traces.OperationStats;
import org.inquest.analysis.traces.TraceSearch;
import org.inquest.analysis.traces.TraceShow;
import org.inquest.analysis.traces.TraceStats;
import org.inquest.analysis.traces.TraceView;
import org.inquest.app.ui.task.TaskRunner;
import org.inquest.connectors.catalog.Catalog;
import org.inquest.connectors.catalog.TableInfo;
import org.inquest.connectors.traces.SpanTable;

/**
 * State of the Traces tab: the spans tables of the workspace, the stage statistics and slowest traces of the chosen
 * one (optionally only traces with a span matching a filter), and the waterfall of the selected trace. All DuckDB
 * work goes through the task runner; results arrive on the UI thread.
 */
public final class TracesViewModel {
    static final int SEARCH_LIMIT = 200;

    private final ObservableList<String> tables = FXCollections.observableArrayList();
    private final StringProperty table = new SimpleStringProperty();
    private final StringProperty filter = new SimpleStringProperty("");
    private final ObservableList<OperationStats> stages = FXCollections.observableArrayList();
    private final ObservableList<TraceSearch.TraceSummary> traces = FXCollections.observableArrayList();
    private final ObjectProperty<TraceView> waterfall = new SimpleObjectProperty<>();
    private final StringProperty message = new SimpleStringProperty("");
    private TaskRunner runner;

    public void attach(TaskRunner newRunner) {
        this.runner = newRunner;
        tables.clear();
        stages.clear();
        traces.clear();
        waterfall.set(null);
        refreshTables();
    }

    /** Lists the workspace's spans tables and searches the first. */
    public void refreshTables() {
        if (runner == null) {
            return;
        }
        runner.submit("Listing trace tables", ctx -> new Catalog(ctx.connection()).tables().stream()
                        .filter(t -> SpanTable.KIND.equals(t.kind())).map(TableInfo::name).toList(),
                names -> {
                    tables.setAll(names);
                    if (!names.isEmpty() && (table.get() == null || !names.contains(table.get()))) {
                        table.set(names.get(0));
                    }
                    if (names.isEmpty()) {
                        message.set("No traces in this workspace: import some with inquest import --kind traces.");
                    } else {
                        search();
                    }
                }, this::fail);
    }

    /** Stage statistics and the slowest traces of the chosen table, restricted by the span filter. */
    public void search() {
        String name = table.get();
        if (runner == null || name == null) {
            return;
        }
        String where = filter.get();
        runner.submit("Searching traces", ctx -> {
            SqlFragment condition = new SliceResolver(ctx.connection()).resolve(name, where, "span filter")
                    .condition();
            List<OperationStats> ops = new TraceStats(ctx.connection()).compute(name, condition).operations();
            List<TraceSearch.TraceSummary> found = new TraceSearch(ctx.connection()).slowest(name, condition,
                    SEARCH_LIMIT);
            return new Object[] {ops, found};
        }, result -> {
            @SuppressWarnings("unchecked")
            List<OperationStats> ops = (List<OperationStats>) result[0];
            @SuppressWarnings("unchecked")
            List<TraceSearch.TraceSummary> found = (List<TraceSearch.TraceSummary>) result[1];
            stages.setAll(ops);
            traces.setAll(found);
            message.set(found.size() + (found.size() == SEARCH_LIMIT ? "+" : "") + " traces, slowest first");
        }, this::fail);
    }

    /** Loads the waterfall of {@code traceId}. */
    public void open(String traceId) {
        String name = table.get();
        if (runner == null || name == null || traceId == null) {
            return;
        }
        runner.submit("Loading trace " + traceId, ctx -> new TraceShow(ctx.connection()).show(name, traceId),
                view -> {
                    waterfall.set(view);
                    message.set("trace " + view.traceId() + ": " + view.spanCount() + " spans, "
                            + String.format(java.util.Locale.ROOT, "%.3f ms", view.durationMs())
                            + (view.warnings().isEmpty() ? "" : ", " + view.warnings().size() + " warnings"));
                }, this::fail);
    }

    private void fail(Throwable error) {
        message.set(error.getMessage() == null ? error.toString() : error.getMessage());
    }

    public ObservableList<String> tables() {
        return tables;
    }

    public StringProperty tableProperty() {
        return table;
    }

    public StringProperty filterProperty() {
        return filter;
    }

    public ObservableList<OperationStats> stages() {
        return stages;
    }

    public ObservableList<TraceSearch.TraceSummary> traces() {
        return traces;
    }

    public ObjectProperty<TraceView> waterfallProperty() {
        return waterfall;
    }

    public StringProperty messageProperty() {
        return message;
    }
}
