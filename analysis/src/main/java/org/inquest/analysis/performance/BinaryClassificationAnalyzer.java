package org.inquest.analysis.performance;

import java.sql.Connection;
import java.util.LinkedHashMap;
import java.util.Map;
import org.inquest.analysis.slice.Slice;
import org.inquest.analysis.slice.SqlFragment;
import org.inquest.analysis.sql.Queries;
import org.inquest.analysis.sql.SqlBuilder;

/**
 * Binary classification metrics computed inside DuckDB: one aggregate scan for the counts, log loss and Brier,
 * and one {@code GROUP BY score} for ROC AUC. AUC is the Mann–Whitney statistic with average ranks for ties:
 * for each distinct score, its positives beat every negative with a lower score and half of the negatives with
 * the same score — exactly sklearn's {@code roc_auc_score} (the area under the ROC curve with ties as diagonal
 * steps). The JVM receives one row per group.
 */
public final class BinaryClassificationAnalyzer {
    /** Scores are clipped to [EPS, 1 − EPS] for log loss, as the contract (and sklearn's explicit eps) says. */
    static final double LOG_LOSS_EPS = 1e-15;

    private final Connection connection;

    public BinaryClassificationAnalyzer(Connection connection) {
        this.connection = connection;
    }

    public ClassificationMetrics analyze(Slice slice, ModelColumns columns, double threshold) {
        Map<String, ClassificationMetrics> all = analyze(slice, columns, threshold, Grouping.NONE);
        return all.isEmpty() ? empty() : all.values().iterator().next();
    }

    /** Metrics per group (ordered by group key); a group without rows does not appear. */
    public Map<String, ClassificationMetrics> analyze(Slice slice, ModelColumns columns, double threshold,
                                                      Grouping grouping) {
        SqlFragment rows = rowSource(slice, BinaryOutcome.of(columns, threshold), grouping);
        Map<String, Auc> aucs = new LinkedHashMap<>();
        for (Auc auc : Queries.list(connection, aucQuery(rows), rs -> new Auc(rs.getString(1), rs.getLong(2),
                rs.getLong(3), rs.getLong(4)), "ROC AUC of " + slice.table().name())) {
            aucs.put(auc.key(), auc);
        }
        Map<String, ClassificationMetrics> result = new LinkedHashMap<>();
        Queries.list(connection, countsQuery(rows), rs -> {
            String key = rs.getString("k");
            Confusion confusion = new Confusion(rs.getLong("tp"), rs.getLong("fp"), rs.getLong("tn"),
                    rs.getLong("fn"));
            long scored = rs.getLong("scored");
            Double precision = Ratios.ratio(confusion.tp(), confusion.tp() + confusion.fp());
            Double recall = Ratios.ratio(confusion.tp(), confusion.tp() + confusion.fn());
            Auc auc = aucs.get(key);
            result.put(key, new ClassificationMetrics(rs.getLong("n"), rs.getLong("labeled"),
                    Ratios.ratio(confusion.tp() + confusion.tn(), confusion.total()), precision, recall,
                    Ratios.f1(precision, recall), auc == null ? null : auc.value(),
                    scored == 0 ? null : rs.getDouble("log_loss_sum") / scored,
                    scored == 0 ? null : rs.getDouble("brier_sum") / scored, confusion));
            return key;
        }, "classification metrics of " + slice.table().name());
        return result;
    }

    static SqlFragment rowSource(Slice slice, BinaryOutcome outcome, Grouping grouping) {
        return new SqlBuilder().sql("SELECT " + grouping.keySql() + " AS k, " + outcome.y() + " AS y, "
                        + outcome.p() + " AS p, ").fragment(outcome.yhat()).sql(" AS yhat FROM " + slice.from()
                        + " WHERE ").fragment(slice.condition()).build();
    }

    private static SqlFragment countsQuery(SqlFragment rows) {
        String clipped = "greatest(least(p, 1 - " + LOG_LOSS_EPS + "), " + LOG_LOSS_EPS + ")";
        return new SqlBuilder().sql("SELECT k, count(*) AS n, count(y) AS labeled,"
                + " count(*) FILTER (WHERE y = 1 AND yhat = 1) AS tp,"
                + " count(*) FILTER (WHERE y = 0 AND yhat = 1) AS fp,"
                + " count(*) FILTER (WHERE y = 0 AND yhat = 0) AS tn,"
                + " count(*) FILTER (WHERE y = 1 AND yhat = 0) AS fn,"
                + " count(*) FILTER (WHERE y IS NOT NULL AND p IS NOT NULL) AS scored,"
                + " sum(CASE WHEN y = 1 THEN -ln(" + clipped + ") ELSE -ln(1 - " + clipped + ") END)"
                + " FILTER (WHERE y IS NOT NULL AND p IS NOT NULL) AS log_loss_sum,"
                + " sum((p - y) * (p - y)) FILTER (WHERE y IS NOT NULL AND p IS NOT NULL) AS brier_sum"
                + " FROM (").fragment(rows).sql(") GROUP BY k ORDER BY k").build();
    }

    /**
     * Per group: twice the Mann–Whitney U (integers, so exact) and the numbers of positives and negatives. For
     * each distinct score s: pos(s) · (2 · negatives below s + negatives at s).
     */
    private static SqlFragment aucQuery(SqlFragment rows) {
        return new SqlBuilder().sql("WITH by_score AS (SELECT k, p, count(*) FILTER (WHERE y = 1) AS pos,"
                + " count(*) FILTER (WHERE y = 0) AS neg FROM (").fragment(rows).sql(")"
                + " WHERE y IS NOT NULL AND p IS NOT NULL GROUP BY k, p),"
                + " ranked AS (SELECT k, pos, neg, coalesce(sum(neg) OVER (PARTITION BY k ORDER BY p"
                + " ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0) AS below FROM by_score)"
                + " SELECT k, CAST(sum(pos * (2 * below + neg)) AS BIGINT), CAST(sum(pos) AS BIGINT),"
                + " CAST(sum(neg) AS BIGINT) FROM ranked GROUP BY k ORDER BY k").build();
    }

    private static ClassificationMetrics empty() {
        return new ClassificationMetrics(0, 0, null, null, null, null, null, null, null, new Confusion(0, 0, 0, 0));
    }

    private record Auc(String key, long twiceU, long positives, long negatives) {
        Double value() {
            return positives == 0 || negatives == 0 ? null : twiceU / (2.0 * positives * negatives);
        }
    }
}
