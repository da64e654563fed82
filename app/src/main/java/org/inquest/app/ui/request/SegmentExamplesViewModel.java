package org.inquest.app.ui.request;

import java.util.Optional;
import java.util.function.Supplier;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.inquest.analysis.segments.SegmentExamples;
import org.inquest.analysis.slice.Slice;
import org.inquest.analysis.slice.SliceResolver;
import org.inquest.app.ui.common.ResultGrid;
import org.inquest.app.ui.task.Errors;
import org.inquest.app.ui.task.LatestOnly;
import org.inquest.app.ui.task.TaskRunner;
import org.inquest.connectors.catalog.ColumnRole;

/**
 * Example predictions of the segment selected in the Segments tab, taken from the current slice: wrong ones
 * first, then the slowest. Each row opens the request view.
 */
public final class SegmentExamplesViewModel {
    static final int LIMIT = 50;
    private final ObjectProperty<ResultGrid> grid = new SimpleObjectProperty<>(ResultGrid.EMPTY);
    private final StringProperty message = new SimpleStringProperty("Select a segment to list example predictions.");
    private final LatestOnly latest = new LatestOnly();
    private final Supplier<TaskRunner> runner;
    private SegmentExamples.Examples examples;
    private String table;

    public SegmentExamplesViewModel(Supplier<TaskRunner> runner) {
        this.runner = runner;
    }

    /** Lists examples of {@code current} narrowed by {@code segment} (filter-language text; null clears). */
    public void load(Slice current, String segment) {
        TaskRunner r = runner.get();
        if (r == null || current == null || segment == null) {
            latest.cancel();
            examples = null;
            grid.set(ResultGrid.EMPTY);
            message.set("Select a segment to list example predictions.");
            return;
        }
        message.set("Listing examples of " + segment + "…");
        latest.submit(r, "Listing examples", ctx -> {
            Slice seg = SliceResolver.on(current.table(), segment, "segment");
            return new SegmentExamples(ctx.connection()).of(current.restrictedTo(seg.condition(), segment), LIMIT);
        }, e -> {
            examples = e;
            table = current.table().name();
            grid.set(new ResultGrid(e.columns(), e.rows(), false));
            message.set(e.rows().isEmpty() ? "No current prediction in " + segment
                    : "Examples of " + segment + " in the current slice (wrong first, then slowest)."
                            + " Double-click one to open its request.");
        }, e -> message.set(Errors.oneLine(e)));
    }

    /** The request of example row {@code index}: by its id when the table has one, else by its trace id. */
    public Optional<RequestKey> key(int index) {
        SegmentExamples.Examples e = examples;
        if (e == null || index < 0 || index >= e.rows().size()) {
            return Optional.empty();
        }
        int id = e.roles().indexOf(ColumnRole.ID);
        int trace = e.roles().indexOf(ColumnRole.TRACE_ID);
        Object idValue = id < 0 ? null : e.rows().get(index).get(id);
        Object traceValue = trace < 0 ? null : e.rows().get(index).get(trace);
        if (idValue != null) {
            return Optional.of(RequestKey.id(table, idValue));
        }
        return traceValue == null ? Optional.empty() : Optional.of(RequestKey.trace(traceValue.toString()));
    }

    public ObjectProperty<ResultGrid> gridProperty() {
        return grid;
    }

    public StringProperty messageProperty() {
        return message;
    }
}
