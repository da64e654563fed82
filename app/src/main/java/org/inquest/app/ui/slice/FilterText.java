package org.inquest.app.ui.slice;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Writes filter-language text for presets and quick pickers: column names quoted when the language needs it,
 * string literals with doubled quotes. The result is always parsed and checked again before use, like typed text.
 */
public final class FilterText {
    private static final Set<String> KEYWORDS = Set.of("and", "or", "not", "in", "is", "null", "like", "between",
            "true", "false", "timestamp", "date");

    private FilterText() {
    }

    public static String column(String name) {
        boolean plain = name.matches("[A-Za-z_][A-Za-z0-9_]*") && !KEYWORDS.contains(name.toLowerCase(Locale.ROOT));
        return plain ? name : "\"" + name.replace("\"", "\"\"") + "\"";
    }

    public static String string(String value) {
        return "'" + value.replace("'", "''") + "'";
    }

    public static String equalsValue(String column, String value) {
        return column(column) + " = " + string(value);
    }

    public static String in(String column, Collection<String> values) {
        if (values.size() == 1) {
            return equalsValue(column, values.iterator().next());
        }
        return column(column) + " IN (" + values.stream().map(FilterText::string).collect(Collectors.joining(", "))
                + ")";
    }

    /** {@code column >= day 00:00} (inclusive start). */
    public static String from(String column, LocalDate day) {
        return column(column) + " >= TIMESTAMP '" + day + " 00:00:00'";
    }

    /** {@code column < (day + 1) 00:00} (inclusive end day). */
    public static String through(String column, LocalDate day) {
        return column(column) + " < TIMESTAMP '" + day.plusDays(1) + " 00:00:00'";
    }

    /** Both parts joined with AND, either may be blank. */
    public static String and(String a, String b) {
        if (a == null || a.isBlank()) {
            return b == null ? "" : b;
        }
        if (b == null || b.isBlank()) {
            return a;
        }
        return a + " AND " + b;
    }
}
