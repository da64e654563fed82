package org.inquest.app.ui.common;

import java.util.List;

/** RFC 4180 CSV text for a grid (fields quoted when they hold a comma, quote or line break). */
public final class Csv {
    private Csv() {
    }

    public static String of(ResultGrid grid) {
        StringBuilder out = new StringBuilder();
        line(out, grid.columns());
        for (List<Object> row : grid.rows()) {
            line(out, row);
        }
        return out.toString();
    }

    private static void line(StringBuilder out, List<?> values) {
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(field(values.get(i)));
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
