package org.inquest.analysis.replay;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.inquest.analysis.drift.DistributionDistances;
import org.inquest.analysis.slice.Slice;
import org.inquest.analysis.sql.Queries;
import org.inquest.analysis.sql.SqlBuilder;
import org.inquest.connectors.catalog.ColumnInfo;
import org.inquest.connectors.catalog.FeatureKind;
import org.inquest.connectors.error.UsageException;
import org.inquest.connectors.workspace.Identifiers;

/**
 * The reference side of the replayed feature, against which every bucket is compared: its bins and their counts,
 * its null share and mean. Bins are the drift contract's: for a numerical feature the reference deciles (numpy's
 * linear interpolation = DuckDB {@code quantile_cont}, duplicates dropped), right-closed, (−inf, e1], …, (ek, +inf);
 * for a categorical feature one bin per value. A bucket's PSI is {@link DistributionDistances#psi} of these counts
 * against the bucket's, exactly as {@code inquest drift} computes it for a whole slice.
 */
public record FeatureBaseline(String name, FeatureKind kind, long rows, long values, Double mean, double[] edges,
        long[] binCounts, Map<String, Long> categories) {
    static final double[] DECILES = {0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9};

    /** Share of reference rows where the feature is null (0 for an empty reference). */
    public double nullShare() {
        return rows == 0 ? 0.0 : (double) (rows - values) / rows;
    }

    public boolean numerical() {
        return kind == FeatureKind.NUMERICAL;
    }

    /** The feature column of {@code current}, which the reference must have too. */
    static ColumnInfo column(Slice reference, Slice current, String feature) {
        ColumnInfo c = current.table().column(feature).orElseThrow(() -> new UsageException("unknown feature '"
                + feature + "': table '" + current.table().name() + "' has no such column"));
        ColumnInfo r = reference.table().column(feature).orElseThrow(() -> new UsageException("unknown feature '"
                + feature + "': table '" + reference.table().name() + "' has no such column"));
        if (c.role() == org.inquest.connectors.catalog.ColumnRole.TIMESTAMP) {
            throw new UsageException("feature '" + feature + "' is the timestamp column; choose another");
        }
        return c.isNumericType() && r.isNumericType() && c.featureKind() != FeatureKind.CATEGORICAL
                && r.featureKind() != FeatureKind.CATEGORICAL ? c : new ColumnInfo(c.name(), c.sqlType(), c.role(),
                        FeatureKind.CATEGORICAL);
    }

    /** The first feature of {@code current} that the reference has too (the default), or null. */
    static String defaultFeature(Slice reference, Slice current) {
        for (ColumnInfo c : current.table().features()) {
            if (reference.table().column(c.name()).isPresent()) {
                return c.name();
            }
        }
        return null;
    }

    /** One or two aggregate scans of the reference (the second counts the numerical bins once edges are known). */
    static FeatureBaseline of(java.sql.Connection connection, Slice reference, ColumnInfo column) {
        String c = Identifiers.quote(column.name());
        boolean numerical = column.featureKind() != FeatureKind.CATEGORICAL;
        if (numerical) {
            String x = "CAST(" + c + " AS DOUBLE)";
            Object[] head = Queries.one(connection, new SqlBuilder().sql("SELECT count(*), count(" + x + "), avg("
                    + x + "), quantile_cont(" + x + ", " + Arrays.toString(DECILES) + ") FROM " + reference.from()
                    + " WHERE ").fragment(reference.condition()).build(), rs -> {
                        java.sql.Array q = rs.getArray(4);
                        return new Object[] {rs.getLong(1), rs.getLong(2), Queries.doubleOrNull(rs, 3),
                            q == null ? null : (Object[]) q.getArray()};
                    }, "reference of feature " + column.name());
            long rows = (Long) head[0];
            long values = (Long) head[1];
            if (values == 0) {
                return new FeatureBaseline(column.name(), FeatureKind.NUMERICAL, rows, 0, null, new double[0],
                        new long[0], Map.of());
            }
            double[] edges = Arrays.stream((Object[]) head[3]).mapToDouble(o -> ((Number) o).doubleValue()).distinct()
                    .sorted().toArray();
            SqlBuilder q = new SqlBuilder().sql("SELECT map_keys(h), map_values(h) FROM (SELECT ");
            histogram(q, x, edges).sql(" AS h FROM " + reference.from() + " WHERE ").fragment(reference.condition())
                    .sql(")");
            long[] bins = Queries.one(connection, q.build(), rs -> binCounts(rs.getArray(1), rs.getArray(2), edges),
                    "reference bins of " + column.name());
            return new FeatureBaseline(column.name(), FeatureKind.NUMERICAL, rows, values, (Double) head[2], edges,
                    bins, Map.of());
        }
        String v = "CAST(" + c + " AS VARCHAR)";
        Map<String, Long> categories = new TreeMap<>();
        long[] totals = new long[2];
        Queries.list(connection, new SqlBuilder().sql("SELECT " + v + " AS v, count(*) FROM " + reference.from()
                + " WHERE ").fragment(reference.condition()).sql(" GROUP BY v").build(), rs -> {
                    String value = rs.getString(1);
                    long n = rs.getLong(2);
                    totals[0] += n;
                    if (value != null) {
                        totals[1] += n;
                        categories.put(value, n);
                    }
                    return null;
                }, "reference categories of " + column.name());
        return new FeatureBaseline(column.name(), FeatureKind.CATEGORICAL, totals[0], totals[1], null, new double[0],
                new long[0], new LinkedHashMap<>(categories));
    }

    /**
     * DuckDB's {@code histogram(value, boundaries)}: a value goes to the first boundary ≥ it, values above the last
     * to a last bucket, i.e. exactly the right-closed bins; {@code n} boundaries as parameters.
     */
    static SqlBuilder histogram(SqlBuilder q, String value, double[] edges) {
        q.sql("histogram(" + value + ", [");
        for (int i = 0; i < edges.length; i++) {
            q.sql(i == 0 ? "" : ", ").value(edges[i]);
        }
        return q.sql("]::DOUBLE[])");
    }

    /** Folds a histogram map (boundary → count; the overflow bucket has a key above the last edge) into bins. */
    static long[] binCounts(java.sql.Array keyArray, java.sql.Array valueArray, double[] edges)
            throws java.sql.SQLException {
        long[] counts = new long[edges.length + 1];
        Object[] keys = keyArray == null ? new Object[0] : (Object[]) keyArray.getArray();
        Object[] values = valueArray == null ? new Object[0] : (Object[]) valueArray.getArray();
        for (int k = 0; k < keys.length; k++) {
            double key = ((Number) keys[k]).doubleValue();
            int bin = Arrays.binarySearch(edges, key);
            counts[bin >= 0 ? bin : edges.length] += ((Number) values[k]).longValue();
        }
        return counts;
    }

    /** PSI of a bucket's numerical bin counts against the reference's; null when either side has no values. */
    Double psi(long[] bucketBins) {
        if (values == 0 || bucketBins == null || Arrays.stream(bucketBins).sum() == 0) {
            return null;
        }
        return DistributionDistances.psi(binCounts, bucketBins);
    }

    /** PSI of a bucket's category counts against the reference's, one bin per value seen on either side. */
    Double psi(Map<String, Long> bucketCategories) {
        if (values == 0 || bucketCategories == null || bucketCategories.isEmpty()) {
            return null;
        }
        TreeMap<String, long[]> union = new TreeMap<>();
        categories.forEach((k, n) -> union.computeIfAbsent(k, x -> new long[2])[0] = n);
        bucketCategories.forEach((k, n) -> union.computeIfAbsent(k, x -> new long[2])[1] = n);
        long[] ref = new long[union.size()];
        long[] cur = new long[union.size()];
        int i = 0;
        for (long[] pair : union.values()) {
            ref[i] = pair[0];
            cur[i++] = pair[1];
        }
        return DistributionDistances.psi(ref, cur);
    }
}
