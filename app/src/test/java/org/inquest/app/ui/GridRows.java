package org.inquest.app.ui;

import java.util.List;
import org.inquest.app.ui.common.ResultGrid;

/** Reads a view model's {@link ResultGrid} the way a person reads the table: the row whose first cell is a key. */
public final class GridRows {
    private GridRows() {
    }

    public static List<Object> row(ResultGrid grid, String key) {
        return grid.rows().stream().filter(r -> key.equals(r.get(0))).findFirst()
                .orElseThrow(() -> new AssertionError("no row " + key + " in " + grid.rows()));
    }

    /** The cell of row {@code key} under {@code column}. */
    public static Object cell(ResultGrid grid, String key, String column) {
        int i = grid.columns().indexOf(column);
        if (i < 0) {
            throw new AssertionError("no column " + column + " in " + grid.columns());
        }
        return row(grid, key).get(i);
    }

    /** The first cells of every row, in order. */
    public static List<Object> keys(ResultGrid grid) {
        return grid.rows().stream().map(r -> r.get(0)).toList();
    }
}
