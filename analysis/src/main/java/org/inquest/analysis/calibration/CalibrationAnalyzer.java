package org.inquest.analysis.calibration;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.inquest.analysis.performance.Grouping;
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
 *
 * <p>Grouped (per model version, segment value, …) it is the same computation with the group key added to one
 * {@code GROUP BY}: each group's bins, ECE and MCE are what {@code calibration_curve} gives on that group's rows
 * alone (quantile bins cut at the group's own percentiles, as the analyst would get calling it per group).
 */
public final class CalibrationAnalyzer {
    public static final int BINS = 10;

    private final Connection connection;

    public CalibrationAnalyzer(Connection connection) {
        this.connection = connection;
    }

    public Calibration analyze(Slice slice, ModelColumns columns, BinStrategy strategy) {
        Calibration whole = analyze(slice, columns, strategy, Grouping.NONE).get("");
        return whole == null ? empty(strategy) : whole;
    }

    /** The whole slice's calibration and each group's. */
    public record WithGroups(Calibration overall, Map<String, Calibration> groups) {
    }

    /**
     * The whole slice and its groups. Uniform bins have the same edges in every group, so the whole slice's bins are
     * the groups' bins summed (counts and sums of scores and labels): one grouped query, as the ungrouped one cost.
     * Quantile bins are cut at each group's own percentiles, so the whole slice needs its own edges and query.
     */
    public WithGroups analyzeWithOverall(Slice slice, ModelColumns columns, BinStrategy strategy,
                                         Grouping grouping) {
        if (strategy == BinStrategy.QUANTILE) {
            return new WithGroups(analyze(slice, columns, strategy), analyze(slice, columns, strategy, grouping));
        }
        Map<String, Calibration> groups = analyze(slice, columns, strategy, grouping);
        double[] edges = linspace();
        long[] count = new long[BINS];
        double[] sumP = new double[BINS];
        double[] sumY = new double[BINS];
        for (Calibration c : groups.values()) {
            for (CalibrationBin b : c.bins()) {
                int i = binIndex(edges, b.lower());
                count[i] += b.count();
                sumP[i] += b.sumPredicted();
                sumY[i] += b.sumPositive();
            }
        }
        List<CalibrationBin> bins = new ArrayList<>();
        for (int i = 0; i < BINS; i++) {
            if (count[i] > 0) {
                bins.add(new CalibrationBin(edges[i], edges[i + 1], count[i], sumP[i] / count[i], sumY[i] / count[i],
                        sumP[i], sumY[i]));
            }
        }
        return new WithGroups(of(strategy, bins), groups);
    }

    private static int binIndex(double[] edges, double lower) {
        for (int i = 0; i < BINS; i++) {
            if (edges[i] == lower) {
                return i;
            }
        }
        throw new IllegalStateException("not a uniform bin edge: " + lower);
    }

    /**
     * Each group's calibration, in key order; groups without a labeled, scored row are left out (an empty map when
     * the table has no label or no score).
     */
    public Map<String, Calibration> analyze(Slice slice, ModelColumns columns, BinStrategy strategy,
                                           Grouping grouping) {
        Map<String, Calibration> result = new LinkedHashMap<>();
        if (columns.label().isEmpty() || columns.score().isEmpty()) {
            return result;
        }
        String y = "CAST(" + Identifiers.quote(columns.label().get().name()) + " AS DOUBLE)";
        String p = "CAST(" + Identifiers.quote(columns.score().get().name()) + " AS DOUBLE)";
        SqlFragment rows = new SqlBuilder().sql("SELECT " + grouping.keySql() + " AS k, " + y + " AS y, " + p
                + " AS p FROM " + slice.from() + " WHERE (").fragment(slice.condition()).sql(") AND " + y
                + " IS NOT NULL AND " + p + " IS NOT NULL").build();
        if (strategy == BinStrategy.UNIFORM) {
            double[] uniform = linspace();
            SqlBuilder binOf = new SqlBuilder().sql("(");
            for (int i = 1; i < BINS; i++) {
                binOf.sql(i == 1 ? "" : " + ").sql("CAST(p > ").value(uniform[i]).sql(" AS INTEGER)");
            }
            SqlFragment binned = new SqlBuilder().sql("SELECT k, ").fragment(binOf.sql(")").build())
                    .sql(" AS bin, p, y FROM (").fragment(rows).sql(")").build();
            return bins(slice, strategy, binned, key -> uniform, result);
        }
        Map<String, double[]> edges = quantileEdges(rows);
        if (edges.isEmpty()) {
            return result;
        }
        SqlBuilder values = new SqlBuilder().sql("(VALUES ");
        int g = 0;
        for (Map.Entry<String, double[]> e : edges.entrySet()) {
            values.sql(g++ == 0 ? "(" : ", (").sql("CAST(").value(e.getKey()).sql(" AS VARCHAR)");
            for (int i = 1; i < BINS; i++) {
                values.sql(", CAST(").value(e.getValue()[i]).sql(" AS DOUBLE)");
            }
            values.sql(")");
        }
        values.sql(") e(k");
        StringBuilder binOf = new StringBuilder("(");
        for (int i = 1; i < BINS; i++) {
            values.sql(", e" + i);
            binOf.append(i == 1 ? "" : " + ").append("CAST(r.p > e.e").append(i).append(" AS INTEGER)");
        }
        SqlFragment binned = new SqlBuilder().sql("SELECT r.k AS k, " + binOf + ") AS bin, r.p AS p, r.y AS y FROM (")
                .fragment(rows).sql(") r JOIN ").fragment(values.sql(")").build()).sql(" ON r.k = e.k").build();
        return bins(slice, strategy, binned, edges::get, result);
    }

    /** One {@code GROUP BY k, bin} over the binned rows, then each group's ECE and MCE from its bins. */
    private Map<String, Calibration> bins(Slice slice, BinStrategy strategy, SqlFragment binned,
                                          java.util.function.Function<String, double[]> edgesOf,
                                          Map<String, Calibration> result) {
        SqlFragment query = new SqlBuilder().sql("SELECT k, bin, count(*), sum(p), sum(y) FROM (").fragment(binned)
                .sql(") GROUP BY k, bin ORDER BY k, bin").build();
        Map<String, List<CalibrationBin>> bins = new LinkedHashMap<>();
        Queries.list(connection, query, rs -> {
            String key = rs.getString(1);
            double[] e = edgesOf.apply(key);
            int bin = rs.getInt(2);
            long count = rs.getLong(3);
            double sumP = rs.getDouble(4);
            double sumY = rs.getDouble(5);
            bins.computeIfAbsent(key, x -> new ArrayList<>()).add(new CalibrationBin(e[bin], e[bin + 1], count,
                    sumP / count, sumY / count, sumP, sumY));
            return null;
        }, "calibration of " + slice.table().name());
        bins.forEach((key, b) -> result.put(key, of(strategy, b)));
        return result;
    }

    /** ECE (Σ count/N · gap) and MCE (the largest gap) of non-empty bins: the one place both are computed. */
    public static Calibration of(BinStrategy strategy, List<CalibrationBin> bins) {
        long total = bins.stream().mapToLong(CalibrationBin::count).sum();
        if (total == 0) {
            return empty(strategy);
        }
        double ece = 0;
        double mce = 0;
        for (CalibrationBin b : bins) {
            ece += (double) b.count() / total * b.gap();
            mce = Math.max(mce, b.gap());
        }
        return new Calibration(strategy.wireName(), total, ece, mce, bins);
    }

    private static Calibration empty(BinStrategy strategy) {
        return new Calibration(strategy.wireName(), 0, null, null, List.of());
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
     * Each group's score percentiles at linspace(0, 1, 11) exactly as numpy.percentile (method linear) computes
     * them: the virtual index (n − 1)·q, the two order statistics around it, and numpy's two-sided lerp (a + (b −
     * a)·t below t = 0.5, b − (b − a)·(1 − t) from it). DuckDB's quantile_cont can differ in the last bit when
     * a = b, which would move scores sitting on an edge into the neighbouring bin; the order statistics come from
     * one sort of the scores per group (only for quantile bins), the ranks asked for computed in SQL from the
     * group's count with the same double arithmetic as here.
     */
    private Map<String, double[]> quantileEdges(SqlFragment rows) {
        double[] fractions = fractions();
        SqlBuilder query = new SqlBuilder().sql("SELECT k, n, r, p FROM (SELECT k, p, row_number() OVER"
                + " (PARTITION BY k ORDER BY p) - 1 AS r, count(*) OVER (PARTITION BY k) AS n FROM (")
                .fragment(rows).sql(")) WHERE ");
        for (int i = 0; i < fractions.length; i++) {
            query.sql(i == 0 ? "" : " OR ").sql("r = floor((n - 1) * ").value(fractions[i])
                    .sql(") OR r = least(floor((n - 1) * ").value(fractions[i]).sql(") + 1, n - 1)");
        }
        Map<String, Long> counts = new LinkedHashMap<>();
        Map<String, Map<Long, Double>> order = new LinkedHashMap<>();
        Queries.list(connection, query.build(), rs -> {
            String key = rs.getString(1);
            counts.put(key, rs.getLong(2));
            order.computeIfAbsent(key, x -> new HashMap<>()).put(rs.getLong(3), rs.getDouble(4));
            return null;
        }, "calibration quantiles");
        Map<String, double[]> edges = new LinkedHashMap<>();
        counts.forEach((key, n) -> edges.put(key, lerp(n, fractions, order.get(key))));
        return edges;
    }

    /** numpy.percentile(q * 100) divides by 100 again; reproduce that rounding. */
    private static double[] fractions() {
        double[] f = linspace();
        for (int i = 0; i < f.length; i++) {
            f[i] = f[i] * 100 / 100;
        }
        return f;
    }

    private static double[] lerp(long n, double[] fractions, Map<Long, Double> order) {
        double[] edges = new double[fractions.length];
        for (int i = 0; i < fractions.length; i++) {
            double virtual = (n - 1) * fractions[i];
            long lo = (long) Math.floor(virtual);
            double a = order.get(lo);
            double b = order.get(Math.min(lo + 1, n - 1));
            double t = virtual - lo;
            edges[i] = t >= 0.5 ? b - (b - a) * (1 - t) : a + (b - a) * t;
        }
        return edges;
    }
}
