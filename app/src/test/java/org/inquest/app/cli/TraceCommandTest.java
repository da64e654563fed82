package org.inquest.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import org.inquest.connectors.ingest.CancelHandle;
import org.inquest.connectors.ingest.ImportKind;
import org.inquest.connectors.ingest.ImportListener;
import org.inquest.connectors.ingest.ImportRequest;
import org.inquest.connectors.ingest.Importer;
import org.inquest.connectors.workspace.Workspace;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The trace commands end to end, on a hand-written Jaeger export (times below are worked out from it). */
class TraceCommandTest {
    @TempDir
    static Path dir;
    static Path ws;

    @BeforeAll
    static void importTraces() throws Exception {
        ws = dir.resolve("w.duckdb");
        try (Workspace w = Workspace.open(ws)) {
            Path jaeger = Path.of(TraceCommandTest.class.getResource("/traces/jaeger_data.json").toURI());
            new Importer(w).run(new ImportRequest("spans", ImportKind.TRACES, List.of(), List.of(jaeger)),
                    ImportListener.NONE, new CancelHandle());
            try (var s = w.connection().createStatement()) {
                s.execute("CREATE TABLE preds AS SELECT * FROM (VALUES"
                        + " ('req-1', 'A1B2C3D4E5F60718', 0.91, 1, 'web', NULL::DOUBLE),"
                        + " ('req-2', 'ffff', 0.12, 0, 'mobile', 52000.0)) t(request_id, trace_id, score, label,"
                        + " channel, income)");
            }
            org.inquest.connectors.catalog.ColumnRole id = org.inquest.connectors.catalog.ColumnRole.ID;
            new org.inquest.connectors.catalog.Catalog(w.connection()).saveTable("preds", "predictions", List.of(
                    column("request_id", "VARCHAR", id, null),
                    column("trace_id", "VARCHAR", org.inquest.connectors.catalog.ColumnRole.TRACE_ID, null),
                    column("score", "DECIMAL(3,2)", org.inquest.connectors.catalog.ColumnRole.SCORE, null),
                    column("label", "INTEGER", org.inquest.connectors.catalog.ColumnRole.LABEL, null),
                    column("channel", "VARCHAR", org.inquest.connectors.catalog.ColumnRole.FEATURE,
                            org.inquest.connectors.catalog.FeatureKind.CATEGORICAL),
                    column("income", "DOUBLE", org.inquest.connectors.catalog.ColumnRole.FEATURE,
                            org.inquest.connectors.catalog.FeatureKind.NUMERICAL)));
        }
    }

    static org.inquest.connectors.catalog.ColumnInfo column(String name, String type,
            org.inquest.connectors.catalog.ColumnRole role, org.inquest.connectors.catalog.FeatureKind kind) {
        return new org.inquest.connectors.catalog.ColumnInfo(name, type, role, kind);
    }

    record Run(int code, String out, String err) {
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = InquestCommand.run(new PrintWriter(out), new PrintWriter(err), args);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void showPrintsTheContractFields() throws Exception {
        Run r = run("trace", "show", "--workspace", ws.toString(), "--table", "spans", "A1B2C3D4E5F60718");
        assertEquals(0, r.code(), r.err());
        JsonNode v = new ObjectMapper().readTree(r.out());
        assertEquals("a1b2c3d4e5f60718", v.get("trace_id").asText());
        // root [0,100] ms, db.query [10,40], send.email FOLLOWS_FROM [90,140]: the trace lasts 140 ms
        assertEquals(140.0, v.get("duration_ms").asDouble(), 1e-9);
        assertEquals(3, v.get("span_count").asInt());
        assertEquals(1, v.get("warnings").size());
        JsonNode root = v.get("spans").get(0);
        for (String field : List.of("span_id", "parent_span_id", "service", "name", "start_ms", "duration_ms",
                "self_ms", "depth", "critical")) {
            assertTrue(root.has(field), field);
        }
        assertEquals("0000000000000001", root.get("span_id").asText());
        assertTrue(root.get("parent_span_id").isNull());
        assertEquals("checkout", root.get("service").asText());
        // self(root) = 100 - 30 (db.query) - 10 (send.email clipped to [90,100]) = 60
        assertEquals(60.0, root.get("self_ms").asDouble(), 1e-9);
        assertTrue(root.get("critical").asBoolean());
        JsonNode email = v.get("spans").get(2);
        assertEquals("send.email", email.get("name").asText());
        assertEquals(90.0, email.get("start_ms").asDouble(), 1e-9);
        assertEquals(1, email.get("depth").asInt());
        assertFalse(email.get("critical").asBoolean(), "FOLLOWS_FROM is not on the critical path");
    }

