package org.inquest.analysis.latency;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.Map;
import org.inquest.analysis.Fixtures;
import org.inquest.analysis.slice.Slice;
import org.inquest.connectors.catalog.ColumnRole;
import org.inquest.connectors.catalog.TableInfo;
import org.inquest.connectors.workspace.Workspace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Latency quantiles (numpy's linear interpolation), mean, max and error rate against numpy. */
class LatencyReferenceTest {
    @TempDir
    Path dir;

    @Test
    void quantilesMeanMaxAndErrorRateMatchNumpy() {
        JsonNode e = Fixtures.expected().get("latency");
        try (Workspace workspace = Workspace.open(dir.resolve("w.duckdb"))) {
            TableInfo table = Fixtures.load(workspace, "binary", "binary.csv",
                    Map.of("latency_ms", ColumnRole.LATENCY_MS));
            Latency l = new LatencyAnalyzer(workspace.connection()).analyze(Slice.whole(table)).orElseThrow();
            assertEquals(e.get("rows").asLong(), l.rows());
            assertEquals(e.get("p50").asDouble(), l.p50(), 1e-9);
            assertEquals(e.get("p95").asDouble(), l.p95(), 1e-9);
            assertEquals(e.get("p99").asDouble(), l.p99(), 1e-9);
            assertEquals(e.get("mean").asDouble(), l.mean(), 1e-9);
            assertEquals(e.get("max").asDouble(), l.max(), 0.0);
            assertEquals(e.get("error_rate").asDouble(), l.errorRate(), 1e-12);
            assertEquals("error", l.errorColumn());
        }
    }

    @Test
    void aTableWithoutALatencyColumnHasNoLatencySection() {
        try (Workspace workspace = Workspace.open(dir.resolve("w.duckdb"))) {
            TableInfo table = Fixtures.load(workspace, "binary", "binary.csv", Map.of());
            assertTrue(new LatencyAnalyzer(workspace.connection()).analyze(Slice.whole(table)).isEmpty());
        }
    }
}
