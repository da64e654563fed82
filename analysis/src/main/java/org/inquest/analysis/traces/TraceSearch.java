package org.inquest.analysis.traces;

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
 * Trace search for the workbench: the slowest traces having at least one span that matches a condition (a compiled
 * filter on span columns), one row per trace, computed in DuckDB.
 */
public final class TraceSearch {
    private final Connection connection;

    public TraceSearch(Connection connection) {
        this.connection = connection;
    }

    /** One trace in a result list: its root (earliest span), start, whole duration, size and errors. */
    public record TraceSummary(String traceId, String rootService, String rootName, String start, double durationMs,
            long spans, long errors) {
    }

    /** Up to {@code limit} traces with a span satisfying {@code condition}, slowest first. */
    public List<TraceSummary> slowest(String table, SqlFragment condition, int limit) {
        SpanTables.require(connection, table);
        String t = Identifiers.userTable(table);
        String sql = "SELECT trace_id, arg_min(service, start_unix_nano), arg_min(name, start_unix_nano),"
                + " CAST(min(start) AS VARCHAR), (max(end_unix_nano) - min(start_unix_nano)) / 1e6 AS d, count(*),"
                + " count(*) FILTER (WHERE status = 2) FROM " + t + " WHERE trace_id IN (SELECT trace_id FROM " + t
                + " WHERE " + condition.sql() + ") GROUP BY trace_id ORDER BY d DESC, trace_id LIMIT ?";
        List<TraceSummary> rows = new ArrayList<>();
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            int next = condition.bind(ps, 1);
            ps.setInt(next, limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(new TraceSummary(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getDouble(5), rs.getLong(6), rs.getLong(7)));
                }
            }
        } catch (SQLException e) {
            throw new InputException("searching traces in " + table + ": " + Workspace.firstLine(e.getMessage()), e);
        }
        return rows;
    }
}
