package org.inquest.analysis.fairness;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
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
 * sensitive column, then fairlearn's disparity summaries over the groups.
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
        BinaryOutcome outcome = BinaryOutcome.of(columns, threshold);
        SqlFragment query = new SqlBuilder().sql("SELECT k, count(*) AS n, sum(yhat) AS selected,"
                + " count(*) FILTER (WHERE y = 1 AND yhat = 1) AS tp, count(*) FILTER (WHERE y = 1) AS pos,"
                + " count(*) FILTER (WHERE y = 0 AND yhat = 1) AS fp, count(*) FILTER (WHERE y = 0) AS neg,"
                + " count(*) FILTER (WHERE y = yhat) AS correct FROM (SELECT "
                + Grouping.byColumn(sensitiveColumn).keySql() + " AS k, " + outcome.y() + " AS y, ")
                .fragment(outcome.yhat()).sql(" AS yhat FROM " + slice.from() + " WHERE ")
                .fragment(slice.condition()).sql(") WHERE y IS NOT NULL AND yhat IS NOT NULL GROUP BY k ORDER BY k")
                .build();
        List<GroupRates> groups = Queries.list(connection, query, rs -> {
            long n = rs.getLong("n");
            return new GroupRates(rs.getString("k"), n, Ratios.ratio(rs.getLong("selected"), n),
                    Ratios.ratio(rs.getLong("tp"), rs.getLong("pos")), Ratios.ratio(rs.getLong("fp"),
                    rs.getLong("neg")), Ratios.ratio(rs.getLong("correct"), n), n < MIN_GROUP_ROWS);
        }, "fairness of " + slice.table().name() + " by " + sensitiveColumn);
        return summarize(groups);
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
