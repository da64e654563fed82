package org.inquest.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code inquest replay} on a small demo with traces: the timeline covers the slice and shows the slowdown. */
class ReplayCommandTest {
    @TempDir
    Path dir;

    @Test
    void replayOfTheDemoIncidentAsJson() throws Exception {
        Path demo = dir.resolve("demo");
        String ws = dir.resolve("w.duckdb").toString();
        DemoTracesCommandTest.run(0, "demo", "--out", demo.toString(), "--rows", "3000", "--traces");
        DemoTracesCommandTest.run(0, "import", "--workspace", ws, "--table", "predictions",
                demo.resolve("predictions.parquet").toString());
        DemoTracesCommandTest.run(0, "import", "--workspace", ws, "--table", "spans", "--kind", "traces",
                demo.resolve("traces.otlp.jsonl").toString());
        String where = "channel = 'mobile' AND timestamp >= TIMESTAMP '2026-09-20' AND timestamp < TIMESTAMP '2026-09-26'";
        JsonNode t = new ObjectMapper().readTree(DemoTracesCommandTest.run(0, "replay", "--workspace", ws,
                "--reference", "predictions", "--reference-where", "timestamp < TIMESTAMP '2026-09-18'",
                "--current", "predictions", "--current-where", where, "--feature", "income", "--bucket", "1h",
                "--at", "2026-09-22 12:30"));
        assertEquals("1h", t.get("bucket").asText());
        assertEquals(144, t.get("buckets").size(), "six days of hours, empty hours included");
        assertEquals("spans", t.get("spans_table").asText());
        long rows = 0;
        double slow = 0;
        double normal = 0;
        for (JsonNode b : t.get("buckets")) {
            rows += b.get("rows").asLong();
            if (!b.get("p95_latency_ms").isNull()) {
                boolean incident = b.get("start").asText().compareTo("2026-09-22") >= 0
                        && b.get("start").asText().compareTo("2026-09-24") < 0;
                if (incident) {
                    slow = Math.max(slow, b.get("p95_latency_ms").asDouble());
                } else {
                    normal = Math.max(normal, b.get("p95_latency_ms").asDouble());
                }
            }
        }
        assertEquals(t.get("rows").asLong(), rows);
        assertTrue(slow > 3 * normal, "mobile p95 during the slowdown " + slow + " vs at most " + normal + " outside");
        JsonNode at = t.get("at");
        assertEquals("2026-09-22 12:00:00", at.get("start").asText());
        assertTrue(at.get("requests").size() > 0);
        for (JsonNode r : at.get("requests")) {
            assertEquals(5, r.get("spans").asInt());
            assertEquals(r.get("latency_ms").asDouble(), r.get("duration_ms").asDouble(), 0.011);
        }
        assertEquals(2, CliRun.of("replay", "--workspace", ws, "--reference", "predictions", "--current",
                "predictions", "--bucket", "5x").code());
        assertEquals(2, CliRun.of("replay", "--workspace", ws, "--reference", "predictions", "--current",
                "predictions", "--feature", "nosuch").code());
    }
}
