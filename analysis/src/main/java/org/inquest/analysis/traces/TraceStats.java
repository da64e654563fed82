package org.inquest.analysis.traces;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.inquest.analysis.slice.SqlFragment;
import org.inquest.connectors.error.InputException;
import org.inquest.connectors.workspace.Identifiers;
import org.inquest.connectors.workspace.Workspace;

/**
 * Per-operation latency statistics of a spans table, entirely in DuckDB: the JVM receives one row per (service,
 * name). Self time is computed in SQL with a window sweep: each span's children (from the whole table, not only
 * the filtered spans — a filter picks which spans are measured, never which children they had) are clipped to the
 * span and sorted by start; each adds the part of it beyond the furthest end reached by the children before it
 * ({@code max(end) OVER (... ROWS UNBOUNDED PRECEDING AND 1 PRECEDING)}), which sums to the length of their union.
 * This is the same definition as {@link SelfTime}, tested against it.
 */
public final class TraceStats {
    private final Connection connection;

    public TraceStats(Connection connection) {
        this.connection = connection;
    }

    /** The contract's {@code {"operations": [...]}}. */
    public record Result(@JsonProperty("operations") List<OperationStats> operations) {
        public Result {
            operations = List.copyOf(operations);
        }
    }

    /** Statistics of the spans of {@code table} that satisfy {@code condition} (compiled, parameterised). */
    public Result compute(String table, SqlFragment condition) {
        SpanTables.require(connection, table);
        String t = Identifiers.userTable(table);
        String sql = "WITH f AS (SELECT row_number() OVER () AS rid, trace_id, span_id, service, name, status,"
                + "   start_unix_nano AS b, end_unix_nano AS e FROM " + t + " WHERE " + condition.sql() + "),"
                + " kids AS (SELECT f.rid, greatest(c.start_unix_nano, f.b) AS cb, least(c.end_unix_nano, f.e) AS ce"
                + "   FROM f JOIN " + t + " c ON c.trace_id = f.trace_id AND c.parent_span_id = f.span_id"
                + "   AND c.span_id <> f.span_id"
                + "   WHERE least(c.end_unix_nano, f.e) > greatest(c.start_unix_nano, f.b)),"
                + " swept AS (SELECT rid, cb, ce, max(ce) OVER (PARTITION BY rid ORDER BY cb, ce"
                + "   ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS reached FROM kids),"
                + " covered AS (SELECT rid, sum(greatest(0, ce - greatest(cb, coalesce(reached, cb)))) AS cov"
                + "   FROM swept GROUP BY rid),"
                + " m AS (SELECT f.service, f.name, f.status, (f.e - f.b) / 1e6 AS dur,"
                + "   (f.e - f.b - coalesce(covered.cov, 0)) / 1e6 AS self FROM f LEFT JOIN covered USING (rid))"
                + " SELECT service, name, count(*), count(*) FILTER (WHERE status = 2),"
                + " quantile_cont(dur, 0.5), quantile_cont(dur, 0.95), quantile_cont(dur, 0.99),"
                + " quantile_cont(self, 0.5), quantile_cont(self, 0.95), quantile_cont(self, 0.99), avg(dur), sum(self)"
                + " FROM m GROUP BY service, name ORDER BY service, name";
        List<OperationStats> rows = new ArrayList<>();
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            condition.bind(ps, 1);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(new OperationStats(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4),
                            rs.getDouble(5), rs.getDouble(6), rs.getDouble(7), rs.getDouble(8), rs.getDouble(9),
                            rs.getDouble(10), rs.getDouble(11), rs.getDouble(12)));
                }
            }
        } catch (SQLException e) {
            throw new InputException("trace statistics of " + table + ": " + Workspace.firstLine(e.getMessage()), e);
        }
        return new Result(rows);
    }
}
