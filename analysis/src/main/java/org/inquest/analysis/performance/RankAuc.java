package org.inquest.analysis.performance;

import java.sql.Connection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.inquest.analysis.slice.SqlFragment;
import org.inquest.analysis.sql.Queries;
import org.inquest.analysis.sql.SqlBuilder;

/**
 * ROC AUC from rank windows over one sort of the scores (ADR 0100). With average ranks for ties, the
 * Mann–Whitney statistic is U = R₁ − P(P + 1)/2, R₁ the positives' rank sum; a row's average rank is
 * (rank() + count(*) up to its peers) / 2 over the rows ordered by score — the first and the last position of
 * its score — so 2U = Σ over positives of (rank() + count(*)) − P(P + 1), an integer, and AUC = 2U / (2·P·N)
 * exactly as sklearn's {@code roc_auc_score} with ties. DuckDB computes both window functions from the sort's
 * peer boundaries, in parallel; no streaming window, no order to trust.
 *
 * <p>Groups: the rows are ordered by (group, score) in one sort. A row's rank there is its rank within its group
 * plus the rows of the groups before it, so each group's sum is corrected by that offset. Up to
 * {@value #MAX_MAPPED_GROUPS} groups are first mapped to small integers (sorting by a text key cost twice as much
 * on the 10M-row demo); more sort by the text key itself.
 */
final class RankAuc {
    static final int MAX_MAPPED_GROUPS = 16;

    private RankAuc() {
    }

    /** Twice the Mann–Whitney U and the numbers of positives and negatives. */
    record Auc(long twiceU, long positives, long negatives) {
        Double value() {
            return positives == 0 || negatives == 0 ? null : twiceU / (2.0 * positives * negatives);
        }
    }

    /** The whole of {@code rows} (columns {@code y, p}), one sort by score. */
    static Auc overall(Connection connection, SqlFragment rows, String what) {
        SqlFragment query = new SqlBuilder().sql("SELECT count(*) FILTER (WHERE y = 1) AS pos,"
                + " count(*) FILTER (WHERE y = 0) AS neg,"
                + " CAST(coalesce(sum(r + c) FILTER (WHERE y = 1), 0) AS BIGINT) AS rank_sum"
                + " FROM (SELECT y, rank() OVER o AS r, count(*) OVER o AS c FROM (SELECT y, p FROM (")
                .fragment(rows).sql(") WHERE y IN (0, 1) AND p IS NOT NULL) WINDOW o AS (ORDER BY p))").build();
        return Queries.one(connection, query, rs -> auc(rs.getLong("rank_sum"), 0, rs.getLong("pos"),
                rs.getLong("pos") + rs.getLong("neg")), what);
    }

    /** Each group's AUC (columns {@code k, y, p}; {@code keys} every group with scored rows), one sort. */
    static Map<String, Auc> perGroup(Connection connection, SqlFragment rows, List<String> keys, String what) {
        boolean mapped = keys.size() <= MAX_MAPPED_GROUPS;
        SqlBuilder sortKey = new SqlBuilder();
        if (mapped) {
            sortKey.sql("CASE k");
            for (int i = 0; i < keys.size(); i++) {
                sortKey.sql(" WHEN ").value(keys.get(i)).sql(" THEN " + i);
            }
            sortKey.sql(" END");
        } else {
            sortKey.sql("k");
        }
        SqlFragment query = new SqlBuilder().sql("SELECT g, count(*) AS n, count(*) FILTER (WHERE y = 1) AS pos,"
                + " CAST(coalesce(sum(r + c) FILTER (WHERE y = 1), 0) AS BIGINT) AS rank_sum"
                + " FROM (SELECT g, y, rank() OVER o AS r, count(*) OVER o AS c FROM (SELECT ")
                .fragment(sortKey.build()).sql(" AS g, y, p FROM (").fragment(rows)
                .sql(") WHERE y IN (0, 1) AND p IS NOT NULL) WINDOW o AS (ORDER BY g, p)) GROUP BY g ORDER BY g")
                .build();
        Map<String, Auc> aucs = new LinkedHashMap<>();
        long[] offset = {0};
        Queries.list(connection, query, rs -> {
            String key = mapped ? keys.get(rs.getInt("g")) : rs.getString("g");
            long n = rs.getLong("n");
            aucs.put(key, auc(rs.getLong("rank_sum"), offset[0], rs.getLong("pos"), n));
            offset[0] += n;
            return null;
        }, what);
        return aucs;
    }

