package org.inquest.app.ui.explorer;

import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.Scene;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.inquest.app.ui.common.Grids;

/** A window listing a table's quarantined rows: source, line, column, raw text and reason. */
public final class QuarantineView {
    private QuarantineView() {
    }

    public static Stage show(Window owner, ExplorerViewModel vm, String table) {
        TableView<ExplorerService.QuarantineRow> grid = new TableView<>(vm.quarantine());
        grid.setId("quarantine-table");
        grid.getColumns().add(column("source", ExplorerService.QuarantineRow::source));
        grid.getColumns().add(column("line", r -> r.line() == null ? "" : r.line().toString()));
        grid.getColumns().add(column("column", ExplorerService.QuarantineRow::column));
        grid.getColumns().add(column("reason", ExplorerService.QuarantineRow::reason));
        grid.getColumns().add(column("raw", ExplorerService.QuarantineRow::raw));
        Grids.interactive(grid, Grids::visible);
        grid.setPlaceholder(new javafx.scene.control.Label("Loading…"));
        vm.loadQuarantine(table);
        Stage stage = new Stage();
        stage.initOwner(owner);
        stage.setTitle("Quarantine — " + table);
        stage.setScene(new Scene(grid, 900, 500));
        stage.show();
        return stage;
    }

    private static TableColumn<ExplorerService.QuarantineRow, String> column(String title,
            Function<ExplorerService.QuarantineRow, String> value) {
        TableColumn<ExplorerService.QuarantineRow, String> c = new TableColumn<>(title);
        c.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
        c.setPrefWidth(title.equals("raw") ? 320 : title.equals("reason") ? 260 : 110);
        return c;
    }
}
