package org.inquest.analysis.quality;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.inquest.analysis.slice.Slice;
import org.inquest.analysis.sql.PreviousPlan;
import org.inquest.analysis.sql.Queries;
import org.inquest.analysis.sql.SqlBuilder;
import org.inquest.connectors.workspace.Identifiers;

/**
 * The exact distinct count and order statistics of a column that is stored in order (timestamps of a log, sequential
 * ids), from one streaming pass in the table's insertion order instead of a hash table or a sort.
 *
 * <p>DuckDB evaluates {@code lag(x) OVER (ROWS UNBOUNDED PRECEDING)} as a streaming window over the rows as they
 * arrive (insertion order is preserved, see the workspace settings). The pass counts the rows whose value is below
 * the previous row's ({@code disorder}) and the rows whose value differs from it ({@code changes}). When no row is
 * below its predecessor the sequence seen is non-decreasing, whatever order DuckDB delivered it in: then the
 * distinct count is {@code changes + 1} and the k-th row (running count) is the k-th order statistic, exactly. When
 * some row is, the caller falls back to {@code count(DISTINCT)} — the answer never depends on the order being kept.
 */
final class OrderedPass {
    /** What one pass found. {@code orderStatistics[i]} is the value at 0-based rank {@code ranks[i]}. */
    record Result(long values, boolean ordered, long distinct, List<Object> orderStatistics) {
    }

    private OrderedPass() {
    }

    /** @param ranks 0-based ranks among the non-null values whose values are wanted (numeric columns only) */
    static Result run(Connection connection, Slice slice, String column, long[] ranks) {
        return run(connection, slice, column, ranks, false);
    }

    /**
     * With {@code sort}, the values are sorted first ({@code ORDER BY}, DuckDB's parallel sort) and the streaming
     * windows read the sorted rows: one sort yields both the distinct count and the quantiles of a continuous
     * column, where {@code count(DISTINCT)} and {@code quantile_cont} would each cost about as much as the sort. The
     * disorder check still guards the result.
     */
    static Result run(Connection connection, Slice slice, String column, long[] ranks, boolean sort) {
        String c = Identifiers.quote(column);
        SqlBuilder q = new SqlBuilder().sql("SELECT count(*), count(*) FILTER (WHERE x < px),"
                + " count(*) FILTER (WHERE x <> px)");
        for (long rank : ranks) {
            q.sql(", CAST(min(x) FILTER (WHERE rn = ").value(rank + 1).sql(") AS DOUBLE)");
        }
        // The running count only when order statistics are asked for: DuckDB evaluates the window even when no
        // column reads it, and it cost as much as the rest of an unsorted pass (ADR 0105).
        boolean rn = ranks.length > 0 || PreviousPlan.enabled(PreviousPlan.QUALITY);
        q.sql(" FROM (SELECT x, lag(x) OVER (ROWS UNBOUNDED PRECEDING) AS px"
                + (rn ? ", count(*) OVER (ROWS UNBOUNDED PRECEDING) AS rn" : "") + " FROM (SELECT " + c + " AS x FROM "
                + slice.from()
                + " WHERE (").fragment(slice.condition()).sql(") AND " + c + " IS NOT NULL"
                + (sort ? " ORDER BY x" : "") + "))");
        return Queries.one(connection, q.build(), rs -> read(rs, ranks.length), "ordered pass over " + column
                + " of " + slice.table().name());
    }

    private static Result read(ResultSet rs, int ranks) throws SQLException {
        long values = rs.getLong(1);
        boolean ordered = rs.getLong(2) == 0;
        long distinct = values == 0 ? 0 : rs.getLong(3) + 1;
        List<Object> statistics = new ArrayList<>();
        for (int i = 0; i < ranks; i++) {
            statistics.add(Queries.doubleOrNull(rs, 4 + i));
        }
        return new Result(values, ordered, distinct, statistics);
    }
}
