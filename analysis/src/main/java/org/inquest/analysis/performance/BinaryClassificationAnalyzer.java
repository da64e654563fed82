package org.inquest.analysis.performance;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.inquest.analysis.slice.Slice;
import org.inquest.analysis.slice.SqlFragment;
import org.inquest.analysis.sql.PreviousPlan;
import org.inquest.analysis.sql.SqlBuilder;

/**
 * Binary classification metrics computed inside DuckDB (ADR 0100): one small {@code GROUP BY} of the rows by
 * (group, label, predicted label, scored) gives the counts, log loss and Brier of every group and, summed in the
 * JVM, of the whole slice ({@link OutcomeCells}); ROC AUC comes from rank windows over sorts of the scores
 * ({@link RankAuc}): the whole slice's from its rows ordered by score; with the whole slice, the largest group's
 * from that same sort and a sort of one of its classes with the other groups' rows, the other groups' from their
 * own rows ordered by (group, score); groups alone from every row ordered by (group, score). AUC is the
 * Mann–Whitney statistic with average ranks for ties — exactly sklearn's {@code roc_auc_score}. The JVM receives
 * one row per cell or group.
 */
public final class BinaryClassificationAnalyzer {
    /** Scores are clipped to [EPS, 1 − EPS] for log loss, as the contract (and sklearn's explicit eps) says. */
    static final double LOG_LOSS_EPS = 1e-15;
    /** The key of the overall metrics in {@link #analyzeWithOverall}. */
    static final String OVERALL = "\u0000overall";

    private final Connection connection;

    public BinaryClassificationAnalyzer(Connection connection) {
        this.connection = connection;
    }

    /** The whole slice's metrics and each group's, from one counting scan and one sort of the scores. */
    public record WithGroups(ClassificationMetrics overall, Map<String, ClassificationMetrics> groups) {
    }

    public ClassificationMetrics analyze(Slice slice, ModelColumns columns, double threshold) {
        Map<String, ClassificationMetrics> all = analyze(slice, columns, threshold, Grouping.NONE);
        return all.isEmpty() ? empty() : all.values().iterator().next();
    }

    /** Metrics per group (ordered by group key); a group without rows does not appear. */
    public Map<String, ClassificationMetrics> analyze(Slice slice, ModelColumns columns, double threshold,
                                                      Grouping grouping) {
        return compute(slice, columns, threshold, grouping, false, true);
    }

    /**
     * Every metric of {@link #analyze(Slice, ModelColumns, double)} but ROC AUC (null), from the counting scan
     * alone: AUC is the one metric that needs a sort of the scores, and a view that does not show it (the
     * workbench's overview) need not pay for it.
     */
    public ClassificationMetrics analyzeWithoutAuc(Slice slice, ModelColumns columns, double threshold) {
        Map<String, ClassificationMetrics> all = compute(slice, columns, threshold, Grouping.NONE, false, false);
        return all.isEmpty() ? empty() : all.values().iterator().next();
    }

    /** The whole slice and its groups together (the report's per-slice and per-version tables). */
    public WithGroups analyzeWithOverall(Slice slice, ModelColumns columns, double threshold, Grouping grouping) {
        Map<String, ClassificationMetrics> all = compute(slice, columns, threshold, grouping, true, true);
        ClassificationMetrics overall = all.remove(OVERALL);
        return new WithGroups(overall == null ? empty() : overall, all);
    }

    private Map<String, ClassificationMetrics> compute(Slice slice, ModelColumns columns, double threshold,
                                                       Grouping grouping, boolean withOverall, boolean withAuc) {
        if (PreviousPlan.enabled(PreviousPlan.MODEL)) {
            return new PreviousBinaryPlan(connection).compute(slice, columns, threshold, grouping, withOverall,
                    withAuc);
        }
        SqlFragment rows = rowSource(slice, BinaryOutcome.of(columns, threshold), grouping);
        OutcomeCells cells = OutcomeCells.count(connection, rows, "classification metrics of "
                + slice.table().name());
        Map<String, RankAuc.Auc> aucs = withAuc ? aucs(rows, grouping, withOverall, cells,
                "ROC AUC of " + slice.table().name()) : Map.of();
        Map<String, ClassificationMetrics> result = new LinkedHashMap<>();
        if (withOverall && !grouping.isNone()) {
            result.put(OVERALL, cells.overall().metrics(aucs.get(OVERALL)));
        }
        cells.groups().forEach((key, tally) -> result.put(key, tally.metrics(aucs.get(key))));
        if (withOverall && grouping.isNone() && result.containsKey("")) {
            result.put(OVERALL, result.remove(""));
        }
        return result;
    }

    /** AUC of the whole slice (when asked, or when it is also the single group's) and of each group. */
    private Map<String, RankAuc.Auc> aucs(SqlFragment rows, Grouping grouping, boolean withOverall,
                                          OutcomeCells cells, String what) {
        List<String> keys = new ArrayList<>();
        cells.groups().forEach((key, tally) -> {
            if (tally.scored() > 0) {
                keys.add(key);
            }
        });
        Map<String, RankAuc.Auc> aucs = new LinkedHashMap<>();
        if (withOverall && !grouping.isNone() && keys.size() > 1) {
            // The whole slice's sort also serves the largest group; the others sort their own rows only.
            String largest = keys.get(0);
            for (String key : keys) {
                largest = cells.groups().get(key).scored() > cells.groups().get(largest).scored() ? key : largest;
            }
            OutcomeCells.Tally l = cells.groups().get(largest);
            aucs.putAll(RankAuc.overallAndLargest(connection, rows, largest,
                    2 * l.scoredPositives() <= l.scored(), what));
            List<String> others = new ArrayList<>(keys);
            others.remove(largest);
            SqlFragment otherRows = new SqlBuilder().sql("SELECT * FROM (").fragment(rows).sql(") WHERE k <> ")
                    .value(largest).build();
            aucs.putAll(others.size() == 1 ? Map.of(others.get(0), RankAuc.overall(connection, otherRows, what))
                    : RankAuc.perGroup(connection, otherRows, others, what));
            return aucs;
        }
        if (grouping.isNone() || withOverall || keys.size() == 1) {
            RankAuc.Auc overall = RankAuc.overall(connection, rows, what);
            aucs.put(OVERALL, overall);
            if (grouping.isNone()) {
                aucs.put("", overall);
            } else if (keys.size() == 1) {
                // A single group holds every scored row: its AUC is the overall one.
                aucs.put(keys.get(0), overall);
            }
        }
        if (!grouping.isNone() && keys.size() > 1) {
            aucs.putAll(RankAuc.perGroup(connection, rows, keys, what));
        }
        return aucs;
    }

    /** The per-row expressions every query here reads: group key {@code k}, {@code y}, {@code p}, {@code yhat}. */
    static SqlFragment rowSource(Slice slice, BinaryOutcome outcome, Grouping grouping) {
        return new SqlBuilder().sql("SELECT " + grouping.keySql() + " AS k, " + outcome.y() + " AS y, "
                        + outcome.p() + " AS p, ").fragment(outcome.yhat()).sql(" AS yhat FROM " + slice.from()
                        + " WHERE ").fragment(slice.condition()).build();
    }

    private static ClassificationMetrics empty() {
        return new ClassificationMetrics(0, 0, null, null, null, null, null, null, null, new Confusion(0, 0, 0, 0));
    }
}
