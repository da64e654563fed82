package org.inquest.analysis.fairness;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.inquest.analysis.performance.BinaryOutcome;
import org.inquest.analysis.performance.Grouping;
import org.inquest.analysis.performance.ModelColumns;
import org.inquest.analysis.performance.Ratios;
import org.inquest.analysis.slice.Slice;
import org.inquest.analysis.slice.SqlFragment;
import org.inquest.analysis.sql.Queries;
import org.inquest.analysis.sql.SqlBuilder;

/**
 * Per-group selection rate, TPR, FPR and accuracy for a binary classifier, in one {@code GROUP BY} on the
 * sensitive column (with an outer key when asked: per version, per segment), then fairlearn's disparity summaries
 * over the groups.
 */
public final class FairnessAnalyzer {
    /** Groups with fewer labeled rows are reported but marked too small. */
    public static final int MIN_GROUP_ROWS = 30;
    /** The four-fifths (80%) rule of thumb for adverse impact. */
    public static final double FOUR_FIFTHS = 0.8;

    private final Connection connection;

    public FairnessAnalyzer(Connection connection) {
        this.connection = connection;
    }

    public Fairness analyze(Slice slice, ModelColumns columns, double threshold, String sensitiveColumn) {
        Fairness whole = analyze(slice, columns, threshold, sensitiveColumn, Grouping.NONE).get("");
        return whole == null ? summarize(List.of()) : whole;
    }

    /**
     * The sensitive column's fairness within each group of {@code within} (per model version, per segment value):
     * the same per-group rates with the outer key added to the one {@code GROUP BY}, then each outer group's
     * disparities over its own sensitive groups. Outer groups without a labeled row are left out.
     */
    public Map<String, Fairness> analyze(Slice slice, ModelColumns columns, double threshold, String sensitiveColumn,
                                         Grouping within) {
        BinaryOutcome outcome = BinaryOutcome.of(columns, threshold);
        SqlFragment query = new SqlBuilder().sql("SELECT g, k, count(*) AS n, sum(yhat) AS selected,"
                + " count(*) FILTER (WHERE y = 1 AND yhat = 1) AS tp, count(*) FILTER (WHERE y = 1) AS pos,"
                + " count(*) FILTER (WHERE y = 0 AND yhat = 1) AS fp, count(*) FILTER (WHERE y = 0) AS neg,"
                + " count(*) FILTER (WHERE y = yhat) AS correct FROM (SELECT " + within.keySql() + " AS g, "
                + Grouping.byColumn(sensitiveColumn).keySql() + " AS k, " + outcome.y() + " AS y, ")
                .fragment(outcome.yhat()).sql(" AS yhat FROM " + slice.from() + " WHERE ")
                .fragment(slice.condition()).sql(") WHERE y IS NOT NULL AND yhat IS NOT NULL GROUP BY g, k"
                        + " ORDER BY g, k").build();
        Map<String, List<GroupRates>> groups = new LinkedHashMap<>();
        Queries.list(connection, query, rs -> {
            long n = rs.getLong("n");
            groups.computeIfAbsent(rs.getString("g"), g -> new ArrayList<>()).add(new GroupRates(rs.getString("k"),
                    n, Ratios.ratio(rs.getLong("selected"), n), Ratios.ratio(rs.getLong("tp"), rs.getLong("pos")),
                    Ratios.ratio(rs.getLong("fp"), rs.getLong("neg")), Ratios.ratio(rs.getLong("correct"), n),
                    n < MIN_GROUP_ROWS));
            return null;
        }, "fairness of " + slice.table().name() + " by " + sensitiveColumn);
        Map<String, Fairness> result = new LinkedHashMap<>();
        groups.forEach((g, rates) -> result.put(g, summarize(rates)));
        return result;
    }

    static Fairness summarize(List<GroupRates> groups) {
        Double dpd = spread(groups, GroupRates::selectionRate);
        Double tprSpread = spread(groups, GroupRates::tpr);
        Double fprSpread = spread(groups, GroupRates::fpr);
        // Written out: a conditional mixing Double and Math.max's double unboxes, and threw when both were null.
        Double eod = tprSpread;
        if (eod == null || (fprSpread != null && fprSpread > eod)) {
            eod = fprSpread;
        }
        Double ratio = null;
        List<Double> selection = defined(groups, GroupRates::selectionRate);
        if (selection.size() >= 2) {
            double max = selection.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
            double min = selection.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
            ratio = max == 0 ? null : min / max;
        }
        return new Fairness(groups, dpd, ratio, eod, tprSpread, ratio != null && ratio < FOUR_FIFTHS);
    }

    private static Double spread(List<GroupRates> groups, Function<GroupRates, Double> rate) {
        List<Double> values = defined(groups, rate);
        if (values.size() < 2) {
            return null;
        }
        return values.stream().mapToDouble(Double::doubleValue).max().orElseThrow()
                - values.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
    }

    private static List<Double> defined(List<GroupRates> groups, Function<GroupRates, Double> rate) {
        List<Double> values = new ArrayList<>();
        groups.stream().map(rate).filter(Objects::nonNull).forEach(values::add);
        return values;
    }
}
