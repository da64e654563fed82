package org.inquest.analysis.replay;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.sql.Connection;
import java.util.List;
import org.inquest.analysis.slice.Slice;
import org.inquest.analysis.slice.SqlFragment;
import org.inquest.analysis.sql.Queries;
import org.inquest.analysis.sql.SqlBuilder;
import org.inquest.analysis.traces.LinkedPredictions;
import org.inquest.connectors.catalog.ColumnRole;
import org.inquest.connectors.catalog.TraceLink;
import org.inquest.connectors.workspace.Identifiers;
import org.inquest.connectors.workspace.TraceLinks;

/**
 * The requests of one replay bucket: the slice's rows whose time falls in [start, end), each with its linked trace
 * (by the link of the two tables: {@link LinkedPredictions}) summarised from the spans table — root span (earliest), duration from the first span's
 * start to the last span's end, span count and error spans. Rows without a trace in the spans table are listed
 * too, with the trace fields null. One statement; the spans table is only read for the bucket's trace ids.
 */
public final class BucketTraces {
    private final Connection connection;

    public BucketTraces(Connection connection) {
        this.connection = connection;
    }

    /**
     * One request of the bucket.
     *
     * @param id         the row's id-role value as text (null without an id column)
     * @param time       its timestamp as text
     * @param latencyMs  its latency_ms value, when the table has one
     * @param traceId    the linked trace id (null when the row has none)
     * @param durationMs the trace's duration (null when no span of it is in the spans table)
     */
    public record Request(String id, String time, @JsonProperty("latency_ms") Double latencyMs,
            @JsonProperty("trace_id") String traceId, @JsonProperty("root_service") String rootService,
            @JsonProperty("root_name") String rootName, @JsonProperty("duration_ms") Double durationMs, Long spans,
            Long errors) {
        @JsonIgnore
        public boolean traced() {
            return durationMs != null;
        }
    }

    /**
     * Requests of {@code slice} in [startMicros, endMicros), in time order, at most {@code limit}; without a
     * spans table (null) or a link the trace fields are null. Linked by the saved link, else the trace_id role.
     */
    public List<Request> list(Slice slice, String spansTable, long startMicros, long endMicros, int limit) {
        return list(slice, spansTable, null, startMicros, endMicros, limit);
    }

    /** As {@link #list(Slice, String, long, long, int)}, linked by {@code link} (null: saved, else trace_id). */
    public List<Request> list(Slice slice, String spansTable, TraceLink link, long startMicros, long endMicros,
            int limit) {
        TimeColumn time = TimeColumn.of(slice);
        LinkedPredictions linked = linked(slice, spansTable, link);
        String traceKey = linked == null ? slice.table().columnWithRole(ColumnRole.TRACE_ID).map(c -> "lower(CAST("
                + Identifiers.quote(c.name()) + " AS VARCHAR))").orElse("CAST(NULL AS VARCHAR)")
                : linked.predictionKey();
        String id = slice.table().columnWithRole(ColumnRole.ID).map(c -> "CAST(" + Identifiers.quote(c.name())
                + " AS VARCHAR)").orElse("CAST(NULL AS VARCHAR)");
        String latency = slice.table().columnWithRole(ColumnRole.LATENCY_MS).map(c -> "CAST("
                + Identifiers.quote(c.name()) + " AS DOUBLE)").orElse("CAST(NULL AS DOUBLE)");
        String ts = Identifiers.quote(time.name());
        SqlBuilder q = new SqlBuilder().sql("WITH r AS (SELECT " + id + " AS rid, CAST(" + ts + " AS VARCHAR) AS rt, "
                + time.micros() + " AS t, " + latency + " AS lat, " + traceKey + " AS tk FROM " + slice.from()
                + " WHERE (").fragment(slice.condition()).sql(") AND "
                + time.micros() + " >= ").value(startMicros).sql(" AND " + time.micros() + " < ").value(endMicros)
                .sql(" ORDER BY t, rid LIMIT ").value(limit).sql(")");
        if (linked == null) {
            q.sql(" SELECT rid, rt, lat, tk, NULL, NULL, NULL, NULL, NULL FROM r ORDER BY t, rid");
        } else {
            // each row's trace (m: link key -> trace id), then that trace summarised (s); spans read for them only
            q.sql(", m AS (").fragment(linked.tracesOfKeys(SqlFragment.of("SELECT tk FROM r")))
                    .sql("), s AS (SELECT trace_id AS inquest_tk, arg_min(service, start_unix_nano) AS rs,"
                    + " arg_min(name, start_unix_nano) AS rn, (max(end_unix_nano) - min(start_unix_nano)) / 1e6 AS d,"
                    + " count(*) AS c, count(*) FILTER (WHERE status = " + ReplayTimelines.ERROR_STATUS + ") AS e"
                    + " FROM " + Identifiers.userTable(linked.spansTable()) + " WHERE trace_id IN (SELECT trace_id"
                    + " FROM m) GROUP BY trace_id) SELECT rid, rt, lat, " + (linked.byTraceId() ? "tk" : "m.trace_id")
                    + ", rs, rn, d, c, e FROM r LEFT JOIN m ON m.link_key = r.tk LEFT JOIN s ON s.inquest_tk ="
                    + " m.trace_id ORDER BY t, rid");
        }
        return Queries.list(connection, q.build(), rs -> new Request(rs.getString(1), rs.getString(2),
                Queries.doubleOrNull(rs, 3), rs.getString(4), rs.getString(5), rs.getString(6),
                Queries.doubleOrNull(rs, 7), longOrNull(rs, 8), longOrNull(rs, 9)),
                "requests of " + slice.table().name() + " in a replay bucket");
    }

    /** The link to use, or null when there are no spans or nothing links the rows to them. */
    private LinkedPredictions linked(Slice slice, String spansTable, TraceLink link) {
        if (spansTable == null) {
            return null;
        }
        if (link == null && slice.table().columnWithRole(ColumnRole.TRACE_ID).isEmpty()
                && new TraceLinks(connection).find(slice.table().name(), spansTable).isEmpty()) {
            return null;
        }
        return LinkedPredictions.resolve(connection, slice.table(), spansTable, link);
    }

    private static Long longOrNull(java.sql.ResultSet rs, int column) throws java.sql.SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : v;
    }
}
