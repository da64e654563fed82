package org.inquest.analysis.traces;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.inquest.connectors.error.InputException;
import org.inquest.connectors.error.UsageException;
import org.inquest.connectors.workspace.Identifiers;
import org.inquest.connectors.workspace.Workspace;

/** Loads one trace from a spans table: the engine behind {@code inquest trace show} and the waterfall view. */
public final class TraceShow {
    private final Connection connection;

    public TraceShow(Connection connection) {
        this.connection = connection;
    }

    /** The trace, or exit 2 when the table has no span with that trace id. */
    public TraceView show(String table, String traceId) {
        List<TraceSpan> spans = spans(table, traceId);
        if (spans.isEmpty()) {
            throw new UsageException("no trace '" + traceId + "' in table '" + table + "'");
        }
        return TraceViews.of(SpanTables.normalizeTraceId(traceId), spans);
    }

    /** The spans of one trace (empty when there are none). */
    public List<TraceSpan> spans(String table, String traceId) {
        SpanTables.require(connection, table);
        String sql = "SELECT span_id, parent_span_id, ref_type, service, name, kind, start_unix_nano, end_unix_nano,"
                + " status FROM " + Identifiers.userTable(table) + " WHERE trace_id = ?";
        List<TraceSpan> spans = new ArrayList<>();
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            ps.setString(1, SpanTables.normalizeTraceId(traceId));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    spans.add(new TraceSpan(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getString(6), rs.getLong(7), rs.getLong(8), rs.getInt(9)));
                }
            }
        } catch (SQLException e) {
            throw new InputException("reading trace " + traceId + " from " + table + ": "
                    + Workspace.firstLine(e.getMessage()), e);
        }
        return spans;
    }
}
