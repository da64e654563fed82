package org.inquest.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Predictions imported WITHOUT a trace_id column, linked to the demo's traces by the span attribute
 * {@code request.id} (the demo's root spans carry the prediction's request_id): every answer must equal the one
 * the same predictions give when linked by trace id (table {@code predictions}, imported with its trace_id).
 */
class LinkCommandTest {
    @TempDir
    static Path dir;
    static String ws;
    static final ObjectMapper JSON = new ObjectMapper();

    @BeforeAll
    static void importDemo() throws Exception {
        Path demo = dir.resolve("demo");
        ws = dir.resolve("w.duckdb").toString();
        DemoTracesCommandTest.run(0, "demo", "--out", demo.toString(), "--rows", "3000", "--traces");
        Path untraced = dir.resolve("untraced.parquet");
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
                PreparedStatement ps = c.prepareStatement("COPY (SELECT * EXCLUDE (trace_id) FROM read_parquet(?))"
                        + " TO '" + untraced.toString().replace("'", "''") + "' (FORMAT parquet)")) {
            ps.setString(1, demo.resolve("predictions.parquet").toString());
            ps.execute();
        }
        DemoTracesCommandTest.run(0, "import", "--workspace", ws, "--table", "predictions",
                demo.resolve("predictions.parquet").toString());
        DemoTracesCommandTest.run(0, "import", "--workspace", ws, "--table", "untraced", untraced.toString());
        DemoTracesCommandTest.run(0, "import", "--workspace", ws, "--table", "spans", "--kind", "traces",
                demo.resolve("traces.otlp.jsonl").toString());
    }

    private static JsonNode json(String... args) throws Exception {
        return JSON.readTree(DemoTracesCommandTest.run(0, args));
    }

    private static JsonNode stats(String table, String... link) throws Exception {
        java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("trace", "stats", "--workspace",
                ws, "--table", "spans", "--predictions", table, "--prediction-where",
                "channel = 'mobile' AND timestamp >= TIMESTAMP '2026-09-22' AND timestamp < TIMESTAMP '2026-09-24'"));
        args.addAll(java.util.List.of(link));
        return json(args.toArray(String[]::new)).get("operations");
    }

    @Test
    void traceFiltersByAttributeEqualTheTraceIdLink() throws Exception {
        JsonNode byTraceId = stats("predictions");
        assertTrue(byTraceId.size() == 5 && byTraceId.get(0).get("count").asLong() > 0, byTraceId.toString());
        assertEquals(byTraceId, stats("untraced", "--link-attribute", "request.id"));
        assertEquals(byTraceId, stats("predictions", "--link-attribute", "request.id", "--link-column",
                "request_id"), "an attribute link on a table that also has a trace_id");
        // the cohort compare names the link it used
        JsonNode compare = json("trace", "compare", "--workspace", ws, "--table", "spans", "--predictions",
                "untraced", "--prediction-where", "channel = 'mobile'", "--link-attribute", "request.id");
        assertEquals("{\"by\":\"attribute\",\"column\":\"request_id\",\"attribute\":\"request.id\"}",
                compare.get("filter").get("link").toString());
    }

    @Test
    void withoutALinkTheUntracedTableIsOneClearUsageError() {
        CliRun run = CliRun.of("trace", "stats", "--workspace", ws, "--table", "spans", "--predictions", "untraced",
                "--prediction-where", "channel = 'mobile'");
        assertEquals(2, run.code());
        assertEquals(1, run.err().strip().lines().count(), run.err());
        assertTrue(run.err().contains("no column with the trace_id role") && run.err().contains("--link-attribute"),
                run.err());
        CliRun absent = CliRun.of("trace", "stats", "--workspace", ws, "--table", "spans", "--predictions",
                "untraced", "--link-attribute", "request.idx");
        assertEquals(2, absent.code());
        assertEquals("inquest: no span of table 'spans' has the attribute 'request.idx' to link table 'untraced' by",
                absent.err().strip());
        CliRun column = CliRun.of("trace", "request", "--workspace", ws, "--predictions", "untraced", "--spans",
                "spans", "--id", "x", "--link-attribute", "request.id", "--link-column", "nope\"; DROP TABLE spans");
        assertEquals(2, column.code());
        assertEquals(1, column.err().strip().lines().count(), column.err());
        CliRun saved = CliRun.of("link", "--workspace", ws, "--predictions", "untraced", "--spans", "spans",
                "--attribute", "nope");
        assertEquals(2, saved.code(), saved.err());
        assertEquals(2, CliRun.of("link", "--workspace", ws, "--predictions", "untraced", "--spans", "spans",
                "--trace-id-role").code(), "untraced has no trace_id role");
    }

    @Test
    void aSavedLinkServesRequestsStatsAndReplay() throws Exception {
        Path copy = dir.resolve("saved.duckdb");
        java.nio.file.Files.copy(Path.of(ws), copy, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        String saved = copy.toString();
        String out = DemoTracesCommandTest.run(0, "link", "--workspace", saved, "--predictions", "untraced",
                "--spans", "spans", "--attribute", "request.id");
        assertEquals("linked untraced to spans: request_id = span attributes['request.id']", out.strip());
        JsonNode tables = json("tables", "--workspace", saved, "--json").get("tables");
        for (JsonNode t : tables) {
            assertEquals(t.get("name").asText().equals("untraced") ? "[{\"spans\":\"spans\",\"by\":\"attribute\","
                    + "\"column\":\"request_id\",\"attribute\":\"request.id\"}]" : "[]", t.get("links").toString());
        }
        assertTrue(DemoTracesCommandTest.run(0, "tables", "--workspace", saved)
                .contains("link:     request_id -> spans by attribute 'request.id'"));

        // the request view both ways, against the trace_id the original predictions carry
        String[] original = DemoTracesCommandTest.run(0, "query", "--workspace", saved, "--format", "csv",
                "SELECT request_id, trace_id FROM predictions ORDER BY latency_ms DESC LIMIT 1").lines().skip(1)
                .findFirst().orElseThrow().split(",");
        String rid = original[0];
        String tid = original[1];
        JsonNode request = json("trace", "request", "--workspace", saved, "--predictions", "untraced", "--spans",
                "spans", "--id", rid);
        assertEquals(tid, request.get("trace_id").asText());
        assertEquals(5, request.get("trace").get("span_count").asInt());
        assertEquals(rid, json("trace", "request", "--workspace", saved, "--predictions", "untraced", "--spans",
                "spans", "--trace", tid).get("id").asText());

        // replay: the same timeline (error flags from the spans) through either link
        String[] replay = {"replay", "--workspace", saved, "--reference", "%s", "--reference-where",
            "timestamp < TIMESTAMP '2026-09-18'", "--current", "%s", "--current-where",
            "timestamp >= TIMESTAMP '2026-09-20' AND timestamp < TIMESTAMP '2026-09-26'", "--feature", "income",
            "--bucket", "1h", "--at", "2026-09-22 12:30"};
        JsonNode byTraceId = json(fill(replay, "predictions"));
        JsonNode byAttribute = json(fill(replay, "untraced"));
        assertEquals(byTraceId.get("buckets"), byAttribute.get("buckets"));
        assertTrue(byAttribute.get("error_source").asText().contains("linked by request_id = span"
                + " attributes['request.id']"), byAttribute.get("error_source").asText());
        JsonNode want = byTraceId.get("at").get("requests");
        JsonNode got = byAttribute.get("at").get("requests");
        assertTrue(want.size() > 0);
        assertEquals(want, got, "each request of the bucket with the same trace");
    }

    private static String[] fill(String[] args, String table) {
        return java.util.Arrays.stream(args).map(a -> a.equals("%s") ? table : a).toArray(String[]::new);
    }
}
