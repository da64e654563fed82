package org.inquest.app.ui.explorer;

import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.inquest.app.ui.common.Grids;

/**
 * A window listing a table's quarantined rows: source, line, column, raw text and reason; Escape or Close closes it.
 */
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
        Button close = new Button("Close");
        close.setId("quarantine-close");
        close.setOnAction(e -> stage.close());
        HBox actions = new HBox(close);
        actions.setAlignment(Pos.CENTER_RIGHT);
        actions.setPadding(new Insets(8, 12, 8, 12));
        BorderPane root = new BorderPane(grid);
        root.setBottom(actions);
        Scene scene = new Scene(root, 900, 500);
        if (owner.getScene() != null) {
            scene.getStylesheets().addAll(owner.getScene().getStylesheets()); // the owner's theme, dark or light
        }
        // a filter on the scene: Escape closes the window whichever control has the focus
        scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                e.consume();
                stage.close();
            }
        });
        stage.setScene(scene);
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
