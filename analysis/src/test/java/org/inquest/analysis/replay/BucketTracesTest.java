package org.inquest.analysis.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import org.inquest.analysis.slice.SliceResolver;
import org.inquest.connectors.workspace.Workspace;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The requests of the busiest minute with their traces, against the fixture script's own span arithmetic. */
class BucketTracesTest {
    @TempDir
    static Path dir;
    static Workspace workspace;
    static JsonNode expected;

    @BeforeAll
    static void load() throws Exception {
        workspace = ReplayFixture.open(dir);
        expected = ReplayFixture.expected().get("bucket_requests");
    }

    @AfterAll
    static void close() {
        workspace.close();
    }

    @Test
    void busiestMinuteListsEveryRequestWithItsTrace() {
        List<BucketTraces.Request> got = new BucketTraces(workspace.connection()).list(
                new SliceResolver(workspace.connection()).resolve("preds", null), "spans",
                expected.get("start_micros").asLong(), expected.get("end_micros").asLong(), 500);
        JsonNode want = expected.get("requests");
        assertEquals(want.size(), got.size());
        boolean untraced = false;
        for (int i = 0; i < want.size(); i++) {
            JsonNode w = want.get(i);
            BucketTraces.Request g = got.get(i);
            assertEquals(w.get("id").asText(), g.id());
            assertEquals(w.get("trace_id").asText(), g.traceId());
            if (w.get("duration_ms").isNull()) {
                untraced = true;
                assertNull(g.durationMs());
                assertTrue(!g.traced());
            } else {
                assertEquals(w.get("duration_ms").asDouble(), g.durationMs(), 1e-9, g.traceId());
                assertEquals(w.get("spans").asLong(), g.spans());
                assertEquals(w.get("errors").asLong(), g.errors());
                assertEquals(w.get("root_name").asText(), g.rootName());
            }
            if (!w.get("latency_ms").isNull()) {
                assertEquals(w.get("latency_ms").asDouble(), g.latencyMs(), 1e-12);
            }
        }
        assertTrue(got.size() > 5, "the busiest minute has several requests");
        assertEquals(untraced, got.stream().anyMatch(r -> !r.traced()));
    }

    @Test
    void limitKeepsTheEarliest() {
        List<BucketTraces.Request> got = new BucketTraces(workspace.connection()).list(
                new SliceResolver(workspace.connection()).resolve("preds", null), "spans",
                expected.get("start_micros").asLong(), expected.get("end_micros").asLong(), 3);
        assertEquals(3, got.size());
        assertEquals(expected.get("requests").get(2).get("id").asText(), got.get(2).id());
    }
}
