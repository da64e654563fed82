package org.inquest.analysis.calibration;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import org.inquest.analysis.performance.ModelColumns;
import org.inquest.analysis.slice.Slice;
import org.inquest.analysis.slice.SqlFragment;
import org.inquest.analysis.sql.Queries;
import org.inquest.analysis.sql.SqlBuilder;
import org.inquest.connectors.workspace.Identifiers;

/**
 * Reliability bins computed by DuckDB exactly as sklearn's {@code calibration_curve}: edges are
 * {@code numpy.linspace(0, 1, 11)} (uniform) or the score percentiles at those fractions (quantile, linear
 * interpolation), and a score's bin is the number of inner edges strictly below it ({@code searchsorted}, side
 * left) — so p goes to bin i when e_i &lt; p ≤ e_{i+1} and 0 lands in the first bin. The edges are passed as
 * parameters so no floating-point rounding of {@code ceil(p·10)} can move a score sitting on an edge.
 */
public final class CalibrationAnalyzer {
    public static final int BINS = 10;

    private final Connection connection;

    public CalibrationAnalyzer(Connection connection) {
        this.connection = connection;
    }

    public Calibration analyze(Slice slice, ModelColumns columns, BinStrategy strategy) {
        if (columns.label().isEmpty() || columns.score().isEmpty()) {
            return new Calibration(strategy.wireName(), 0, null, null, List.of());
        }
        String y = "CAST(" + Identifiers.quote(columns.label().get().name()) + " AS DOUBLE)";
        String p = "CAST(" + Identifiers.quote(columns.score().get().name()) + " AS DOUBLE)";
        SqlFragment rows = new SqlBuilder().sql("SELECT " + y + " AS y, " + p + " AS p FROM " + slice.from()
                + " WHERE (").fragment(slice.condition()).sql(") AND " + y + " IS NOT NULL AND " + p
                + " IS NOT NULL").build();
        double[] edges = strategy == BinStrategy.UNIFORM ? linspace() : quantileEdges(rows);
        if (edges == null) {
            return new Calibration(strategy.wireName(), 0, null, null, List.of());
        }
        SqlBuilder binOf = new SqlBuilder().sql("(");
        for (int i = 1; i < BINS; i++) {
            binOf.sql(i == 1 ? "" : " + ").sql("CAST(p > ").value(edges[i]).sql(" AS INTEGER)");
        }
        SqlFragment query = new SqlBuilder().sql("SELECT bin, count(*), sum(p), sum(y) FROM (SELECT ")
                .fragment(binOf.sql(")").build()).sql(" AS bin, p, y FROM (").fragment(rows)
                .sql(")) GROUP BY bin ORDER BY bin").build();
        List<CalibrationBin> bins = new ArrayList<>();
        Queries.list(connection, query, rs -> {
            int bin = rs.getInt(1);
            long count = rs.getLong(2);
            bins.add(new CalibrationBin(edges[bin], edges[bin + 1], count, rs.getDouble(3) / count,
                    rs.getDouble(4) / count));
            return null;
        }, "calibration of " + slice.table().name());
        long total = bins.stream().mapToLong(CalibrationBin::count).sum();
        if (total == 0) {
            return new Calibration(strategy.wireName(), 0, null, null, List.of());
        }
        double ece = 0;
        double mce = 0;
        for (CalibrationBin b : bins) {
            ece += (double) b.count() / total * b.gap();
            mce = Math.max(mce, b.gap());
        }
        return new Calibration(strategy.wireName(), total, ece, mce, bins);
    }

    /** numpy.linspace(0, 1, 11): i · (1/10), last edge exactly 1. */
    static double[] linspace() {
        double[] edges = new double[BINS + 1];
        double step = 1.0 / BINS;
        for (int i = 0; i < BINS; i++) {
            edges[i] = i * step;
        }
        edges[BINS] = 1.0;
        return edges;
    }

    /**
     * The scores' percentiles at linspace(0, 1, 11) exactly as numpy.percentile (method linear) computes them: the
     * virtual index (n − 1)·q, the two order statistics around it, and numpy's two-sided lerp (a + (b − a)·t below
     * t = 0.5, b − (b − a)·(1 − t) from it). DuckDB's quantile_cont can differ in the last bit when a = b, which
     * would move scores sitting on an edge into the neighbouring bin; the order statistics come from one sort of
     * the scores (only for quantile bins). Null when there are no scores.
     */
    private double[] quantileEdges(SqlFragment rows) {
        long n = Queries.one(connection, new SqlBuilder().sql("SELECT count(*) FROM (").fragment(rows).sql(")")
                .build(), rs -> rs.getLong(1), "calibration quantiles");
        if (n == 0) {
            return null;
        }
        double[] fractions = linspace();
        double[] virtual = new double[fractions.length];
        java.util.TreeSet<Long> ranks = new java.util.TreeSet<>();
        for (int i = 0; i < fractions.length; i++) {
            // numpy.percentile(q * 100) divides by 100 again; reproduce that rounding.
            virtual[i] = (n - 1) * (fractions[i] * 100 / 100);
            long lo = (long) Math.floor(virtual[i]);
            ranks.add(lo);
            ranks.add(Math.min(lo + 1, n - 1));
        }
        SqlBuilder query = new SqlBuilder().sql("SELECT r, p FROM (SELECT p, row_number() OVER (ORDER BY p) - 1 AS r"
                + " FROM (").fragment(rows).sql(")) WHERE r IN (");
        int k = 0;
        for (long rank : ranks) {
            query.sql(k++ == 0 ? "" : ", ").value(rank);
        }
        java.util.Map<Long, Double> order = new java.util.HashMap<>();
        Queries.list(connection, query.sql(")").build(), rs -> order.put(rs.getLong(1), rs.getDouble(2)),
                "calibration quantiles");
        double[] edges = new double[fractions.length];
        for (int i = 0; i < fractions.length; i++) {
            long lo = (long) Math.floor(virtual[i]);
            double a = order.get(lo);
            double b = order.get(Math.min(lo + 1, n - 1));
            double t = virtual[i] - lo;
            edges[i] = t >= 0.5 ? b - (b - a) * (1 - t) : a + (b - a) * t;
        }
        return edges;
    }
}
