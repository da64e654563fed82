package org.inquest.app.ui.common;

import java.util.List;

/** A small, already-fetched table of values: what a grid shows and exports as CSV. */
public record ResultGrid(List<String> columns, List<List<Object>> rows, boolean truncated) {
    public ResultGrid {
        columns = List.copyOf(columns);
        rows = List.copyOf(rows);
    }

    public static final ResultGrid EMPTY = new ResultGrid(List.of(), List.of(), false);
}
