package org.inquest.app.ui.sql;

import java.util.List;
import java.util.function.BiConsumer;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.inquest.app.ui.common.ColumnWidths;
import org.inquest.app.ui.common.Grids;

/** The SQL console tab: editor (Ctrl+Enter runs), history on the side, results grid below. */
public final class SqlConsoleView extends BorderPane {
    public SqlConsoleView(SqlConsoleViewModel vm) {
        this(vm, null);
    }

    /** {@code openRow} receives a result row and its column names (double-click, or "Open request view"). */
    public SqlConsoleView(SqlConsoleViewModel vm, BiConsumer<List<String>, List<Object>> openRow) {
        setId("sql-console");
        setPadding(new Insets(8));
        TextArea editor = new TextArea();
        editor.setId("sql-editor");
        editor.setPromptText("SELECT model_version, count(*) FROM predictions GROUP BY ALL   (Ctrl+Enter runs; read-only)");
        editor.setPrefRowCount(5);
        editor.getStyleClass().add("monospace");
        editor.textProperty().bindBidirectional(vm.sqlProperty());
        KeyCombination runKey = new KeyCodeCombination(KeyCode.ENTER, KeyCombination.SHORTCUT_DOWN);
        editor.addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            if (runKey.match(e)) {
                vm.run();
                e.consume();
            }
        });
        Button run = new Button("Run");
        run.setId("sql-run");
        run.setDefaultButton(false);
        run.setOnAction(e -> vm.run());
        run.disableProperty().bind(vm.runningProperty());
        Button cancel = new Button("Cancel");
        cancel.setOnAction(e -> vm.cancel());
        cancel.disableProperty().bind(vm.runningProperty().not());
        Label summary = new Label();
        summary.textProperty().bind(vm.summaryProperty());
        Label error = new Label();
        error.setId("sql-error");
        error.getStyleClass().add("danger");
        error.textProperty().bind(vm.errorProperty());
        error.setWrapText(true);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox actions = new HBox(8, run, cancel, summary, spacer);

        ListView<String> history = new ListView<>(vm.history());
        history.setId("sql-history");
        history.setPrefWidth(260);
        history.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2 && history.getSelectionModel().getSelectedItem() != null) {
                vm.sqlProperty().set(history.getSelectionModel().getSelectedItem());
            }
        });
        VBox historyBox = new VBox(4, new Label("History (double-click to reuse)"), history);
        VBox.setVgrow(history, Priority.ALWAYS);

        TableView<List<Object>> results = new TableView<>();
        results.setId("sql-results");
        results.setPlaceholder(new Label("Run a query to see its rows."));
        Grids.interactive(results, t -> vm.resultProperty().get());
        ColumnWidths.install(results, v -> v == null ? "" : v.toString()); // what the default cells show
        vm.resultProperty().addListener((o, a, grid) -> Grids.show(results, grid));
        if (openRow != null) {
            Runnable open = () -> {
                List<Object> row = results.getSelectionModel().getSelectedItem();
                if (row != null) {
                    openRow.accept(vm.resultProperty().get().columns(), row);
                }
            };
            javafx.scene.control.MenuItem item = new javafx.scene.control.MenuItem("Open request view");
            item.setOnAction(e -> open.run());
            results.getContextMenu().getItems().add(0, item);
            results.setOnMouseClicked(e -> {
                if (e.getClickCount() == 2) {
                    open.run();
                }
            });
            results.addEventHandler(javafx.scene.input.KeyEvent.KEY_RELEASED, e -> {
                if (e.getCode() == KeyCode.ENTER) {
                    open.run();
                    e.consume();
                }
            });
        }

        VBox top = new VBox(6, editor, actions, error);
        top.setPadding(new Insets(0, 8, 0, 0));
        SplitPane editorAndHistory = new SplitPane(top, historyBox);
        editorAndHistory.setDividerPositions(0.75);
        SplitPane all = new SplitPane(editorAndHistory, results);
        all.setOrientation(javafx.geometry.Orientation.VERTICAL);
        all.setDividerPositions(0.35);
        setCenter(all);
    }
}
