package org.inquest.app.ui.explorer;

import java.util.List;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.inquest.app.ui.task.LatestOnly;
import org.inquest.app.ui.task.TaskRunner;

/** The workspace explorer: the tables, the one selected, and its quarantine when asked for. */
public final class ExplorerViewModel {
    private final ExplorerService service = new ExplorerService();
    private final ObservableList<TableSummary> tables = FXCollections.observableArrayList();
    private final ObjectProperty<TableSummary> selected = new SimpleObjectProperty<>();
    private final ObservableList<ExplorerService.QuarantineRow> quarantine = FXCollections.observableArrayList();
    private final LatestOnly refresh = new LatestOnly();
    private final LatestOnly quarantineLoad = new LatestOnly();
    private TaskRunner runner;

    public void attach(TaskRunner runner) {
        this.runner = runner;
        tables.clear();
        quarantine.clear();
        selected.set(null);
    }

    public void refresh() {
        if (runner == null) {
            return;
        }
        refresh.submit(runner, "Reading tables", ctx -> service.tables(ctx.connection()), this::show, e -> { });
    }

    private void show(List<TableSummary> loaded) {
        String previous = selected.get() == null ? null : selected.get().name();
        tables.setAll(loaded);
        selected.set(loaded.stream().filter(t -> t.name().equals(previous)).findFirst()
                .orElse(loaded.isEmpty() ? null : loaded.get(0)));
    }

    public void loadQuarantine(String table) {
        quarantineLoad.submit(runner, "Reading quarantine of " + table,
                ctx -> service.quarantine(ctx.connection(), table, 10_000), quarantine::setAll, e -> { });
    }

    public ObservableList<TableSummary> tables() {
        return tables;
    }

    public ObjectProperty<TableSummary> selectedProperty() {
        return selected;
    }

    public ObservableList<ExplorerService.QuarantineRow> quarantine() {
        return quarantine;
    }
}
