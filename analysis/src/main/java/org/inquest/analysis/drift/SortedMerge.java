package org.inquest.analysis.drift;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.inquest.analysis.slice.Slice;
import org.inquest.connectors.workspace.Identifiers;

/**
 * Exact KS statistic, Wasserstein distance, distinct count and the reference's decile order statistics of one
 * numerical feature, from a single sorted pass over both samples inside DuckDB (ADR 0040).
 *
 * <p>Each reference value carries weight m (the current sample size) and each current value −n, so the running sum
 * after a value is n·m·(F_ref − F_cur) in exact integers. At the first row of each new distinct value, the running
 * sum of the previous row is the CDF difference over the gap since the previous distinct value: its largest
 * absolute value is n·m·KS and Σ|sum|·gap is n·m·Wasserstein. The running count of reference rows locates the
 * reference order statistics for the deciles. Only these scalars reach the JVM.
 *
 * <p>The rows sorted are either the raw values ({@link Source#RAW}) or, for columns with many repeated values, one
 * row per distinct value with its two counts ({@link Source#GROUPED}): a parallel hash aggregate first, then a sort
 * of far fewer rows. Both give the same numbers. The fast plan sorts once and runs the running sums and lags as
 * DuckDB streaming windows, which follow the order of their sorted input; the query counts rows whose value is
 * below the previous row's, and should DuckDB ever deliver them out of order the result is discarded and
 * recomputed with explicitly ordered windows.
 */
final class SortedMerge {
    /** The deciles of the contract, as literals so they round exactly as numpy's [0.1, …, 0.9]. */
    static final double[] DECILES = {0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9};

    /** What is sorted: every value, or every distinct value with its counts. */
    enum Source { RAW, GROUPED }

    /** What the pass returns. {@code deciles} are numpy-interpolated reference quantiles (NaN when n = 0). */
    record Result(double ks, double wasserstein, long distinct, double[] deciles) {
    }

    private SortedMerge() {
    }

    static Result run(Connection connection, Slice reference, Slice current, String column, long n, long m,
            Source source) throws SQLException {
        Result fast = run(connection, reference, current, column, n, m, source, true);
        return fast != null ? fast : run(connection, reference, current, column, n, m, source, false);
    }

    /** Returns null when the streaming plan saw its input out of order (then the ordered plan is used). */
    static Result run(Connection connection, Slice reference, Slice current, String column, long n, long m,
            Source source, boolean streaming) throws SQLException {
        long[] lowIndex = new long[DECILES.length];
        double[] fraction = new double[DECILES.length];
        for (int j = 0; j < DECILES.length; j++) {
            double h = (n - 1) * DECILES[j];
            lowIndex[j] = (long) Math.floor(h);
            fraction[j] = h - lowIndex[j];
        }
        try (PreparedStatement ps = connection.prepareStatement(sql(reference, current, column, source, streaming,
                weightType(n, m)))) {
            // Parameters in text order: the union (weights and slice filters), then the decile ranks.
            int i = 1;
            ps.setLong(i++, m);
            i = reference.condition().bind(ps, i);
            ps.setLong(i++, n);
            i = current.condition().bind(ps, i);
            for (int j = 0; j < DECILES.length; j++) {
                if (source == Source.GROUPED) {
                    ps.setLong(i++, lowIndex[j]);
                    ps.setLong(i++, lowIndex[j] + 1);
                }
            }
            if (source == Source.RAW) {
                // 1-based running counts of the reference rows at 0-based order statistics k and k+1, once for
                // the list of ranks and once for the list of values.
                for (int list = 0; list < 2; list++) {
                    for (int j = 0; j < DECILES.length; j++) {
                        ps.setLong(i++, lowIndex[j] + 1);
                        ps.setLong(i++, lowIndex[j] + 2);
                    }
                }
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                long total = rs.getLong("total");
                if (rs.getLong("disorder") != 0) {
                    return null;
                }
                double scale = (double) n * (double) m;
                // No step between distinct values (a single value overall): both distances are 0.
                double ksScaled = orZero(rs, "ks_scaled");
                double wScaled = orZero(rs, "w_scaled");
                long steps = rs.getLong("steps");
                double[][] lowHigh = source == Source.GROUPED ? groupedDeciles(rs) : rawDeciles(rs, lowIndex);
                double[] deciles = new double[DECILES.length];
                for (int j = 0; j < DECILES.length; j++) {
                    double lo = lowHigh[0][j];
                    double hi = lowHigh[1][j];
                    deciles[j] = Double.isNaN(lo) ? Double.NaN
                            : DistributionDistances.lerp(lo, Double.isNaN(hi) ? lo : hi, Double.isNaN(hi) ? 0.0 : fraction[j]);
                }
                boolean both = n > 0 && m > 0;
                return new Result(both ? ksScaled / scale : Double.NaN, both ? wScaled / scale : Double.NaN,
                        total == 0 ? 0 : steps + 1, deciles);
            }
        }
    }

    private static double[][] groupedDeciles(ResultSet rs) throws SQLException {
        double[][] lowHigh = new double[2][DECILES.length];
        for (int j = 0; j < DECILES.length; j++) {
            lowHigh[0][j] = orNaN(rs, "lo" + j);
            lowHigh[1][j] = orNaN(rs, "hi" + j);
        }
        return lowHigh;
    }

