package org.inquest.analysis.filter;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.inquest.connectors.workspace.Identifiers;

/**
 * The keys of a JSON column, and the values of one key, for completing {@code column['key']} in a filter. Both
 * read only the first {@value #SAMPLE_ROWS} non-null rows of the column (DuckDB stops the scan there), so they
 * cost the same on a 10-row and a 10-million-row table: completion offers what is common, not an inventory. Keys
 * are the objects' top-level keys (OTLP attributes are flat, with dotted names).
 */
public final class KeySample {
    /** Rows read per lookup. */
    public static final int SAMPLE_ROWS = 20_000;
    /** Keys offered at most: the most frequent in the sample. */
    public static final int MAX_KEYS = 200;
    /** Values of one key offered at most: the most frequent in the sample. */
    public static final int MAX_VALUES = 50;

    private KeySample() {
    }

    /** One value of a key: as it reads ({@code label}) and as the filter language writes it ({@code literal}). */
    public record Value(String label, String literal) {
    }

    /** The most frequent keys of {@code column} in the sample, sorted by name. */
    public static List<String> keys(Connection c, String table, String column) throws SQLException {
        String col = Identifiers.quote(column);
        String sql = "SELECT k FROM (SELECT unnest(json_keys(v)) AS k FROM (SELECT " + col + " AS v FROM "
                + Identifiers.userTable(table) + " WHERE " + col + " IS NOT NULL LIMIT " + SAMPLE_ROWS
                + ") WHERE json_type(v) = 'OBJECT') GROUP BY k ORDER BY count(*) DESC, k LIMIT " + MAX_KEYS;
        List<String> keys = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                keys.add(rs.getString(1));
            }
        }
        keys.sort(null);
        return keys;
    }

    /**
     * The most frequent scalar values of {@code key} in the sample, sorted by label: numbers and booleans written
     * bare, text quoted, so each literal compares the way the value is stored (ADR 0073). Objects, arrays and
     * nulls are left out.
     */
    public static List<Value> values(Connection c, String table, String column, String key) throws SQLException {
        String col = Identifiers.quote(column);
        String sql = "SELECT v, t FROM (SELECT json_extract_string(j, ?) AS v, json_type(j, ?) AS t FROM (SELECT "
                + col + " AS j FROM " + Identifiers.userTable(table) + " WHERE " + col + " IS NOT NULL LIMIT "
                + SAMPLE_ROWS + ")) WHERE v IS NOT NULL AND t NOT IN ('OBJECT', 'ARRAY', 'NULL') GROUP BY v, t"
                + " ORDER BY count(*) DESC, v LIMIT " + MAX_VALUES;
        List<Value> values = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            String pointer = KeyedValues.pointer(key);
            ps.setString(1, pointer);
            ps.setString(2, pointer);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String v = rs.getString(1);
                    values.add(new Value(v, literal(v, rs.getString(2))));
                }
            }
        }
        values.sort(java.util.Comparator.comparing(Value::label));
        return values;
    }

    private static String literal(String value, String jsonType) {
        return switch (jsonType) {
            case "BIGINT", "UBIGINT", "DOUBLE" -> value;
            case "BOOLEAN" -> value.toUpperCase(java.util.Locale.ROOT);
            default -> CanonicalText.string(value);
        };
    }
}
