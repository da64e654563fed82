package org.inquest.connectors.traces;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Locale;

/**
 * The demo incident's traces: every request of the demo's {@code timings} file (request_id, trace_id, timestamp,
 * model_version, channel, gateway_ms, feature_store_ms, model_ms, latency_ms) written as one OTLP/JSON
 * {@code ExportTraceServiceRequest} per line — what the OpenTelemetry collector's file exporter writes.
 *
 * <p>Each request is five spans in four services, the root starting at the prediction's {@code timestamp} and
 * lasting its {@code latency_ms}, so a prediction row and its trace agree on trace id, time and latency:
 * <pre>
 *   POST /v1/score        api-gateway      [0, latency]
 *     preprocess          scoring-service  [0.10 g, 0.40 g]
 *     feature_store.lookup feature-store   [0.45 g, 0.45 g + feature_store_ms]
 *     model.inference     model-server     [0.50 g + fs, 0.50 g + fs + model_ms]
 *     postprocess         scoring-service  [0.55 g + fs + m, 0.85 g + fs + m]
 * </pre>
 * where g is the gateway's own time: the gateway's 2–4 ms are shared between its own work, the two scoring
 * steps and small hand-over gaps. The demo's injected slowdown (feature store ×14 for {@code channel = 'mobile'}
 * on days 22–23) is in {@code feature_store_ms}, so it appears in exactly one stage. The whole file is produced by
 * one DuckDB {@code COPY ... (FORMAT json)}; span ids are the first 16 hex digits of md5(trace id, stage).
 *
 * <p>Errors: a lookup that fails ({@link #FAILURE}: a timeout when slow, or a transient connection reset) has
 * status ERROR and an {@code exception} event (exception.type TimeoutError or ConnectionError) at its end; its root
 * span then has status ERROR too, with {@code http.status_code} 504 or 502. Durations are unchanged (the
 * prediction's latency_ms still holds).
 */
public final class DemoTraces {
    /**
     * How a request's feature-store lookup failed, if it did (SQL over the timings row, NULL when it succeeded):
     * {@code 'TimeoutError'} for one in five lookups slower than 300 ms — which only the mobile slowdown of days
     * 22–23 produces, so errors rise there — else {@code 'ConnectionError'} for 0.2 % of all lookups (transient
     * resets, every day and channel). Decided by md5 of the trace id (counter-based like the rest of the demo, ADR
     * 0020): the same seed writes the same errors, whatever the thread count.
     */
    static final String FAILURE = "CASE WHEN feature_store_ms >= 300 AND md5_number(trace_id || ':fail') % 1000000"
            + " < 200000 THEN 'TimeoutError' WHEN md5_number(trace_id || ':fail') % 1000000 < 2000"
            + " THEN 'ConnectionError' END";

    /** The file {@code inquest demo --traces} writes next to the demo's other files. */
    public static final String FILE = "traces.otlp.jsonl";

    private DemoTraces() {
    }

