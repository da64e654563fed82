package org.inquest.connectors.traces;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import org.inquest.connectors.workspace.Workspace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoTracesTest {
    @TempDir
    Path dir;

    @Test
    void everyRequestBecomesFiveSpansThatAgreeWithItsPrediction() throws Exception {
        Path timings = dir.resolve("timings.parquet");
        Path traces = dir.resolve("traces.otlp.jsonl");
        try (Workspace ws = Workspace.open(dir.resolve("w.duckdb"))) {
            try (Statement s = ws.connection().createStatement()) {
                s.execute("COPY (SELECT * FROM (VALUES"
                        + " ('req-1', '0123456789abcdef0123456789abcdef', TIMESTAMP '2026-09-22 10:00:00.123456', 'v1',"
                        + "  'mobile', 3.0, 200.0, 8.5, 211.5),"
                        + " ('req-2', 'fedcba9876543210fedcba9876543210', TIMESTAMP '2026-09-01 00:00:01', 'v2', 'web',"
                        + "  2.0, 14.25, 7.75, 24.0))"
                        + " t(request_id, trace_id, \"timestamp\", model_version, channel, gateway_ms, feature_store_ms,"
                        + " model_ms, latency_ms)) TO '" + timings.toString().replace("'", "''") + "' (FORMAT parquet)");
            }
            assertEquals(10, DemoTraces.write(ws.connection(), timings, traces));
            assertEquals(2, Files.readAllLines(traces).size(), "one ExportTraceServiceRequest per request (line)");
            var r = TraceImports.importTraces(ws, "spans", traces);
            assertEquals(10, r.rowsAccepted());
            assertEquals(0, TraceIntegrity.count(ws.connection(), "main.spans").total());
            try (Statement s = ws.connection().createStatement();
                 ResultSet rs = s.executeQuery("SELECT name, service, parent_span_id IS NULL, start, duration_ms,"
                         + " attributes->>'channel' FROM spans WHERE trace_id = '0123456789abcdef0123456789abcdef'"
                         + " ORDER BY start_unix_nano")) {
                assertTrue(rs.next());
                assertEquals("POST /v1/score", rs.getString(1));
                assertEquals("api-gateway", rs.getString(2));
                assertTrue(rs.getBoolean(3));
                assertEquals("2026-09-22 10:00:00.123456", rs.getString(4));
                assertEquals(211.5, rs.getDouble(5), 1e-9, "the root lasts the prediction's latency_ms");
                assertEquals("mobile", rs.getString(6));
                assertTrue(rs.next());
                assertEquals("preprocess", rs.getString(1));
                assertEquals(0.9, rs.getDouble(5), 1e-9, "0.10 g to 0.40 g with g = 3");
                assertTrue(rs.next());
                assertEquals("feature_store.lookup", rs.getString(1));
                assertEquals("feature-store", rs.getString(2));
                assertEquals(200.0, rs.getDouble(5), 1e-9, "the lookup lasts feature_store_ms");
                assertTrue(rs.next());
                assertEquals("model.inference", rs.getString(1));
                assertEquals(8.5, rs.getDouble(5), 1e-9);
                assertTrue(rs.next());
                assertEquals("postprocess", rs.getString(1));
                assertEquals(0.9, rs.getDouble(5), 1e-9);
            }
        }
    }
}
