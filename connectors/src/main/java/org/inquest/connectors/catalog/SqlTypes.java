package org.inquest.connectors.catalog;

import java.util.Locale;
import java.util.Set;

/** Classifies DuckDB type names. */
public final class SqlTypes {
    private static final Set<String> NUMERIC = Set.of("TINYINT", "SMALLINT", "INTEGER", "BIGINT", "HUGEINT",
            "UTINYINT", "USMALLINT", "UINTEGER", "UBIGINT", "UHUGEINT", "FLOAT", "DOUBLE", "REAL");

    private SqlTypes() {
    }

    public static boolean isNumeric(String sqlType) {
        String t = sqlType.toUpperCase(Locale.ROOT);
        return NUMERIC.contains(t) || t.startsWith("DECIMAL");
    }

    public static boolean isTemporal(String sqlType) {
        String t = sqlType.toUpperCase(Locale.ROOT);
        return t.startsWith("TIMESTAMP") || t.equals("DATE");
    }

    public static boolean isBoolean(String sqlType) {
        return sqlType.equalsIgnoreCase("BOOLEAN");
    }

    public static boolean isText(String sqlType) {
        return sqlType.equalsIgnoreCase("VARCHAR");
    }
}
