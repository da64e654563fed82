package org.inquest.app.ui.common;

import java.util.List;
import javafx.beans.value.ObservableValue;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;

/**
 * A read-only table of a {@link ResultGrid}: sortable, cells copyable, CSV export; numbers right-aligned with
 * four decimals; cells reading CRITICAL / WARNING (or DRIFT) coloured; columns as wide as their header and text.
 */
public final class GridView extends TableView<List<Object>> {
    private ResultGrid grid = ResultGrid.EMPTY;

    public GridView(String id, String placeholder) {
        setId(id);
        setPlaceholder(new Label(placeholder));
        Grids.interactive(this, t -> grid);
        ColumnWidths.install(this, GridView::text);
    }

    public void bind(ObservableValue<ResultGrid> source) {
        source.addListener((o, a, g) -> show(g));
        show(source.getValue());
    }

    @SuppressWarnings("unchecked")
    public void show(ResultGrid g) {
        grid = g == null ? ResultGrid.EMPTY : g;
        Grids.show(this, grid);
        for (TableColumn<List<Object>, ?> c : getColumns()) {
            ((TableColumn<List<Object>, Object>) c).setCellFactory(col -> new TableCell<>() {
                @Override
                protected void updateItem(Object v, boolean empty) {
                    super.updateItem(v, empty);
                    getStyleClass().removeAll("cell-critical", "cell-warning");
                    setText(empty ? null : text(v));
                    setStyle(v instanceof Number ? "-fx-alignment: CENTER-RIGHT;" : "");
                    if (!empty && ("CRITICAL".equals(v) || "DRIFT".equals(v) || "critical".equals(v))) {
                        getStyleClass().add("cell-critical");
                    } else if (!empty && ("WARNING".equals(v) || "warning".equals(v))) {
                        getStyleClass().add("cell-warning");
                    }
                }
            });
        }
    }

    public ResultGrid grid() {
        return grid;
    }

    /** A cell's text: four decimals (tiny values in scientific notation), counts with thousands separators. */
    public static String text(Object v) {
        if (v == null) {
            return Format.NONE;
        }
        if (v instanceof Double d) {
            if (d.isNaN()) {
                return Format.NONE;
            }
            return d != 0 && Math.abs(d) < 1e-4 ? String.format(java.util.Locale.ROOT, "%.2e", d) : Format.number(d, 4);
        }
        if (v instanceof Long l) {
            return Format.count(l);
        }
        return Format.value(v);
    }
}
