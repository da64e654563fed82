package org.inquest.analysis.performance;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.inquest.analysis.slice.Slice;
import org.inquest.analysis.slice.SqlFragment;
import org.inquest.analysis.sql.Queries;
import org.inquest.analysis.sql.SqlBuilder;

/**
 * The binary-classification plan before ADR 0100, kept only so the report benchmark can time old and new plans in
 * one run ({@code -Dinquest.previousPlan.model=true}); both give the same numbers. One {@code GROUPING SETS}
 * counting scan with a filtered aggregate per metric, and ROC AUC by ADR 0053's streaming pass: the labeled,
 * scored rows sorted once by (score, label) and read by DuckDB's streaming windows in that order, once for the
 * whole slice and once more per group; should rows arrive out of order, the grouped plan ({@code GROUP BY score},
 * then ordered windows) is used instead.
 */
final class PreviousBinaryPlan {
    /** Groups whose AUC is computed in the streaming pass; with more groups they take the grouped plan. */
    static final int MAX_STREAMED_GROUPS = 16;
    private static final double LOG_LOSS_EPS = BinaryClassificationAnalyzer.LOG_LOSS_EPS;
    private static final String OVERALL = BinaryClassificationAnalyzer.OVERALL;

    private final Connection connection;

    PreviousBinaryPlan(Connection connection) {
        this.connection = connection;
    }

    /** As {@link BinaryClassificationAnalyzer}'s plan: metrics per group key, the whole slice under OVERALL. */
    Map<String, ClassificationMetrics> compute(Slice slice, ModelColumns columns, double threshold,
                                                       Grouping grouping, boolean withOverall, boolean withAuc) {
        SqlFragment rows = BinaryClassificationAnalyzer.rowSource(slice, BinaryOutcome.of(columns, threshold), grouping);
        Map<String, ClassificationMetrics> result = new LinkedHashMap<>();
        List<Object[]> counts = Queries.list(connection, countsQuery(rows, withOverall && !grouping.isNone()),
                rs -> new Object[] {rs.getInt("g") == 1 ? OVERALL : rs.getString("k"), rs.getLong("n"),
                        rs.getLong("labeled"), new Confusion(rs.getLong("tp"), rs.getLong("fp"), rs.getLong("tn"),
                        rs.getLong("fn")), rs.getLong("scored"), rs.getDouble("log_loss_sum"),
                        rs.getDouble("brier_sum")}, "classification metrics of " + slice.table().name());
        Map<String, Auc> aucs = withAuc ? aucs(slice, rows, grouping, withOverall, counts) : Map.of();
        for (Object[] r : counts) {
            String key = (String) r[0];
            Confusion confusion = (Confusion) r[3];
            long scored = (Long) r[4];
            Double precision = Ratios.ratio(confusion.tp(), confusion.tp() + confusion.fp());
            Double recall = Ratios.ratio(confusion.tp(), confusion.tp() + confusion.fn());
            Auc auc = aucs.get(key);
            result.put(key, new ClassificationMetrics((Long) r[1], (Long) r[2],
                    Ratios.ratio(confusion.tp() + confusion.tn(), confusion.total()), precision, recall,
                    Ratios.f1(precision, recall), auc == null ? null : auc.value(),
                    scored == 0 ? null : (Double) r[5] / scored, scored == 0 ? null : (Double) r[6] / scored,
                    confusion));
        }
        if (withOverall && grouping.isNone() && result.containsKey("")) {
            result.put(OVERALL, result.remove(""));
        }
        return result;
    }

    /** AUC per group (and overall) by the streaming pass, or by the grouped plan when that cannot be used. */
    private Map<String, Auc> aucs(Slice slice, SqlFragment rows, Grouping grouping, boolean withOverall,
                                  List<Object[]> counts) {
        List<String> keys = new ArrayList<>();
        for (Object[] r : counts) {
            if (!OVERALL.equals(r[0]) && (Long) r[4] > 0) {
                keys.add((String) r[0]);
            }
        }
        String what = "ROC AUC of " + slice.table().name();
        if (grouping.isNone() || keys.size() <= MAX_STREAMED_GROUPS) {
            Map<String, Auc> streamed = new LinkedHashMap<>();
            Auc overall = streamed(rows, what);
            if (overall != null) {
                streamed.put(OVERALL, overall);
                if (grouping.isNone()) {
                    streamed.put("", overall);
                } else if (keys.size() == 1) {
                    // A single group holds every scored row: its AUC is the overall one.
                    streamed.put(keys.get(0), overall.as(keys.get(0)));
                } else {
                    // One pass per group over its own rows: cheaper than running counts per group inside the
                    // overall pass (every extra streaming window slows the whole single-threaded pass).
                    for (String key : keys) {
                        Auc auc = streamed(new SqlBuilder().sql("SELECT * FROM (").fragment(rows)
                                .sql(") WHERE k = ").value(key).build(), what);
                        if (auc == null) {
                            streamed = null;
                            break;
                        }
                        streamed.put(key, auc.as(key));
                    }
                }
                if (streamed != null) {
                    return streamed;
                }
            }
        }
        Map<String, Auc> aucs = new LinkedHashMap<>();
        for (Auc auc : Queries.list(connection, groupedAucQuery(rows), rs -> new Auc(rs.getString(1), rs.getLong(2),
                rs.getLong(3), rs.getLong(4)), what)) {
            aucs.put(auc.key(), auc);
        }
        if (withOverall && !grouping.isNone()) {
            SqlFragment all = new SqlBuilder().sql("SELECT '' AS k, y, p, yhat FROM (").fragment(rows).sql(")")
                    .build();
            for (Auc auc : Queries.list(connection, groupedAucQuery(all), rs -> new Auc(OVERALL, rs.getLong(2),
                    rs.getLong(3), rs.getLong(4)), what)) {
                aucs.put(OVERALL, auc);
            }
        }
        return aucs;
    }