    @Test
    void showAsATable() {
        Run r = run("trace", "show", "--workspace", ws.toString(), "--table", "spans", "a1b2c3d4e5f60718",
                "--format", "table");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("*  HTTP GET /checkout [0000000000000001]"), r.out());
        assertTrue(r.out().contains("warning: span 0000000000000003 (send.email) ends 40.000 ms after"), r.out());
    }

    @Test
    void statsWithAFilterAndALinkedPredictionFilter() throws Exception {
        Run all = run("trace", "stats", "--workspace", ws.toString(), "--table", "spans");
        assertEquals(0, all.code(), all.err());
        JsonNode ops = new ObjectMapper().readTree(all.out()).get("operations");
        assertEquals(3, ops.size());
        JsonNode db = ops.get(1);
        assertEquals("payments", db.get("service").asText());
        assertEquals("db.query", db.get("name").asText());
        assertEquals(1, db.get("errors").asInt());
        assertEquals(30.0, db.get("p99_ms").asDouble(), 1e-9);
        for (String f : List.of("service", "name", "count", "errors", "p50_ms", "p95_ms", "p99_ms", "self_p50_ms",
                "self_p95_ms")) {
            assertTrue(db.has(f), f);
        }
        Run payments = run("trace", "stats", "--workspace", ws.toString(), "--table", "spans", "--where",
                "service = 'payments' AND status = 2");
        assertEquals(2, new ObjectMapper().readTree(payments.out()).get("operations").size());
        Run web = run("trace", "stats", "--workspace", ws.toString(), "--table", "spans", "--predictions", "preds",
                "--prediction-where", "channel = 'web'");
        assertEquals(3, new ObjectMapper().readTree(web.out()).get("operations").size(), web.err());
        Run mobile = run("trace", "stats", "--workspace", ws.toString(), "--table", "spans", "--predictions",
                "preds", "--prediction-where", "channel = 'mobile'", "--format", "table");
        assertEquals(0, mobile.code());
        assertEquals(2, mobile.out().lines().count(), "header and rule only: no linked trace");
    }

    @Test
    void statsOfTwoSlicesSideBySide() throws Exception {
        // reference: the payments spans; current: the whole trace of the web prediction (all three spans)
        Run r = run("trace", "stats", "--workspace", ws.toString(), "--table", "spans", "--predictions", "preds",
                "--reference-where", "service = 'payments'", "--current-prediction-where", "channel = 'web'");
        assertEquals(0, r.code(), r.err());
        JsonNode v = new ObjectMapper().readTree(r.out());
        assertEquals("service = 'payments'", v.get("reference").get("where").asText());
        assertEquals("channel = 'web'", v.get("current").get("prediction_where").asText());
        JsonNode ops = v.get("operations");
        assertEquals(3, ops.size());
        JsonNode root = ops.get(0);
        assertEquals("checkout", root.get("service").asText());
        assertTrue(root.get("reference").isNull(), "not in the reference slice");
        assertTrue(root.get("change").isNull());
        JsonNode db = ops.get(1);
        assertEquals("db.query", db.get("name").asText());
        assertEquals(0, db.get("change").get("count").asLong());
        assertEquals(0.0, db.get("change").get("p95_ms").asDouble(), 1e-12);
        assertEquals(30.0, db.get("current").get("p95_ms").asDouble(), 1e-9);
        Run table = run("trace", "stats", "--workspace", ws.toString(), "--table", "spans", "--reference-where",
                "status = 2", "--current-where", "status != 2", "--format", "table");
        assertEquals(0, table.code(), table.err());
        assertTrue(table.out().lines().findFirst().orElseThrow().contains("p95 change"), table.out());
        Run noPredictions = run("trace", "stats", "--workspace", ws.toString(), "--table", "spans",
                "--current-prediction-where", "channel = 'web'");
        assertEquals(2, noPredictions.code());
        assertEquals("inquest: --current-prediction-where needs --predictions TABLE", noPredictions.err().strip());
        Run badSide = run("trace", "stats", "--workspace", ws.toString(), "--table", "spans", "--reference-where",
                "status = 'x'");
        assertEquals(2, badSide.code());
        assertTrue(badSide.err().contains("--reference-where"), badSide.err());
    }

    @Test
    void compareUsageErrors() {
        Run both = run("trace", "compare", "--workspace", ws.toString(), "--table", "spans", "--slowest", "10",
                "--slow-where", "status = 2");
        assertEquals(2, both.code());
        Run oneTrace = run("trace", "compare", "--workspace", ws.toString(), "--table", "spans");
        assertEquals(2, oneTrace.code(), "a single trace cannot be split in two cohorts");
        assertTrue(oneTrace.err().contains("cohort is empty"), oneTrace.err());
        Run share = run("trace", "compare", "--workspace", ws.toString(), "--table", "spans", "--slowest", "100");
        assertEquals(2, share.code());
    }

