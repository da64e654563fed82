package org.inquest.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code inquest demo --traces}, imported: the traces agree with the predictions and show the injected slowdown. */
class DemoTracesCommandTest {
    @TempDir
    Path dir;

    static String run(int expectedCode, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = InquestCommand.run(new PrintWriter(out), new PrintWriter(err), args);
        assertEquals(expectedCode, code, err.toString());
        return out.toString();
    }

    @Test
    void demoTracesMatchTheirPredictionsAndLocateTheSlowStage() throws Exception {
        Path demo = dir.resolve("demo");
        String ws = dir.resolve("w.duckdb").toString();
        run(0, "demo", "--out", demo.toString(), "--rows", "3000", "--traces");
        run(0, "import", "--workspace", ws, "--table", "predictions", demo.resolve("predictions.parquet").toString());
        run(0, "import", "--workspace", ws, "--table", "spans", "--kind", "traces",
                demo.resolve("traces.otlp.jsonl").toString());
        // every prediction has exactly one root span starting at its timestamp and lasting its latency_ms
        String check = run(0, "query", "--workspace", ws, "--format", "csv", "SELECT count(*),"
                + " count(*) FILTER (WHERE s.start = p.timestamp AND abs(s.duration_ms - p.latency_ms) < 1e-6),"
                + " (SELECT count(*) FROM spans) FROM predictions p JOIN spans s"
                + " ON s.trace_id = p.trace_id AND s.parent_span_id IS NULL");
        assertEquals("3000,3000,15000", check.lines().skip(1).findFirst().orElseThrow());

        String incident = "channel = 'mobile' AND timestamp >= TIMESTAMP '2026-09-22'"
                + " AND timestamp < TIMESTAMP '2026-09-24'";
        String before = "channel = 'mobile' AND timestamp < TIMESTAMP '2026-09-22'";
        errorsMatchTheRawFile(demo, ws, incident);
        double slow = lookupP50(ws, incident);
        double normal = lookupP50(ws, before);
        assertTrue(slow / normal > 8, "the feature-store lookup is the slow stage: " + slow + " vs " + normal);
        // cohort compare: the slowest 5 % of requests against the rest, over all requests and over mobile ones
        for (String[] base : new String[][] {{}, {"--predictions", "predictions", "--prediction-where",
            "channel = 'mobile'"}, {"--trace-where", "attributes['channel'] = 'mobile'"}}) {
            java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("trace", "compare",
                    "--workspace", ws, "--table", "spans"));
            args.addAll(java.util.List.of(base));
            JsonNode compare = new ObjectMapper().readTree(run(0, args.toArray(String[]::new)));
            JsonNode top = compare.get("stages").get(0);
            assertEquals("feature_store.lookup", top.get("name").asText(), compare.toPrettyString());
            assertEquals("feature-store", top.get("service").asText());
            assertTrue(top.get("contribution_share").asDouble() > 0.8, top.toString());
            assertTrue(top.get("contribution_ms").asDouble()
                    > 5 * compare.get("stages").get(1).get("contribution_ms").asDouble(), compare.toString());
            assertEquals(0.05, compare.get("split").get("slowest_share").asDouble(), 1e-12);
            assertEquals(base.length == 0 ? "{}" : base[0].equals("--predictions")
                    ? "{\"predictions\":\"predictions\",\"prediction_where\":\"channel = 'mobile'\","
                            + "\"link\":{\"by\":\"trace_id\",\"column\":\"trace_id\"}}"
                    : "{\"trace_where\":\"attributes['channel'] = 'mobile'\"}", compare.get("filter").toString());
        }
        // reference (mobile before the incident) against current (mobile during it), side by side
        JsonNode sideBySide = new ObjectMapper().readTree(run(0, "trace", "stats", "--workspace", ws, "--table",
                "spans", "--predictions", "predictions", "--reference-prediction-where", before,
                "--current-prediction-where", incident));
        assertEquals("channel = 'mobile' AND timestamp < TIMESTAMP '2026-09-22 00:00:00'",
                sideBySide.get("reference").get("prediction_where").asText(), "canonical filter text");
        JsonNode grown = null;
        for (JsonNode op : sideBySide.get("operations")) {
            if (op.get("name").asText().equals("feature_store.lookup")) {
                grown = op;
            }
            assertEquals(op.get("current").get("p95_ms").asDouble() - op.get("reference").get("p95_ms").asDouble(),
                    op.get("change").get("p95_ms").asDouble(), 1e-9);
        }
        assertTrue(grown.get("change").get("self_p50_ms").asDouble() > 100, grown.toString());
        assertEquals(lookupP50(ws, incident), grown.get("current").get("p50_ms").asDouble(), 1e-9);
        // only the wrong predictions' requests: one root span per wrong (labelled) prediction
        String wrong = run(0, "query", "--workspace", ws, "--format", "csv",
                "SELECT count(*) FROM predictions WHERE prediction != label").strip();
        JsonNode roots = new ObjectMapper().readTree(run(0, "trace", "stats", "--workspace", ws, "--table", "spans",
                "--where", "parent_span_id IS NULL", "--predictions", "predictions", "--prediction-where",
                "prediction != label")).get("operations");
        assertEquals(1, roots.size());
        assertEquals(Long.parseLong(wrong), roots.get(0).get("count").asLong());
        assertTrue(Long.parseLong(wrong) > 0);
        String trace = run(0, "query", "--workspace", ws, "--format", "csv",
                "SELECT trace_id FROM predictions ORDER BY latency_ms DESC LIMIT 1").strip();
        JsonNode view = new ObjectMapper().readTree(run(0, "trace", "show", "--workspace", ws, "--table", "spans",
                trace));
        assertEquals(5, view.get("span_count").asInt());
        assertEquals(0, view.get("warnings").size());
        for (JsonNode span : view.get("spans")) {
            assertTrue(span.get("critical").asBoolean(), "stages run one after another: all critical");
        }
    }

    /**
     * The demo's failed lookups: {@code trace stats} counts, per operation, exactly the spans whose OTLP status code
     * is 2 in the raw file (read here with DuckDB's JSON functions, not the importer); only the lookup and the root
     * fail, always together, each failed lookup with one exception event; and the error rate of mobile requests
     * during the slowdown is many times the rate elsewhere. Same seed, same bytes.
     */
    private void errorsMatchTheRawFile(Path demo, String ws, String incident) throws Exception {
        java.util.Map<String, Long> raw = new java.util.TreeMap<>();
        long lookupsWithException;
        try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:duckdb:");
                java.sql.PreparedStatement ps = c.prepareStatement("WITH s AS (SELECT unnest(json_extract(json,"
                        + " '$.resourceSpans[*].scopeSpans[*].spans[*]')) AS s FROM read_json_objects(?,"
                        + " format = 'newline_delimited')) SELECT json_extract_string(s, '$.name'), count(*) FILTER"
                        + " (WHERE json_extract_string(s, '$.status.code') = '2'), count(*) FILTER (WHERE"
                        + " json_extract_string(s, '$.status.code') = '2' AND json_array_length(s, '$.events') = 1"
                        + " AND json_extract_string(s, '$.events[0].name') = 'exception') FROM s GROUP BY 1")) {
            ps.setString(1, demo.resolve("traces.otlp.jsonl").toString());
            long withException = 0;
            try (java.sql.ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    raw.put(rs.getString(1), rs.getLong(2));
                    withException += rs.getString(1).equals("feature_store.lookup") ? rs.getLong(3) : 0;
                }
            }
            lookupsWithException = withException;
        }
        JsonNode ops = new ObjectMapper().readTree(run(0, "trace", "stats", "--workspace", ws, "--table", "spans"))
                .get("operations");
        java.util.Map<String, Long> stats = new java.util.TreeMap<>();
        for (JsonNode op : ops) {
            stats.put(op.get("name").asText(), op.get("errors").asLong());
        }
        assertEquals(raw, stats);
        long failed = raw.get("feature_store.lookup");
        assertTrue(failed > 0, raw.toString());
        assertEquals(failed, raw.get("POST /v1/score"), "the root fails with its lookup");
        assertEquals(failed, lookupsWithException);
        assertEquals(0L, raw.get("model.inference") + raw.get("preprocess") + raw.get("postprocess"));
        // error traces by period: the root's error, through the linked predictions
        double during = errorRate(ws, incident);
        double elsewhere = errorRate(ws, "NOT (" + incident + ")");
        assertTrue(during > 5 * elsewhere && elsewhere > 0, during + " vs " + elsewhere);

        Path again = dir.resolve("again");
        run(0, "demo", "--out", again.toString(), "--rows", "3000", "--traces");
        assertEquals(-1L, java.nio.file.Files.mismatch(demo.resolve("traces.otlp.jsonl"),
                again.resolve("traces.otlp.jsonl")), "same seed, byte-identical traces");
    }

    private static double errorRate(String ws, String predictionWhere) throws Exception {
        JsonNode ops = new ObjectMapper().readTree(run(0, "trace", "stats", "--workspace", ws, "--table", "spans",
                "--where", "parent_span_id IS NULL", "--predictions", "predictions", "--prediction-where",
                predictionWhere)).get("operations");
        return ops.get(0).get("errors").asDouble() / ops.get(0).get("count").asDouble();
    }

    private static double lookupP50(String ws, String predictionWhere) throws Exception {
        JsonNode ops = new ObjectMapper().readTree(run(0, "trace", "stats", "--workspace", ws, "--table", "spans",
                "--where", "name = 'feature_store.lookup'", "--predictions", "predictions", "--prediction-where",
                predictionWhere)).get("operations");
        assertEquals(1, ops.size());
        return ops.get(0).get("p50_ms").asDouble();
    }
}
