package org.inquest.analysis.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.inquest.analysis.Fixtures;
import org.inquest.analysis.calibration.BinStrategy;
import org.inquest.analysis.slice.SliceResolver;
import org.inquest.connectors.catalog.ColumnRole;
import org.inquest.connectors.catalog.TableInfo;
import org.inquest.connectors.workspace.Workspace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The latency section's error rate from an HTTP status column, end to end through the report's JSON: a status of 500
 * or more is an error, a null status is not counted either way. Expected values are counted by hand below.
 */
class ReportErrorRateTest {
    @TempDir
    Path dir;

    // id, status: reference ids 0-5, current ids 6-13; versions alternate (even v1, odd v2), channel by id % 3
    private static final Integer[] STATUS = {200, 500, 200, 200, 503, null, 200, 502, 200, 200, 200, 200, 404, 500};

    /** The rate at {@code pointer}, which must be a number (a missing node would read as 0). */
    private static double rate(JsonNode node, String pointer) {
        JsonNode value = node.at(pointer);
        assertTrue(value.isNumber(), pointer + " is " + value);
        return value.asDouble();
    }

    @Test
    void errorRateOfAStatusColumnPerSliceVersionAndSegment() {
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < STATUS.length; i++) {
            rows.add(new Object[] {i, i % 2 == 0 ? "v1" : "v2", i % 3 == 0 ? "web" : "app", 10.0 + i, STATUS[i],
                    i % 2, i % 2 == 0 ? 0.3 : 0.7});
        }
        try (Workspace workspace = Workspace.open(dir.resolve("w.duckdb"))) {
            TableInfo table = Fixtures.create(workspace, "id INTEGER, model_version VARCHAR, channel VARCHAR,"
                    + " latency_ms DOUBLE, status INTEGER, label INTEGER, score DOUBLE", rows, Map.of("id",
                    ColumnRole.ID, "model_version", ColumnRole.MODEL_VERSION, "latency_ms", ColumnRole.LATENCY_MS,
                    "label", ColumnRole.LABEL, "score", ColumnRole.SCORE));
            Report report = new ReportBuilder(workspace.connection()).build(
                    SliceResolver.on(table, "id < 6", "--reference-where"),
                    SliceResolver.on(table, "id >= 6", "--current-where"),
                    new ReportOptions(List.of(), 0.5, BinStrategy.UNIFORM, Set.of(), null, List.of("channel"), null,
                            null));
            JsonNode latency = ReportJson.tree(report).get("latency");
            assertEquals("status", latency.at("/current/error_column").asText());
            // reference: 500 and 503 among 5 known statuses (id 5 is null)
            assertEquals(2.0 / 5, rate(latency, "/reference/error_rate"), 1e-15);
            // current: 502 and 500 among 8 (404 is a client error, not a failure of the service)
            assertEquals(2.0 / 8, rate(latency, "/current/error_rate"), 1e-15);
            // current v1 = ids 6, 8, 10, 12: 200, 200, 200, 404; v2 = 7, 9, 11, 13: 502, 200, 200, 500
            assertEquals(0.0, rate(latency, "/by_model_version/current/v1/error_rate"), 1e-15);
            assertEquals(2.0 / 4, rate(latency, "/by_model_version/current/v2/error_rate"), 1e-15);
            // reference v2 = ids 1, 3, 5: 500, 200, null
            assertEquals(1.0 / 2, rate(latency, "/by_model_version/reference/v2/error_rate"), 1e-15);
            // current web = ids 6, 9, 12: 200, 200, 404; app = 7, 8, 10, 11, 13: 502, 200, 200, 200, 500
            JsonNode channel = latency.at("/by_segment/0");
            assertEquals("channel", channel.get("column").asText());
            assertEquals(0.0, rate(channel, "/current/web/error_rate"), 1e-15);
            assertEquals(2.0 / 5, rate(channel, "/current/app/error_rate"), 1e-15);
            // reference web = ids 0, 3: 200, 200; app = 1, 2, 4, 5: 500, 200, 503, null
            assertEquals(0.0, rate(channel, "/reference/web/error_rate"), 1e-15);
            assertEquals(2.0 / 3, rate(channel, "/reference/app/error_rate"), 1e-15);
            String markdown = ReportMarkdown.render(report);
            String section = markdown.substring(markdown.indexOf("## Latency"));
            assertTrue(section.contains("| reference | 6 |") && section.contains("| 40.0% |")
                    && section.contains("| 25.0% |"), section);
        }
    }
}