    @Test
    void usageErrorsAreExitTwoOnOneLine() {
        Run unknownTrace = run("trace", "show", "--workspace", ws.toString(), "--table", "spans", "abcdef");
        assertEquals(2, unknownTrace.code());
        assertEquals("inquest: no trace 'abcdef' in table 'spans'", unknownTrace.err().strip());
        Run badWhere = run("trace", "stats", "--workspace", ws.toString(), "--table", "spans", "--where",
                "nosuch = 1");
        assertEquals(2, badWhere.code());
        assertEquals(1, badWhere.err().strip().lines().count(), badWhere.err());
        Run unknownTable = run("trace", "stats", "--workspace", ws.toString(), "--table", "nope");
        assertEquals(2, unknownTable.code());
        Run badFormat = run("trace", "stats", "--workspace", ws.toString(), "--table", "spans", "--format", "xml");
        assertEquals(2, badFormat.code());
    }

    @Test
    void requestFromAPredictionToItsTraceAndBack() throws Exception {
        Run byId = run("trace", "request", "--workspace", ws.toString(), "--predictions", "preds", "--spans", "spans",
                "--id", "req-1");
        assertEquals(0, byId.code(), byId.err());
        JsonNode r = new ObjectMapper().readTree(byId.out());
        assertEquals("req-1", r.get("id").asText());
        assertEquals(0.91, r.get("score").asDouble(), 1e-12);
        assertEquals(1, r.get("label").asInt());
        assertEquals("web", r.get("features").get("channel").asText());
        assertEquals("[\"income\"]", r.get("null_features").toString(), "the row's data-quality flag");
        assertEquals("a1b2c3d4e5f60718", r.get("trace").get("trace_id").asText());
        assertEquals(3, r.get("trace").get("span_count").asInt());

        Run byTrace = run("trace", "request", "--workspace", ws.toString(), "--predictions", "preds", "--spans",
                "spans", "--trace", "a1b2c3d4e5f60718");
        assertEquals(0, byTrace.code(), byTrace.err());
        assertEquals("req-1", new ObjectMapper().readTree(byTrace.out()).get("id").asText());

        Run noTrace = run("trace", "request", "--workspace", ws.toString(), "--predictions", "preds", "--spans",
                "spans", "--id", "req-2");
        assertTrue(new ObjectMapper().readTree(noTrace.out()).get("trace").isNull(), "no spans for that trace");
        Run unknown = run("trace", "request", "--workspace", ws.toString(), "--predictions", "preds", "--spans",
                "spans", "--id", "req-9");
        assertEquals(2, unknown.code());
        assertEquals("inquest: no row with request_id = 'req-9' in table 'preds'", unknown.err().strip());
    }

    @Test
    void importKindTracesCountsBrokenTracesAndRefusesTruncatedFiles() throws Exception {
        Path fresh = dir.resolve("import.duckdb");
        Path broken = Path.of(TraceCommandTest.class.getResource("/traces/broken_structure.json").toURI());
        Run ok = run("import", "--workspace", fresh.toString(), "--table", "spans", "--kind", "traces", "--json",
                broken.toString());
        assertEquals(0, ok.code(), ok.err());
        JsonNode r = new ObjectMapper().readTree(ok.out());
        assertEquals("spans", r.get("table").asText());
        assertEquals(8, r.get("rows").asInt());
        assertEquals(0, r.get("quarantined").asInt());
        assertEquals("otlp_json", r.get("files").get(0).get("format").asText());
        assertEquals("{\"orphan_spans\":1,\"duplicate_span_ids\":1,\"spans_in_cycles\":2,"
                + "\"children_outside_parent\":1,\"clock_skew\":1}", r.get("warnings").toString());
        Run text = run("import", "--workspace", fresh.toString(), "--table", "spans", broken.toString());
        assertEquals(0, text.code(), text.err());
        assertTrue(text.out().contains("trace warnings (kept, see inquest trace show): 2 orphan spans"), text.out());

        Path truncated = Path.of(TraceCommandTest.class.getResource("/traces/otlp_truncated.json").toURI());
        Run bad = run("import", "--workspace", fresh.toString(), "--table", "spans", "--kind", "traces",
                truncated.toString());
        assertEquals(3, bad.code());
        assertEquals("inquest: " + truncated + ": line 1, column 107: truncated (the file ends inside a JSON object"
                + " that is never closed)", bad.err().strip());
        Run rows = run("query", "--workspace", fresh.toString(), "--format", "csv", "SELECT count(*) FROM spans");
        assertEquals("16", rows.out().strip(), "the refused file added nothing");
    }
}
