package org.inquest.analysis.traces;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.inquest.analysis.slice.SqlFragment;
import org.inquest.connectors.catalog.Catalog;
import org.inquest.connectors.catalog.ColumnInfo;
import org.inquest.connectors.catalog.ColumnRole;
import org.inquest.connectors.catalog.TableInfo;
import org.inquest.connectors.catalog.TraceLink;
import org.inquest.connectors.error.InputException;
import org.inquest.connectors.error.UsageException;
import org.inquest.connectors.workspace.Identifiers;
import org.inquest.connectors.workspace.TraceLinks;
import org.inquest.connectors.workspace.Workspace;

/**
 * One request seen from both sides: a prediction row (its features, output and label, found by its {@code id}
 * role) and the trace of the request that produced it (found through the link of the two tables, by trace id or by
 * a span attribute: {@link LinkedPredictions}), or the other way round, from a trace id back to its prediction. This is the engine of the workbench's request view and of
 * {@code inquest trace request}.
 */
public final class RequestView {
    private final Connection connection;

    public RequestView(Connection connection) {
        this.connection = connection;
    }

    /** A prediction and its trace. {@code trace} is null when the spans table has no span of that trace. */
    @JsonPropertyOrder({"table", "id", "trace_id", "timestamp", "model_version", "score", "prediction", "label",
        "latency_ms", "features", "null_features", "row", "trace"})
    public record Request(@JsonProperty("table") String table, @JsonProperty("id") Object id,
            @JsonProperty("trace_id") String traceId, @JsonProperty("timestamp") Object timestamp,
            @JsonProperty("model_version") Object modelVersion, @JsonProperty("score") Object score,
            @JsonProperty("prediction") Object prediction, @JsonProperty("label") Object label,
            @JsonProperty("latency_ms") Object latencyMs, @JsonProperty("features") Map<String, Object> features,
            @JsonProperty("null_features") List<String> nullFeatures, @JsonProperty("row") Map<String, Object> row,
            @JsonProperty("trace") TraceView trace) {
    }

    /** The prediction whose {@code id} role column equals {@code id}, with its trace from {@code spansTable}. */
    public Request forPrediction(String predictionsTable, String id, String spansTable) {
        return forPrediction(predictionsTable, id, spansTable, null);
    }

    /**
     * As {@link #forPrediction(String, String, String)}, the trace found through {@code link} (null: the link
     * saved in the workspace, else the trace_id role).
     */
    public Request forPrediction(String predictionsTable, String id, String spansTable, TraceLink link) {
        TableInfo table = new Catalog(connection).table(predictionsTable);
        ColumnInfo idColumn = table.columnWithRole(ColumnRole.ID).orElseThrow(() -> new UsageException(
                "table '" + predictionsTable + "' has no column with the id role (import it with --role id=COLUMN)"));
        Map<String, Object> row = firstRow(table, idColumn, id).orElseThrow(() -> new UsageException(
                "no row with " + idColumn.name() + " = '" + id + "' in table '" + predictionsTable + "'"));
        return assemble(table, row, spansTable, linked(table, spansTable, link));
    }

    /** The prediction linked to {@code traceId}, with that trace; empty when no prediction row names the trace. */
    public Optional<Request> forTrace(String predictionsTable, String traceId, String spansTable) {
        return forTrace(predictionsTable, traceId, spansTable, null);
    }

    /** As {@link #forTrace(String, String, String)}, through {@code link} (null: the saved link, else trace_id). */
    public Optional<Request> forTrace(String predictionsTable, String traceId, String spansTable, TraceLink link) {
        TableInfo table = new Catalog(connection).table(predictionsTable);
        LinkedPredictions linked = LinkedPredictions.resolve(connection, table, spansTable, link);
        SqlFragment where = linked.rowsOfTrace(traceId);
        String sql = "SELECT * FROM " + Identifiers.userTable(table.name()) + " WHERE " + where.sql() + " LIMIT 1";
        return query(sql, where.parameters()).map(r -> assemble(table, r, spansTable, linked));
    }

    /** The link, or null when none is asked, saved or possible (a prediction is shown without its trace). */
    private LinkedPredictions linked(TableInfo table, String spansTable, TraceLink link) {
        if (link == null && table.columnWithRole(ColumnRole.TRACE_ID).isEmpty()
                && (spansTable == null || new TraceLinks(connection).find(table.name(), spansTable).isEmpty())) {
            return null;
        }
        return LinkedPredictions.resolve(connection, table, spansTable, link);
    }

    private Request assemble(TableInfo table, Map<String, Object> row, String spansTable, LinkedPredictions linked) {
        String traceId = linked == null ? null : linked.traceOf(row.get(linked.column().name())).orElse(null);
        TraceView trace = null;
        if (traceId != null && spansTable != null) {
            TraceShow show = new TraceShow(connection);
            List<TraceSpan> spans = show.spans(spansTable, traceId);
            trace = spans.isEmpty() ? null : TraceViews.of(SpanTables.normalizeTraceId(traceId), spans);
        }
        Map<String, Object> features = new LinkedHashMap<>();
        List<String> nulls = new ArrayList<>();
        for (ColumnInfo c : table.features()) {
            Object v = row.get(c.name());
            features.put(c.name(), v);
            if (v == null) {
                nulls.add(c.name());
            }
        }
        return new Request(table.name(), value(table, row, ColumnRole.ID), traceId,
                value(table, row, ColumnRole.TIMESTAMP), value(table, row, ColumnRole.MODEL_VERSION),
                value(table, row, ColumnRole.SCORE), value(table, row, ColumnRole.PREDICTION),
                value(table, row, ColumnRole.LABEL), value(table, row, ColumnRole.LATENCY_MS), features, nulls, row,
                trace);
    }

    private static Object value(TableInfo table, Map<String, Object> row, ColumnRole role) {
        return table.columnWithRole(role).map(c -> row.get(c.name())).orElse(null);
    }

    private Optional<Map<String, Object>> firstRow(TableInfo table, ColumnInfo column, String value) {
        String sql = "SELECT * FROM " + Identifiers.userTable(table.name()) + " WHERE CAST("
                + Identifiers.quote(column.name()) + " AS VARCHAR) = ? LIMIT 1";
        return query(sql, List.of(value));
    }

    private Optional<Map<String, Object>> query(String sql, List<Object> parameters) {
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            new SqlFragment(sql, parameters).bind(ps, 1);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                ResultSetMetaData md = rs.getMetaData();
                Map<String, Object> row = new LinkedHashMap<>();
                for (int i = 1; i <= md.getColumnCount(); i++) {
                    Object v = rs.getObject(i);
                    row.put(md.getColumnName(i), v instanceof Number || v instanceof Boolean || v == null ? v
                            : v.toString());
                }
                return Optional.of(row);
            }
        } catch (SQLException e) {
            throw new InputException("reading a request: " + Workspace.firstLine(e.getMessage()), e);
        }
    }
}