    /** The streaming pass over some rows; null when they arrived out of order. */
    private Auc streamed(SqlFragment rows, String what) {
        return Queries.one(connection, streamedAucQuery(rows), rs -> rs.getLong("disorder") != 0 ? null
                : new Auc(OVERALL, rs.getLong("u"), rs.getLong("pos"), rs.getLong("neg")), what);
    }

    private static SqlFragment countsQuery(SqlFragment rows, boolean withOverall) {
        String clipped = "greatest(least(p, 1 - " + LOG_LOSS_EPS + "), " + LOG_LOSS_EPS + ")";
        return new SqlBuilder().sql("SELECT k, GROUPING(k) AS g, count(*) AS n, count(y) AS labeled,"
                + " count(*) FILTER (WHERE y = 1 AND yhat = 1) AS tp,"
                + " count(*) FILTER (WHERE y = 0 AND yhat = 1) AS fp,"
                + " count(*) FILTER (WHERE y = 0 AND yhat = 0) AS tn,"
                + " count(*) FILTER (WHERE y = 1 AND yhat = 0) AS fn,"
                + " count(*) FILTER (WHERE y IS NOT NULL AND p IS NOT NULL) AS scored,"
                + " sum(CASE WHEN y = 1 THEN -ln(" + clipped + ") ELSE -ln(1 - " + clipped + ") END)"
                + " FILTER (WHERE y IS NOT NULL AND p IS NOT NULL) AS log_loss_sum,"
                + " sum((p - y) * (p - y)) FILTER (WHERE y IS NOT NULL AND p IS NOT NULL) AS brier_sum"
                + " FROM (").fragment(rows).sql(") GROUP BY " + (withOverall ? "GROUPING SETS ((k), ())" : "k")
                + " ORDER BY g DESC, k").build();
    }

    /**
     * The streaming pass (see the class comment): 2U, positives and negatives ({@code u, pos, neg}), and
     * {@code disorder}, the rows that arrived out of order. Running counts are DOUBLEs (exact: integers below
     * 2^53) and each positive's part is cast to BIGINT before it is summed.
     */
    private static SqlFragment streamedAucQuery(SqlFragment rows) {
        String w = " OVER (ROWS UNBOUNDED PRECEDING)";
        return new SqlBuilder().sql("SELECT count(*) FILTER (WHERE p < pp OR p = pp AND y < py) AS disorder,"
                + " CAST(sum(CAST(cnb + gs AS BIGINT)) FILTER (WHERE y = 1) AS BIGINT) AS u,"
                + " count(*) FILTER (WHERE y = 1) AS pos, count(*) FILTER (WHERE y = 0) AS neg"
                + " FROM (SELECT p, y, pp, py, cnb, max(CASE WHEN pp IS NULL OR p <> pp THEN cnb END)" + w + " AS gs"
                + " FROM (SELECT p, y, lag(p)" + w + " AS pp, lag(y)" + w + " AS py,"
                + " sum(CAST(y = 0 AS DOUBLE))" + w + " - CAST(y = 0 AS DOUBLE) AS cnb"
                + " FROM (SELECT p, y FROM (").fragment(rows)
                .sql(") WHERE y IS NOT NULL AND p IS NOT NULL ORDER BY p, y)))").build();
    }

    /**
     * The grouped plan, per group: twice the Mann–Whitney U (integers, so exact) and the numbers of positives and
     * negatives. For each distinct score s: pos(s) · (2 · negatives below s + negatives at s).
     */
    private static SqlFragment groupedAucQuery(SqlFragment rows) {
        return new SqlBuilder().sql("WITH by_score AS (SELECT k, p, count(*) FILTER (WHERE y = 1) AS pos,"
                + " count(*) FILTER (WHERE y = 0) AS neg FROM (").fragment(rows).sql(")"
                + " WHERE y IS NOT NULL AND p IS NOT NULL GROUP BY k, p),"
                + " ranked AS (SELECT k, pos, neg, coalesce(sum(neg) OVER (PARTITION BY k ORDER BY p"
                + " ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0) AS below FROM by_score)"
                + " SELECT k, CAST(sum(pos * (2 * below + neg)) AS BIGINT), CAST(sum(pos) AS BIGINT),"
                + " CAST(sum(neg) AS BIGINT) FROM ranked GROUP BY k ORDER BY k").build();
    }

    private record Auc(String key, long twiceU, long positives, long negatives) {
        Auc as(String otherKey) {
            return new Auc(otherKey, twiceU, positives, negatives);
        }

        Double value() {
            return positives == 0 || negatives == 0 ? null : twiceU / (2.0 * positives * negatives);
        }
    }
}
