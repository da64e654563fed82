package org.inquest.app.ui.sql;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.inquest.app.ui.common.ResultGrid;
import org.inquest.app.ui.task.Errors;
import org.inquest.app.ui.task.LatestOnly;
import org.inquest.app.ui.task.TaskRunner;

/** The read-only SQL console: the statement being edited, the result grid, the error, and the history. */
public final class SqlConsoleViewModel {
    static final int MAX_ROWS = 10_000;
    private final SqlService service = new SqlService();
    private final StringProperty sql = new SimpleStringProperty("");
    private final ObjectProperty<ResultGrid> result = new SimpleObjectProperty<>(ResultGrid.EMPTY);
    private final StringProperty error = new SimpleStringProperty("");
    private final StringProperty summary = new SimpleStringProperty("");
    private final BooleanProperty running = new SimpleBooleanProperty(false);
    private final ObservableList<String> history = FXCollections.observableArrayList();
    private final LatestOnly latest = new LatestOnly();
    private TaskRunner runner;

    public void attach(TaskRunner runner) {
        this.runner = runner;
        result.set(ResultGrid.EMPTY);
        error.set("");
        summary.set("");
    }

    public void run() {
        String text = sql.get() == null ? "" : sql.get().strip();
        if (runner == null || text.isEmpty()) {
            return;
        }
        history.remove(text);
        history.add(0, text);
        error.set("");
        running.set(true);
        long started = System.nanoTime();
        latest.submit(runner, "Running SQL", ctx -> service.run(ctx.connection(), text, MAX_ROWS), grid -> {
            running.set(false);
            result.set(grid);
            long ms = (System.nanoTime() - started) / 1_000_000;
            summary.set((grid.truncated() ? grid.rows().size() + "+ rows (first " + MAX_ROWS + " shown)"
                    : org.inquest.app.ui.common.Format.count(grid.rows().size(), "row"))
                    + " in " + ms + " ms");
        }, e -> {
            running.set(false);
            error.set(Errors.oneLine(e));
            summary.set("");
        });
    }

    public void cancel() {
        latest.cancel();
        running.set(false);
        summary.set("cancelled");
    }

    public StringProperty sqlProperty() {
        return sql;
    }

    public ObjectProperty<ResultGrid> resultProperty() {
        return result;
    }

    public StringProperty errorProperty() {
        return error;
    }

    public StringProperty summaryProperty() {
        return summary;
    }

    public BooleanProperty runningProperty() {
        return running;
    }

    public ObservableList<String> history() {
        return history;
    }
}