    /** The raw plan returns the (rank, value) pairs of the wanted order statistics as two lists. */
    private static double[][] rawDeciles(ResultSet rs, long[] lowIndex) throws SQLException {
        java.util.Map<Long, Double> byRank = new java.util.HashMap<>();
        Array ranks = rs.getArray("q_ranks");
        Array values = rs.getArray("q_values");
        if (ranks != null && values != null) {
            Object[] r = (Object[]) ranks.getArray();
            Object[] v = (Object[]) values.getArray();
            for (int k = 0; k < r.length; k++) {
                byRank.put(((Number) r[k]).longValue(), ((Number) v[k]).doubleValue());
            }
        }
        double[][] lowHigh = new double[2][DECILES.length];
        for (int j = 0; j < DECILES.length; j++) {
            lowHigh[0][j] = byRank.getOrDefault(lowIndex[j] + 1, Double.NaN);
            lowHigh[1][j] = byRank.getOrDefault(lowIndex[j] + 2, Double.NaN);
        }
        return lowHigh;
    }

    private static double orZero(ResultSet rs, String column) throws SQLException {
        double value = rs.getDouble(column);
        return rs.wasNull() ? 0.0 : value;
    }

    private static double orNaN(ResultSet rs, String column) throws SQLException {
        double value = rs.getDouble(column);
        return rs.wasNull() ? Double.NaN : value;
    }

    /**
     * Running sums of the weights are integers of magnitude at most n·m. Below 2^53 a DOUBLE holds every one of them
     * exactly and DuckDB adds doubles faster than its 128-bit integers; above, the weights are BIGINT.
     */
    static String weightType(long n, long m) {
        return (double) n * (double) m < 0x1p53 ? "DOUBLE" : "BIGINT";
    }

    private static String sql(Slice reference, Slice current, String column, Source source, boolean streaming,
            String weight) {
        String c = Identifiers.quote(column);
        String refWhere = " WHERE (" + reference.condition().sql() + ") AND " + c + " IS NOT NULL";
        String curWhere = " WHERE (" + current.condition().sql() + ") AND " + c + " IS NOT NULL";
        // u: (x, w, r) = value, its weight (m per reference row, −n per current row) and its reference count.
        String union = source == Source.RAW
                ? "SELECT " + c + " AS x, CAST(? AS " + weight + ") AS w, 1 AS r FROM " + reference.from() + refWhere
                        + " UNION ALL SELECT " + c + ", -CAST(? AS " + weight + "), 0 FROM " + current.from() + curWhere
                : "SELECT x, sum(w) AS w, sum(r) AS r FROM ("
                        + "SELECT " + c + " AS x, count(*) * CAST(? AS " + weight + ") AS w, count(*) AS r FROM "
                        + reference.from() + refWhere + " GROUP BY ALL"
                        + " UNION ALL SELECT " + c + ", count(*) * -CAST(? AS " + weight + "), 0 FROM " + current.from()
                        + curWhere + " GROUP BY ALL) GROUP BY x";
        // The ordered plan numbers the sorted rows once and orders every window by that number, so ties are
        // broken the same way in the running sums and in the lags.
        String over = streaming ? "OVER (ROWS UNBOUNDED PRECEDING)" : "OVER (ORDER BY rn ROWS UNBOUNDED PRECEDING)";
        String sorted = streaming
                ? "SELECT x, w, r FROM u ORDER BY x"
                : "SELECT x, w, r, row_number() OVER (ORDER BY x) AS rn FROM u";
        StringBuilder deciles = new StringBuilder();
        if (source == Source.GROUPED) {
            for (int j = 0; j < DECILES.length; j++) {
                // Cast by DuckDB, as the bin counts cast the column, so an edge equal to a value stays equal.
                deciles.append(", CAST(min(x) FILTER (WHERE cr > ?) AS DOUBLE) AS lo").append(j)
                        .append(", CAST(min(x) FILTER (WHERE cr > ?) AS DOUBLE) AS hi").append(j);
            }
        } else {
            StringBuilder ranks = new StringBuilder();
            for (int j = 0; j < 2 * DECILES.length; j++) {
                ranks.append(j == 0 ? "?" : ", ?");
            }
            String wanted = " FILTER (WHERE r = 1 AND cr IN (" + ranks + "))";
            deciles.append(", list(cr ORDER BY cr)").append(wanted).append(" AS q_ranks")
                    .append(", list(CAST(x AS DOUBLE) ORDER BY cr)").append(wanted).append(" AS q_values");
        }
        // d: |n·m·(F_ref − F_cur)| over the gap ending at this row's value (set only where a new value starts);
        // step: that gap's width. A negative step means the rows arrived out of order.
        return "WITH u AS (" + union + ")"
                + " SELECT count(*) AS total,"
                + " count(*) FILTER (WHERE step < 0) AS disorder,"
                + " count(step) AS steps,"
                + " CAST(max(d) AS DOUBLE) AS ks_scaled,"
                + " sum(CAST(d AS DOUBLE) * step) AS w_scaled"
                + deciles
                + " FROM (SELECT x, r, cr, CASE WHEN x > px THEN abs(pcw) END AS d,"
                + " CASE WHEN x <> px THEN CAST(x AS DOUBLE) - CAST(px AS DOUBLE) END AS step"
                + " FROM (SELECT x, r, cr, lag(x) " + over + " AS px, lag(cw) " + over + " AS pcw"
                + " FROM (SELECT x, r, " + (streaming ? "" : "rn, ") + "sum(w) " + over + " AS cw, sum(r) " + over
                + " AS cr FROM (" + sorted + "))))";
    }
}
