package org.inquest.analysis.performance;

import java.sql.Connection;
import java.util.LinkedHashMap;
import java.util.Map;
import org.inquest.analysis.slice.SqlFragment;
import org.inquest.analysis.sql.Queries;
import org.inquest.analysis.sql.SqlBuilder;

/**
 * The counting half of the binary metrics (ADR 0100): the rows grouped by (group, label, predicted label, has a
 * score) — a handful of cells per group — with each cell's row count and its sums of log loss and Brier terms.
 * Confusion counts, labeled and scored rows are sums of cells, so the JVM adds them up per group and for the
 * whole slice: one cheap hash aggregate instead of a filtered aggregate per metric and a grouping set for the
 * whole slice. The cells arrive in a fixed order so that the sums are added in the same order every time.
 */
final class OutcomeCells {
    private final Map<String, Tally> groups = new LinkedHashMap<>();
    private final Tally overall = new Tally();

    private OutcomeCells() {
    }

    /** Counts over {@code rows} (columns {@code k, y, p, yhat} as {@link BinaryClassificationAnalyzer#rowSource}). */
    static OutcomeCells count(Connection connection, SqlFragment rows, String what) {
        String eps = String.valueOf(BinaryClassificationAnalyzer.LOG_LOSS_EPS);
        String clipped = "greatest(least(p, 1 - " + eps + "), " + eps + ")";
        SqlFragment query = new SqlBuilder().sql("SELECT k, y, yhat, p IS NOT NULL AS scored, count(*) AS n,"
                + " sum(CASE WHEN y = 1 THEN -ln(" + clipped + ") ELSE -ln(1 - " + clipped + ") END) AS log_loss_sum,"
                + " sum((p - y) * (p - y)) AS brier_sum FROM (").fragment(rows)
                .sql(") GROUP BY k, y, yhat, scored ORDER BY k, y, yhat, scored").build();
        OutcomeCells cells = new OutcomeCells();
        Queries.list(connection, query, rs -> {
            int y = rs.getInt("y");
            Integer label = rs.wasNull() ? null : y;
            int yhat = rs.getInt("yhat");
            Integer predicted = rs.wasNull() ? null : yhat;
            long n = rs.getLong("n");
            boolean scored = rs.getBoolean("scored");
            double logLoss = rs.getDouble("log_loss_sum");
            double brier = rs.getDouble("brier_sum");
            for (Tally t : new Tally[] {cells.groups.computeIfAbsent(rs.getString("k"), k -> new Tally()),
                    cells.overall}) {
                t.add(label, predicted, scored, n, logLoss, brier);
            }
            return null;
        }, what);
        return cells;
    }

    /** Per group key, in the order of the keys. */
    Map<String, Tally> groups() {
        return groups;
    }

    Tally overall() {
        return overall;
    }

    /** One group's (or the slice's) sums over its cells. */
    static final class Tally {
        private long rows;
        private long labeled;
        private long tp;
        private long fp;
        private long tn;
        private long fn;
        private long scored;
        private long scoredPositives;
        private double logLossSum;
        private double brierSum;

        void add(Integer y, Integer yhat, boolean hasScore, long n, double logLoss, double brier) {
            rows += n;
            if (y == null) {
                return;
            }
            labeled += n;
            if (yhat != null && yhat == 1) {
                tp += y == 1 ? n : 0;
                fp += y == 0 ? n : 0;
            } else if (yhat != null && yhat == 0) {
                fn += y == 1 ? n : 0;
                tn += y == 0 ? n : 0;
            }
            if (hasScore) {
                scored += n;
                scoredPositives += y == 1 ? n : 0;
                logLossSum += logLoss;
                brierSum += brier;
            }
        }

        long scored() {
            return scored;
        }

        /** Scored rows labeled 1 (the rest of the scored rows are mostly 0: binary labels). */
        long scoredPositives() {
            return scoredPositives;
        }

        ClassificationMetrics metrics(RankAuc.Auc auc) {
            Confusion confusion = new Confusion(tp, fp, tn, fn);
            Double precision = Ratios.ratio(tp, tp + fp);
            Double recall = Ratios.ratio(tp, tp + fn);
            return new ClassificationMetrics(rows, labeled, Ratios.ratio(tp + tn, confusion.total()), precision,
                    recall, Ratios.f1(precision, recall), auc == null ? null : auc.value(),
                    scored == 0 ? null : logLossSum / scored, scored == 0 ? null : brierSum / scored, confusion);
        }
    }
}
