package org.inquest.analysis.traces;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.inquest.connectors.error.InputException;
import org.inquest.connectors.workspace.Identifiers;
import org.inquest.connectors.workspace.Workspace;

/**
 * Everything stored about one span beyond the waterfall's numbers: kind, status and its message, attributes,
 * resource attributes and events (each event's time counted from the span's start). The waterfall's detail panel
 * loads it for the selected span only, so a 5,000-span trace never carries 5,000 attribute maps.
 */
public record SpanDetail(String traceId, String spanId, String service, String name, String kind, int status,
        String statusMessage, Map<String, Object> attributes, Map<String, Object> resource, List<Event> events) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One span event; {@code offsetMs} is from the span's start (null when the event has no time). */
    public record Event(String name, Double offsetMs, Map<String, Object> attributes) {
    }

    /** The span {@code spanId} of trace {@code traceId} (the first stored when the id is duplicated). */
    public static Optional<SpanDetail> load(Connection connection, String table, String traceId, String spanId) {
        SpanTables.require(connection, table);
        String sql = "SELECT service, name, kind, status, status_message, CAST(attributes AS VARCHAR),"
                + " CAST(resource AS VARCHAR), CAST(events AS VARCHAR), start_unix_nano FROM "
                + Identifiers.userTable(table) + " WHERE trace_id = ? AND span_id = ? ORDER BY start_unix_nano LIMIT 1";
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            ps.setString(1, SpanTables.normalizeTraceId(traceId));
            ps.setString(2, spanId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new SpanDetail(SpanTables.normalizeTraceId(traceId), spanId, rs.getString(1),
                        rs.getString(2), rs.getString(3), rs.getInt(4), rs.getString(5), object(rs.getString(6)),
                        object(rs.getString(7)), events(rs.getString(8), rs.getLong(9))));
            }
        } catch (SQLException e) {
            throw new InputException("reading span " + spanId + " of trace " + traceId + " from " + table + ": "
                    + Workspace.firstLine(e.getMessage()), e);
        }
    }

    private static Map<String, Object> object(String json) {
        if (json == null || json.isBlank()) {
            return Map.of();
        }
        try {
            Object v = JSON.readValue(json, Object.class);
            if (v instanceof Map<?, ?> m) {
                Map<String, Object> out = new LinkedHashMap<>();
                m.forEach((k, x) -> out.put(String.valueOf(k), x));
                return out;
            }
            return Map.of("value", v);
        } catch (JsonProcessingException e) {
            return Map.of("unreadable", json);
        }
    }

    private static List<Event> events(String json, long spanStartNanos) {
        if (json == null || json.isBlank()) {
            return List.of();
        }
        List<Map<String, Object>> raw;
        try {
            raw = JSON.readValue(json, new TypeReference<List<Map<String, Object>>>() { });
        } catch (JsonProcessingException e) {
            return List.of(new Event("unreadable events: " + json, null, Map.of()));
        }
        List<Event> out = new ArrayList<>(raw.size());
        for (Map<String, Object> e : raw) {
            Double offset = null;
            Object t = e.get("time_unix_nano");
            if (t != null) {
                try {
                    offset = (Long.parseLong(t.toString()) - spanStartNanos) / 1e6;
                } catch (NumberFormatException ignored) {
                    offset = null;
                }
            }
            Object attrs = e.get("attributes");
            Map<String, Object> a = new LinkedHashMap<>();
            if (attrs instanceof Map<?, ?> m) {
                m.forEach((k, x) -> a.put(String.valueOf(k), x));
            }
            out.add(new Event(String.valueOf(e.getOrDefault("name", "")), offset, a));
        }
        return out;
    }
}
