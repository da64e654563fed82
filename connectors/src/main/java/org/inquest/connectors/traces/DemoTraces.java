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
 */
public final class DemoTraces {
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
                + "   model_ms AS m, latency_ms AS l FROM " + reader + "),"
                + " s AS (SELECT *, substr(md5(trace_id || ':http'), 1, 16) AS id_http,"
                + "   substr(md5(trace_id || ':pre'), 1, 16) AS id_pre, substr(md5(trace_id || ':fs'), 1, 16) AS id_fs,"
                + "   substr(md5(trace_id || ':model'), 1, 16) AS id_model,"
                + "   substr(md5(trace_id || ':post'), 1, 16) AS id_post FROM t)"
                + " SELECT json_array("
                + resource("api-gateway", span("trace_id", "id_http", null, "'POST /v1/score'", 2, "0", "l",
                        attrs(str("http.method", "'POST'"), str("http.route", "'/v1/score'"),
                                integer("http.status_code", "200"), str("request.id", "request_id"),
                                str("channel", "channel"), str("model_version", "model_version"))))
                + ", " + resource("scoring-service", span("trace_id", "id_pre", "id_http", "'preprocess'", 1,
                        "0.10 * g", "0.40 * g", attrs(integer("features.count", "12")))
                        + ", " + span("trace_id", "id_post", "id_http", "'postprocess'", 1, "0.55 * g + fs + m",
                        "0.85 * g + fs + m", attrs(bool("score.clipped", "false"))))
                + ", " + resource("feature-store", span("trace_id", "id_fs", "id_http", "'feature_store.lookup'", 2,
                        "0.45 * g", "0.45 * g + fs", attrs(str("db.system", "'redis'"), str("channel", "channel"),
                                integer("feature_store.keys", "6"))))
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

    /** A span whose bounds are milliseconds after the request start {@code t0} (nanoseconds). */
    private static String span(String trace, String id, String parent, String name, int kind, String fromMs,
            String toMs, String attributes) {
        return "json_object('traceId', " + trace + ", 'spanId', " + id
                + (parent == null ? "" : ", 'parentSpanId', " + parent) + ", 'name', " + name + ", 'kind', " + kind
                + ", 'startTimeUnixNano', CAST(t0 + CAST(round((" + fromMs + ") * 1e6) AS BIGINT) AS VARCHAR)"
                + ", 'endTimeUnixNano', CAST(t0 + CAST(round((" + toMs + ") * 1e6) AS BIGINT) AS VARCHAR)"
                + ", 'attributes', " + attributes + ", 'status', json_object())";
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
