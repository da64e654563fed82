package org.inquest.app.ui.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableCell;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.StackPane;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.inquest.app.ui.Theme;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A grid's columns fit what they show in the workbench's theme: a header wider than its values and a number wider
 * than its header are both drawn whole, not cut to "…" (the text a Labeled draws is its text, or a shortened copy
 * ending in "…" when it does not fit).
 */
@ExtendWith(ApplicationExtension.class)
class GridViewUiTest {
    GridView grid;

    @Start
    void start(Stage stage) {
        grid = new GridView("grid", "empty");
        Scene scene = new Scene(new StackPane(grid), 900, 300);
        Theme.apply(scene, false);
        stage.setScene(scene);
        stage.show();
    }

    @Test
    void headersAndNumbersAreShownWhole(FxRobot robot) {
        // capitals are wider than the average letter; a sum in the billions is wider than "total"
        ResultGrid g = new ResultGrid(List.of("MEAN_WAIT_MS", "WWW", "total", "region"), List.of(
                List.of(1L, "a", 1234567890.125, "EU"),
                List.of(2L, "b", 0.5, "US")), false);
        robot.interact(() -> grid.show(g));
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> grid.show(g)); // a refresh with the same data keeps them whole
        WaitForAsyncUtils.waitForFxEvents();

        List<String> headers = new ArrayList<>();
        for (Node n : grid.lookupAll(".column-header > .label")) {
            Labeled label = (Labeled) n;
            if (!label.getText().isEmpty()) {
                assertEquals(label.getText(), drawn(label), "header " + label.getText());
                headers.add(label.getText());
            }
        }
        assertEquals(g.columns(), headers);
        List<String> cells = new ArrayList<>();
        for (Node n : grid.lookupAll(".table-cell")) {
            TableCell<?, ?> cell = (TableCell<?, ?>) n;
            if (!cell.isEmpty() && cell.getText() != null) {
                assertEquals(cell.getText(), drawn(cell), "cell under " + cell.getTableColumn().getText());
                cells.add(cell.getText());
            }
        }
        assertTrue(cells.contains("1234567890.1250"), cells.toString());
        for (TableColumn<List<Object>, ?> c : grid.getColumns()) {
            assertTrue(c.getWidth() <= ColumnWidths.MAX, c.getText() + " " + c.getWidth());
        }
    }

    @Test
    void aLongTextIsCutAtTheMaximumWidthButItsHeaderIsNot(FxRobot robot) {
        String path = "/a/very/long/path/".repeat(12) + "predictions.parquet";
        ResultGrid g = new ResultGrid(List.of("source file", "a header much longer than the one value it heads, as a column named by a SQL expression can be"),
                List.of(List.of(path, 1L)), false);
        robot.interact(() -> grid.show(g));
        WaitForAsyncUtils.waitForFxEvents();
        TableColumn<List<Object>, ?> source = grid.getColumns().get(0);
        assertEquals(ColumnWidths.MAX, source.getWidth(), 0.5);
        for (Node n : grid.lookupAll(".column-header > .label")) {
            Labeled label = (Labeled) n;
            assertEquals(label.getText(), drawn(label), "header " + label.getText());
        }
        assertTrue(grid.getColumns().get(1).getWidth() > ColumnWidths.MAX, "the long header is not cut");
    }

    @Test
    void aColumnThatFormatsItsOwnCellsIsMeasuredAsItShowsThem(FxRobot robot) {
        // "%.6f" makes 1234567.5 read 1234567.500000, wider than its toString
        TableView<Double> table = new TableView<>();
        TableColumn<Double, Double> c = new TableColumn<>("ms");
        c.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(d.getValue()));
        java.util.function.Function<Object, String> shown = v -> String.format(Locale.ROOT, "%.6f", v);
        c.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(Double v, boolean empty) {
                super.updateItem(v, empty);
                setText(empty || v == null ? null : shown.apply(v));
            }
        });
        ColumnWidths.cellText(c, shown);
        table.getColumns().add(c);
        ColumnWidths.install(table, String::valueOf);
        robot.interact(() -> {
            ((StackPane) grid.getParent()).getChildren().setAll(table);
            table.getItems().setAll(1234567.5, 2.0);
        });
        WaitForAsyncUtils.waitForFxEvents();
        List<String> cells = new ArrayList<>();
        for (Node n : table.lookupAll(".table-cell")) {
            TableCell<?, ?> cell = (TableCell<?, ?>) n;
            if (!cell.isEmpty() && cell.getText() != null) {
                assertEquals(cell.getText(), drawn(cell));
                cells.add(cell.getText());
            }
        }
        assertTrue(cells.contains("1234567.500000"), cells.toString());
    }

    /** The text the Labeled's skin draws. */
    private static String drawn(Labeled labeled) {
        Node text = labeled.lookup(".text");
        if (!(text instanceof Text t)) {
            throw new AssertionError("no text drawn in " + labeled);
        }
        return t.getText();
    }
}