    /**
     * The whole slice's AUC and its largest group's, from the whole slice's sort and a sort of fewer rows (ADR 0100).
     * For a set C of rows, Σ over C of (rank() + count(*)) is |C|(|C| + 1) plus twice the pairs C wins against the
     * other rows (ties half). Take C = one class of the largest group L (the smaller one) and O = every other
     * group's rows: over the whole slice C meets L's other class D and O, over C ∪ O only O, so the difference of
     * the two sums is twice the pairs C wins against D — L's Mann–Whitney statistic — and the second sort holds
     * C ∪ O instead of every row. The other groups take {@link #perGroup} over their own rows.
     */
    static Map<String, Auc> overallAndLargest(Connection connection, SqlFragment rows, String largest,
                                              boolean positivesSmaller, String what) {
        int c = positivesSmaller ? 1 : 0;
        SqlFragment whole = new SqlBuilder().sql("SELECT count(*) FILTER (WHERE y = 1) AS pos,"
                + " count(*) FILTER (WHERE y = 0) AS neg,"
                + " CAST(coalesce(sum(r + c) FILTER (WHERE y = 1), 0) AS BIGINT) AS rank_sum,"
                + " count(*) FILTER (WHERE l AND y = 1) AS l_pos, count(*) FILTER (WHERE l AND y = 0) AS l_neg,"
                + " CAST(coalesce(sum(r + c) FILTER (WHERE l AND y = " + c + "), 0) AS BIGINT) AS l_sum"
                + " FROM (SELECT y, l, rank() OVER o AS r, count(*) OVER o AS c FROM (SELECT y, p, k = ").value(largest)
                .sql(" AS l FROM (").fragment(rows)
                .sql(") WHERE y IN (0, 1) AND p IS NOT NULL) WINDOW o AS (ORDER BY p))").build();
        long[] w = Queries.one(connection, whole, rs -> new long[] {rs.getLong("rank_sum"), rs.getLong("pos"),
                rs.getLong("neg"), rs.getLong("l_sum"), rs.getLong("l_pos"), rs.getLong("l_neg")}, what);
        SqlFragment fewer = new SqlBuilder().sql("SELECT CAST(coalesce(sum(r + c) FILTER (WHERE l), 0) AS BIGINT)"
                + " FROM (SELECT l, rank() OVER o AS r, count(*) OVER o AS c FROM (SELECT p, k = ").value(largest)
                .sql(" AS l FROM (").fragment(rows).sql(") WHERE y IN (0, 1) AND p IS NOT NULL AND (k <> ")
                .value(largest).sql(" OR y = " + c + ")) WINDOW o AS (ORDER BY p))").build();
        long apart = Queries.one(connection, fewer, rs -> rs.getLong(1), what);
        long wins = w[3] - apart;
        long positives = w[4];
        long negatives = w[5];
        Map<String, Auc> aucs = new LinkedHashMap<>();
        aucs.put(BinaryClassificationAnalyzer.OVERALL, auc(w[0], 0, w[1], w[1] + w[2]));
        aucs.put(largest, new Auc(positivesSmaller ? wins : 2 * positives * negatives - wins, positives,
                negatives));
        return aucs;
    }

    /**
     * A group's AUC from Σ over its positives of (rank() + count(*)) in an order where {@code offset} rows of other
     * groups precede it: each of its positives' two positions is {@code offset} too high.
     */
    static Auc auc(long rankSum, long offset, long positives, long rows) {
        long twiceU = rankSum - 2 * offset * positives - positives * (positives + 1);
        return new Auc(twiceU, positives, rows - positives);
    }
}
