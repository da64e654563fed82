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
 * read a sample of about {@value #SAMPLE_ROWS} rows spread over the whole table — DuckDB's system sampling, which
 * skips whole vectors in the scan, so the cost stays that of {@value #SAMPLE_ROWS} rows at any table size and a key
 * that appears only in the incident's last days is still seen (the first rows of a table are its oldest). Keys are
 * the objects' top-level keys (OTLP attributes are flat, with dotted names).
 */
public final class KeySample {
    /** Rows read per lookup, about (whole vectors of 2,048 rows are sampled). */
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
        String sql = "SELECT k FROM (SELECT unnest(json_keys(v)) AS k FROM (" + sample(c, table, col, "v")
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
        String sql = "SELECT v, t FROM (SELECT json_extract_string(j, ?) AS v, json_type(j, ?) AS t FROM ("
                + sample(c, table, col, "j") + ")) WHERE v IS NOT NULL AND t NOT IN ('OBJECT', 'ARRAY', 'NULL')"
                + " GROUP BY v, t ORDER BY count(*) DESC, v LIMIT " + MAX_VALUES;
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

    /** A query of the sampled non-null values of {@code quotedColumn}, named {@code alias}. */
    private static String sample(Connection c, String table, String quotedColumn, String alias) throws SQLException {
        String from = Identifiers.userTable(table);
        long rows;
        try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM " + from);
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            rows = rs.getLong(1);
        }
        return "SELECT " + quotedColumn + " AS " + alias + " FROM " + from + samplingClause(rows) + " WHERE "
                + quotedColumn + " IS NOT NULL";
    }

    /**
     * The {@code TABLESAMPLE} clause that reads about {@value #SAMPLE_ROWS} of {@code rows} rows (empty when
     * the table is no larger): a percentage of the vectors, with a fixed seed so the same table offers the same.
     */
    static String samplingClause(long rows) {
        if (rows <= SAMPLE_ROWS) {
            return "";
        }
        return String.format(java.util.Locale.ROOT, " TABLESAMPLE %.6f PERCENT (system, 7)",
                100.0 * SAMPLE_ROWS / rows);
    }

    private static String literal(String value, String jsonType) {
        return switch (jsonType) {
            case "BIGINT", "UBIGINT", "DOUBLE" -> value;
            case "BOOLEAN" -> value.toUpperCase(java.util.Locale.ROOT);
            default -> CanonicalText.string(value);
        };
    }
}
