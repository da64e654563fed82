package org.inquest.app.ui.common;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TablePosition;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.stage.FileChooser;

/**
 * Tables that behave the same everywhere: cells selectable and copyable (Ctrl+C copies the selection as
 * tab-separated text), and a context menu to export the whole table as CSV.
 */
public final class Grids {
    private Grids() {
    }

    /** Shows {@code grid} in {@code table}, rebuilding the columns (sized by the table's {@link ColumnWidths}). */
    public static void show(TableView<List<Object>> table, ResultGrid grid) {
        table.getColumns().clear();
        for (int i = 0; i < grid.columns().size(); i++) {
            final int index = i;
            TableColumn<List<Object>, Object> column = new TableColumn<>(grid.columns().get(i));
            column.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(cell.getValue().get(index)));
            column.setComparator(Grids::compare);
            table.getColumns().add(column);
        }
        table.setItems(FXCollections.observableArrayList(grid.rows()));
        ColumnWidths.fit(table);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    static int compare(Object a, Object b) {
        if (a == null || b == null) {
            return a == null ? (b == null ? 0 : -1) : 1;
        }
        if (a instanceof Number x && b instanceof Number y) {
            return Double.compare(x.doubleValue(), y.doubleValue());
        }
        if (a instanceof Comparable ca && a.getClass() == b.getClass()) {
            return ca.compareTo(b);
        }
        return a.toString().compareTo(b.toString());
    }

    /** Cell selection, Ctrl+C copy, and "Copy" / "Export CSV…" in the context menu; {@code toGrid} exports. */
    public static <T> TableView<T> interactive(TableView<T> table, Function<TableView<T>, ResultGrid> toGrid) {
        table.getSelectionModel().setCellSelectionEnabled(true);
        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        KeyCombination copyKey = new KeyCodeCombination(KeyCode.C, KeyCombination.SHORTCUT_DOWN);
        table.setOnKeyPressed(e -> {
            if (copyKey.match(e)) {
                Clip.copy(selectionText(table));
                e.consume();
            }
        });
        MenuItem copy = new MenuItem("Copy");
        copy.setOnAction(e -> Clip.copy(selectionText(table)));
        MenuItem export = new MenuItem("Export CSV…");
        export.setOnAction(e -> exportCsv(table, toGrid.apply(table)));
        table.setContextMenu(new ContextMenu(copy, export));
        return table;
    }

    /** The table's visible columns and rows as a grid of the displayed cell values. */
    public static <T> ResultGrid visible(TableView<T> table) {
        List<String> names = new ArrayList<>();
        for (TableColumn<T, ?> c : table.getColumns()) {
            names.add(c.getText());
        }
        List<List<Object>> rows = new ArrayList<>();
        for (T item : table.getItems()) {
            List<Object> row = new ArrayList<>();
            for (TableColumn<T, ?> c : table.getColumns()) {
                row.add(c.getCellObservableValue(item) == null ? null : c.getCellObservableValue(item).getValue());
            }
            rows.add(row);
        }
        return new ResultGrid(names, rows, false);
    }

    static <T> String selectionText(TableView<T> table) {
        StringBuilder out = new StringBuilder();
        int lastRow = -1;
        for (TablePosition<?, ?> pos : table.getSelectionModel().getSelectedCells()) {
            if (lastRow >= 0) {
                out.append(pos.getRow() == lastRow ? '\t' : '\n');
            }
            Object v = pos.getTableColumn() == null ? null
                    : pos.getTableColumn().getCellObservableValue(pos.getRow()).getValue();
            out.append(v == null ? "" : Format.value(v));
            lastRow = pos.getRow();
        }
        return out.toString();
    }

    static void exportCsv(TableView<?> owner, ResultGrid grid) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export CSV");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("CSV", "*.csv"));
        chooser.setInitialFileName("table.csv");
        java.io.File file = chooser.showSaveDialog(owner.getScene().getWindow());
        if (file != null) {
            writeCsv(file.toPath(), grid);
        }
    }

    public static void writeCsv(Path file, ResultGrid grid) {
        try {
            Files.writeString(file, Csv.of(grid), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot write " + file, e);
        }
    }
}
