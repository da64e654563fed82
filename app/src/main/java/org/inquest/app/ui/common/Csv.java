package org.inquest.app.ui.common;

import java.util.List;
import java.util.function.Function;

/**
 * RFC 4180 CSV text for a grid (fields quoted when they hold a comma, quote or line break), and the tab-separated
 * text that charts and tables copy.
 */
public final class Csv {
    private Csv() {
    }

    public static String of(ResultGrid grid) {
        return write(grid, ',', Csv::field);
    }

    /**
     * Tab-separated text, as spreadsheets take it from the clipboard: a header row, then a row per grid row (tabs and
     * line breaks in a value become spaces, since TSV has no quoting).
     */
    public static String tsv(ResultGrid grid) {
        return write(grid, '\t', v -> v == null ? "" : Format.value(v).replaceAll("[\t\r\n]", " "));
    }

    private static String write(ResultGrid grid, char separator, Function<Object, String> field) {
        StringBuilder out = new StringBuilder();
        line(out, grid.columns(), separator, field);
        for (List<Object> row : grid.rows()) {
            line(out, row, separator, field);
        }
        return out.toString();
    }

    private static void line(StringBuilder out, List<?> values, char separator, Function<Object, String> field) {
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                out.append(separator);
            }
            out.append(field.apply(values.get(i)));
        }
        out.append('\n');
    }

    static String field(Object value) {
        if (value == null) {
            return "";
        }
        String s = Format.value(value); // a date-time as shown (ISO), anything else as its text
        if (s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r")) {
            return "\"" + s.replace("\"", "\"\"") + "\"";
        }
        return s;
    }
}
