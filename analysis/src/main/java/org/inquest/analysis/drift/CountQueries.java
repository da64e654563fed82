package org.inquest.analysis.drift;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.inquest.analysis.slice.Slice;
import org.inquest.analysis.slice.ValueCounts;
import org.inquest.connectors.workspace.Identifiers;

/** The per-bin and per-category counts that PSI, Jensen–Shannon and chi-square are computed from. */
final class CountQueries {
    private CountQueries() {
    }

    /**
     * For every numerical feature at once, in one scan of the slice, the right-closed bin counts (−inf, e1],
     * (e1, e2], …, (ek, +inf): DuckDB's {@code histogram(value, boundaries)} puts a value in the first bucket whose
     * boundary is ≥ it, and values above the last boundary in a last bucket.
     */
    static Map<String, long[]> binCounts(Connection connection, Slice slice, Map<String, double[]> edges)
            throws SQLException {
        Map<String, long[]> bins = new LinkedHashMap<>();
        List<Double> parameters = new ArrayList<>();
        StringBuilder inner = new StringBuilder("SELECT 0 AS nothing");
        StringBuilder outer = new StringBuilder("SELECT 0");
        int h = 0;
        for (Map.Entry<String, double[]> e : edges.entrySet()) {
            inner.append(", histogram(CAST(").append(Identifiers.quote(e.getKey())).append(" AS DOUBLE), [");
            for (int j = 0; j < e.getValue().length; j++) {
                inner.append(j == 0 ? "?" : ", ?");
                parameters.add(e.getValue()[j]);
            }
            inner.append("]::DOUBLE[]) AS h").append(h);
            outer.append(", map_keys(h").append(h).append("), map_values(h").append(h).append(')');
            h++;
        }
        inner.append(" FROM ").append(slice.from()).append(" WHERE ").append(slice.condition().sql());
        String sql = outer + " FROM (" + inner + ")";
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            // The select list's parameters come before the filter's.
            int i = 1;
            for (Double p : parameters) {
                ps.setDouble(i++, p);
            }
            slice.condition().bind(ps, i);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                int col = 2;
                for (Map.Entry<String, double[]> e : edges.entrySet()) {
                    double[] boundaries = e.getValue();
                    long[] counts = new long[boundaries.length + 1];
                    java.sql.Array keyArray = rs.getArray(col++);
                    java.sql.Array valueArray = rs.getArray(col++);
                    Object[] keys = keyArray == null ? new Object[0] : (Object[]) keyArray.getArray();
                    Object[] values = valueArray == null ? new Object[0] : (Object[]) valueArray.getArray();
                    for (int k = 0; k < keys.length; k++) {
                        double key = ((Number) keys[k]).doubleValue();
                        int bin = java.util.Arrays.binarySearch(boundaries, key);
                        counts[bin >= 0 ? bin : boundaries.length] += ((Number) values[k]).longValue();
                    }
                    bins.put(e.getKey(), counts);
                }
            }
        }
        return bins;
    }

    /** Counts per value (as text) on both sides, ordered by value. */
    record Categories(List<String> values, long[] reference, long[] current) {
    }

    /**
     * The counts per value, as text, of one slice's non-null values of a column, ordered as DuckDB orders text
     * (its default binary collation: by the UTF-8 bytes, which is code point order). A workbench keeps the
     * reference's and merges them with each new current slice's ({@link #merge}), which gives exactly what
     * {@link #categories} with {@code asText} gives for both slices, without reading the reference again.
     */
    static java.util.SortedMap<String, Long> textCounts(Connection connection, Slice slice, String columnName)
            throws SQLException {
        String column = Identifiers.quote(columnName);
        String sql = "SELECT CAST(" + column + " AS VARCHAR) AS v, count(*) FROM " + slice.from() + " WHERE ("
                + slice.condition().sql() + ") AND " + column + " IS NOT NULL GROUP BY ALL";
        java.util.SortedMap<String, Long> counts = new java.util.TreeMap<>(CountQueries::compareAsDuckDb);
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            slice.condition().bind(ps, 1);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    counts.put(rs.getString(1), rs.getLong(2));
                }
            }
        }
        return counts;
    }

    /** Text in DuckDB's default order: by code point (the order of the UTF-8 bytes), not by UTF-16 unit. */
    static int compareAsDuckDb(String a, String b) {
        return ValueCounts.compareText(a, b);
    }

    /** Both slices' text counts as {@link #categories} returns them: every value of either, in text order. */
    static Categories merge(java.util.SortedMap<String, Long> reference, java.util.SortedMap<String, Long> current) {
        java.util.SortedMap<String, long[]> both = new java.util.TreeMap<>(CountQueries::compareAsDuckDb);
        reference.forEach((v, n) -> both.computeIfAbsent(v, k -> new long[2])[0] = n);
        current.forEach((v, n) -> both.computeIfAbsent(v, k -> new long[2])[1] = n);
        long[] ref = new long[both.size()];
        long[] cur = new long[both.size()];
        int k = 0;
        for (long[] counts : both.values()) {
            ref[k] = counts[0];
            cur[k] = counts[1];
            k++;
        }
        return new Categories(new ArrayList<>(both.keySet()), ref, cur);
    }

    /**
     * One row per value seen in either slice, with its count in each. {@code asText} compares the values as
     * text (categorical features, or a column whose type differs between the slices); otherwise they are grouped
     * and ordered by their own type (a numerical feature with few distinct values).
     */
    static Categories categories(Connection connection, Slice reference, Slice current, String columnName,
            boolean asText) throws SQLException {
        String column = Identifiers.quote(columnName);
        String value = asText ? "CAST(" + column + " AS VARCHAR)" : column;
        String sql = "SELECT CAST(v AS VARCHAR) AS label, sum(r) AS r, sum(c) AS c FROM ("
                + "SELECT " + value + " AS v, count(*) AS r, 0 AS c FROM " + reference.from()
                + " WHERE (" + reference.condition().sql() + ") AND " + column + " IS NOT NULL GROUP BY ALL"
                + " UNION ALL SELECT " + value + ", 0, count(*) FROM " + current.from()
                + " WHERE (" + current.condition().sql() + ") AND " + column + " IS NOT NULL GROUP BY ALL)"
                + " GROUP BY v ORDER BY v";
        List<String> values = new ArrayList<>();
        List<long[]> rows = new ArrayList<>();
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            int i = reference.condition().bind(ps, 1);
            current.condition().bind(ps, i);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    values.add(rs.getString(1));
                    rows.add(new long[] {rs.getLong(2), rs.getLong(3)});
                }
            }
        }
        long[] ref = new long[rows.size()];
        long[] cur = new long[rows.size()];
        for (int k = 0; k < rows.size(); k++) {
            ref[k] = rows.get(k)[0];
            cur[k] = rows.get(k)[1];
        }
        return new Categories(values, ref, cur);
    }
}
