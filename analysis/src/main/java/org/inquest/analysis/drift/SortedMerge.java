package org.inquest.analysis.drift;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.inquest.analysis.slice.Slice;
import org.inquest.connectors.workspace.Identifiers;

/**
 * Exact KS statistic, Wasserstein distance, distinct count and the reference's decile order statistics of one
 * numerical feature, from a single sorted pass over the union of both samples inside DuckDB (ADR 0040).
 *
 * <p>Each reference value carries weight m (the current sample size) and each current value −n, so the running sum
 * after a value is n·m·(F_ref − F_cur) in exact integers. At the first row of each new distinct value, the running
 * sum of the previous row is the CDF difference over the gap since the previous distinct value: its largest
 * absolute value is n·m·KS and Σ|sum|·gap is n·m·Wasserstein. The running count of reference rows locates the
 * reference order statistics for the deciles. Only these scalars reach the JVM.
 *
 * <p>The fast plan sorts once and runs the running sums and lags as DuckDB streaming windows, which follow the
 * order of the sorted input. The query counts rows whose value is below the previous row's; should DuckDB ever
 * deliver them out of order the result is discarded and recomputed with explicitly ordered windows.
 */
final class SortedMerge {
    /** The deciles of the contract, as literals so they round exactly as numpy's [0.1, …, 0.9]. */
    static final double[] DECILES = {0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9};

    /** What the pass returns. {@code deciles} are numpy-interpolated reference quantiles (NaN when n = 0). */
    record Result(double ks, double wasserstein, long distinct, double[] deciles) {
    }

    private SortedMerge() {
    }

    static Result run(Connection connection, Slice reference, Slice current, String column, long n, long m)
            throws SQLException {
        Result fast = run(connection, reference, current, column, n, m, true);
        return fast != null ? fast : run(connection, reference, current, column, n, m, false);
    }

    /** Returns null when the streaming plan saw its input out of order (then the ordered plan is used). */
    static Result run(Connection connection, Slice reference, Slice current, String column, long n, long m,
            boolean streaming) throws SQLException {
        long[] lowIndex = new long[DECILES.length];
        double[] fraction = new double[DECILES.length];
        for (int j = 0; j < DECILES.length; j++) {
            double h = (n - 1) * DECILES[j];
            lowIndex[j] = (long) Math.floor(h);
            fraction[j] = h - lowIndex[j];
        }
        try (PreparedStatement ps = connection.prepareStatement(sql(reference, current, column, streaming))) {
            // Parameters in text order: the union (weights and slice filters), then the decile ranks.
            int i = 1;
            ps.setLong(i++, m);
            i = reference.condition().bind(ps, i);
            ps.setLong(i++, n);
            i = current.condition().bind(ps, i);
            for (int j = 0; j < DECILES.length; j++) {
                ps.setLong(i++, lowIndex[j]);
                ps.setLong(i++, lowIndex[j] + 1);
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
                double[] deciles = new double[DECILES.length];
                for (int j = 0; j < DECILES.length; j++) {
                    double lo = rs.getDouble("lo" + j);
                    boolean loNull = rs.wasNull();
                    double hi = rs.getDouble("hi" + j);
                    boolean hiNull = rs.wasNull();
                    deciles[j] = loNull ? Double.NaN
                            : DistributionDistances.lerp(lo, hiNull ? lo : hi, hiNull ? 0.0 : fraction[j]);
                }
                boolean both = n > 0 && m > 0;
                return new Result(both ? ksScaled / scale : Double.NaN, both ? wScaled / scale : Double.NaN,
                        total == 0 ? 0 : steps + 1, deciles);
            }
        }
    }

    private static double orZero(ResultSet rs, String column) throws SQLException {
        double value = rs.getDouble(column);
        return rs.wasNull() ? 0.0 : value;
    }

    private static String sql(Slice reference, Slice current, String column, boolean streaming) {
        String c = Identifiers.quote(column);
        // The ordered plan numbers the sorted rows once and orders every window by that number, so ties are
        // broken the same way in the running sums and in the lags.
        String over = streaming ? "OVER (ROWS UNBOUNDED PRECEDING)" : "OVER (ORDER BY rn ROWS UNBOUNDED PRECEDING)";
        String sorted = streaming
                ? "SELECT x, w, r FROM u ORDER BY x"
                : "SELECT x, w, r, row_number() OVER (ORDER BY x) AS rn FROM u";
        StringBuilder deciles = new StringBuilder();
        for (int j = 0; j < DECILES.length; j++) {
            deciles.append(", min(x) FILTER (WHERE cr > ?) AS lo").append(j)
                    .append(", min(x) FILTER (WHERE cr > ?) AS hi").append(j);
        }
        return "WITH u AS ("
                + "SELECT " + c + " AS x, CAST(? AS BIGINT) AS w, 1 AS r FROM " + reference.from()
                + " WHERE (" + reference.condition().sql() + ") AND " + c + " IS NOT NULL"
                + " UNION ALL SELECT " + c + ", -CAST(? AS BIGINT), 0 FROM " + current.from()
                + " WHERE (" + current.condition().sql() + ") AND " + c + " IS NOT NULL)"
                + " SELECT count(*) AS total,"
                + " count(*) FILTER (WHERE x < px) AS disorder,"
                + " count(*) FILTER (WHERE x > px) AS steps,"
                + " CAST(max(abs(pcw)) FILTER (WHERE x > px) AS DOUBLE) AS ks_scaled,"
                + " sum(CAST(abs(pcw) AS DOUBLE) * (CAST(x AS DOUBLE) - CAST(px AS DOUBLE)))"
                + " FILTER (WHERE x > px) AS w_scaled"
                + deciles
                + " FROM (SELECT x, cr, lag(x) " + over + " AS px, lag(cw) " + over + " AS pcw"
                + " FROM (SELECT x, " + (streaming ? "" : "rn, ") + "sum(w) " + over + " AS cw, sum(r) " + over
                + " AS cr FROM (" + sorted + ")))";
    }
}
