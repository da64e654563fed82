package org.inquest.analysis.filter;

import java.util.Locale;
import org.inquest.connectors.catalog.SqlTypes;

/**
 * The classes of values a filter can compare. DuckDB types are grouped so that a literal of the matching class
 * can always be cast without error; {@link #OTHER} (lists, structs, blobs, UUIDs…) allows only {@code IS NULL}.
 */
public enum ValueType {
    NUMBER("a number"), TEXT("text"), BOOLEAN("a boolean"), TIMESTAMP("a timestamp"), OTHER("a value");

    private final String words;

    ValueType(String words) {
        this.words = words;
    }

    /** The class in words, for messages. */
    public String words() {
        return words;
    }

    public static ValueType ofSqlType(String sqlType) {
        String t = sqlType.toUpperCase(Locale.ROOT);
        if (SqlTypes.isNumeric(t)) {
            return NUMBER;
        }
        if (SqlTypes.isBoolean(t)) {
            return BOOLEAN;
        }
        if (SqlTypes.isTemporal(t)) {
            return TIMESTAMP;
        }
        if (t.equals("VARCHAR") || t.startsWith("VARCHAR(") || t.startsWith("ENUM(")) {
            return TEXT;
        }
        return OTHER;
    }

    /** True for DuckDB's time-zone aware timestamp type, whose bounds are compared as UTC instants. */
    static boolean isZoned(String sqlType) {
        String t = sqlType.toUpperCase(Locale.ROOT);
        return t.contains("WITH TIME ZONE") || t.equals("TIMESTAMPTZ");
    }
}