    /**
     * Writes {@value #FILE} into the demo directory {@code dir} from its {@code timings.<ext>} file, through a
     * private in-memory DuckDB; the file appears only when complete. Returns the number of spans.
     */
    public static long writeDemo(Path dir, String extension) throws SQLException, java.io.IOException {
        Path timings = dir.resolve("timings." + extension);
        Path target = dir.resolve(FILE);
        Path partial = dir.resolve(FILE + ".partial");
        java.nio.file.Files.deleteIfExists(partial);
        long spans;
        try (Connection connection = java.sql.DriverManager.getConnection("jdbc:duckdb:")) {
            try (java.sql.Statement s = connection.createStatement()) {
                // rows leave COPY in timestamp order whatever the thread count
                s.execute("SET preserve_insertion_order = true");
            }
            spans = write(connection, timings, partial);
        } catch (SQLException e) {
            java.nio.file.Files.deleteIfExists(partial);
            throw e;
        }
        java.nio.file.Files.move(partial, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        return spans;
    }

    /** Writes the traces of {@code timings} (Parquet or CSV) to {@code out}; returns the number of spans. */
    public static long write(Connection connection, Path timings, Path out) throws SQLException {
        String name = timings.getFileName().toString().toLowerCase(Locale.ROOT);
        String reader = name.endsWith(".csv") ? "read_csv($1, header = true)" : "read_parquet($1)";
        String sql = "COPY (WITH t AS (SELECT trace_id, request_id, model_version, channel,"
                + "   epoch_us(CAST(\"timestamp\" AS TIMESTAMP)) * 1000 AS t0, gateway_ms AS g, feature_store_ms AS fs,"
                + "   model_ms AS m, latency_ms AS l, " + FAILURE + " AS fail FROM " + reader + "),"
                + " s AS (SELECT *, substr(md5(trace_id || ':http'), 1, 16) AS id_http,"
                + "   substr(md5(trace_id || ':pre'), 1, 16) AS id_pre, substr(md5(trace_id || ':fs'), 1, 16) AS id_fs,"
                + "   substr(md5(trace_id || ':model'), 1, 16) AS id_model,"
                + "   substr(md5(trace_id || ':post'), 1, 16) AS id_post FROM t)"
                + " SELECT json_array("
                + resource("api-gateway", span("trace_id", "id_http", null, "'POST /v1/score'", 2, "0", "l",
                        attrs(str("http.method", "'POST'"), str("http.route", "'/v1/score'"),
                                integer("http.status_code", "CASE fail WHEN 'TimeoutError' THEN 504 WHEN 'ConnectionError' THEN 502"
                                        + " ELSE 200 END"),
                                str("request.id", "request_id"), str("channel", "channel"),
                                str("model_version", "model_version")),
                        "CASE WHEN fail IS NULL THEN json_object() ELSE json_object('code', 2, 'message',"
                                + " 'feature store failed: ' || fail) END", null))
                + ", " + resource("scoring-service", span("trace_id", "id_pre", "id_http", "'preprocess'", 1,
                        "0.10 * g", "0.40 * g", attrs(integer("features.count", "12")))
                        + ", " + span("trace_id", "id_post", "id_http", "'postprocess'", 1, "0.55 * g + fs + m",
                        "0.85 * g + fs + m", attrs(bool("score.clipped", "false"))))
                + ", " + resource("feature-store", span("trace_id", "id_fs", "id_http", "'feature_store.lookup'", 2,
                        "0.45 * g", "0.45 * g + fs", attrs(str("db.system", "'redis'"), str("channel", "channel"),
                                integer("feature_store.keys", "6")),
                        "CASE fail WHEN 'TimeoutError' THEN json_object('code', 2, 'message', 'lookup timed out')"
                                + " WHEN 'ConnectionError' THEN json_object('code', 2, 'message', 'connection reset')"
                                + " ELSE json_object() END",
                        "CASE WHEN fail IS NOT NULL THEN json_array(json_object('timeUnixNano', "
                                + nanos("0.45 * g + fs") + ", 'name', 'exception', 'attributes', json_array("
                                + str("exception.type", "fail") + ", " + str("exception.message",
                                        "CASE fail WHEN 'TimeoutError' THEN 'redis GET of 6 keys timed out after 300 ms'"
                                        + " ELSE 'connection reset by peer' END") + "))) END"))
                + ", " + resource("model-server", span("trace_id", "id_model", "id_http", "'model.inference'", 2,
                        "0.50 * g + fs", "0.50 * g + fs + m", attrs(str("model.version", "model_version"))))
                + ") AS resourceSpans FROM s ORDER BY t0, trace_id) TO $2 (FORMAT json)";
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            ps.setString(1, timings.toString());
            ps.setString(2, out.toString());
            ps.execute();
        }
        try (PreparedStatement ps = connection.prepareStatement("SELECT count(*) * 5 FROM " + reader)) {
            ps.setString(1, timings.toString());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static String resource(String service, String spans) {
        return "json_object('resource', json_object('attributes', json_array(" + str("service.name", "'" + service + "'")
                + ")), 'scopeSpans', json_array(json_object('scope', json_object('name', 'inquest.demo'),"
                + " 'spans', json_array(" + spans + "))))";
    }

    /** A span whose bounds are milliseconds after the request start {@code t0} (nanoseconds), status unset. */
    private static String span(String trace, String id, String parent, String name, int kind, String fromMs,
            String toMs, String attributes) {
        return span(trace, id, parent, name, kind, fromMs, toMs, attributes, "json_object()", null);
    }

    /**
     * A span with a status (SQL of a JSON object) and, when {@code events} is not null, the JSON array it gives
     * (a NULL array leaves the span without events: the key is dropped by {@code json_merge_patch}).
     */
    private static String span(String trace, String id, String parent, String name, int kind, String fromMs,
            String toMs, String attributes, String status, String events) {
        String span = "json_object('traceId', " + trace + ", 'spanId', " + id
                + (parent == null ? "" : ", 'parentSpanId', " + parent) + ", 'name', " + name + ", 'kind', " + kind
                + ", 'startTimeUnixNano', " + nanos(fromMs) + ", 'endTimeUnixNano', " + nanos(toMs)
                + ", 'attributes', " + attributes + ", 'status', " + status + ")";
        return events == null ? span : "json_merge_patch(" + span + ", json_object('events', " + events + "))";
    }

    /** Nanoseconds since the epoch, as OTLP's decimal text, of {@code ms} milliseconds after the request start. */
    private static String nanos(String ms) {
        return "CAST(t0 + CAST(round((" + ms + ") * 1e6) AS BIGINT) AS VARCHAR)";
    }

    private static String attrs(String... items) {
        return "json_array(" + String.join(", ", items) + ")";
    }

    private static String str(String key, String expression) {
        return "json_object('key', '" + key + "', 'value', json_object('stringValue', " + expression + "))";
    }

    private static String integer(String key, String expression) {
        return "json_object('key', '" + key + "', 'value', json_object('intValue', CAST(" + expression
                + " AS VARCHAR)))";
    }

    private static String bool(String key, String expression) {
        return "json_object('key', '" + key + "', 'value', json_object('boolValue', " + expression + "))";
    }
}
