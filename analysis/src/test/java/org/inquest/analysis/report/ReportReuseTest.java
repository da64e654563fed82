package org.inquest.analysis.report;

import org.inquest.analysis.PreviousPlans;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.inquest.analysis.Fixtures;
import org.inquest.analysis.slice.Slice;
import org.inquest.analysis.sql.PreviousPlan;
import org.inquest.connectors.catalog.ColumnRole;
import org.inquest.connectors.workspace.Workspace;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole report, with the quality section reading drift's value counts (ADR 0131) and with it scanning every
 * column itself ({@code inquest.previousPlan.reuse}), is the same JSON but for its time stamp: quality, and the
 * root cause whose plan reads the quality section's distinct counts. The slices have integer, DOUBLE and text
 * features, nulls that appear in the current slice, a new category and values out of the reference's range.
 */
class ReportReuseTest {
    @TempDir
    Path dir;
    Workspace workspace;
    Slice reference;
    Slice current;

    @BeforeEach
    void plant() throws SQLException {
        workspace = Workspace.open(dir.resolve("r.duckdb"));
        try (Statement s = workspace.connection().createStatement()) {
            // One thread: DuckDB's parallel sums of doubles (the root cause's mean score) differ in the last bits
            // from run to run whatever the plan; this test compares plans, so each run must sum in one order.
            s.execute("SET threads = 1");
            for (String side : List.of("ref", "cur")) {
                boolean cur = side.equals("cur");
                s.execute("CREATE TABLE " + side + " AS SELECT i AS id, CAST(i % 100 + (CASE WHEN " + cur
                        + " AND i % 7 = 0 THEN 150 ELSE 0 END) AS INTEGER) AS amount,"
                        + " CASE WHEN " + cur + " AND i % 5 = 1 THEN NULL ELSE round((i % 37) * 1.5, 1) END AS income,"
                        + " CASE WHEN " + cur + " AND i % 11 = 0 THEN 'new' ELSE 'r' || (i % 5) END AS region,"
                        + " CAST(hash(i * 7) % 2 AS INTEGER) AS label,"
                        + " CASE WHEN hash(i * 13) % 100 < (CASE WHEN " + cur + " AND i % 5 = 1 THEN 50 ELSE 90"
                        + " END) THEN 0.2 + 0.6 * (hash(i * 7) % 2) ELSE 0.8 - 0.6 * (hash(i * 7) % 2) END AS score"
                        + " FROM range(5000) t(i)");
            }
        }
        Map<String, ColumnRole> roles = Map.of("id", ColumnRole.ID, "label", ColumnRole.LABEL,
                "score", ColumnRole.SCORE);
        reference = Slice.whole(Fixtures.withRoles(workspace, "ref", roles));
        current = Slice.whole(Fixtures.withRoles(workspace, "cur", roles));
    }

    @AfterEach
    void close() {
        workspace.close();
    }

    private ObjectNode report(boolean reuse) {
        ObjectNode json = PreviousPlans.with(PreviousPlan.REUSE, !reuse, () -> ReportJson.tree(
                new ReportBuilder(workspace.connection()).build(reference, current, ReportOptions.defaults())));
        json.remove("generated_at");
        return json;
    }

    private static com.fasterxml.jackson.databind.JsonNode column(ObjectNode report, String name) {
        for (com.fasterxml.jackson.databind.JsonNode c : report.get("quality").get("columns")) {
            if (c.get("name").asText().equals(name)) {
                return c;
            }
        }
        throw new AssertionError("no quality column " + name);
    }

    @Test
    void qualityAndRootCauseAreTheSameWithDriftsCounts() {
        ObjectNode scanned = report(false);
        ObjectNode reused = report(true);

        assertEquals(scanned.get("quality"), reused.get("quality"));
        assertEquals(scanned.get("segments"), reused.get("segments"));
        assertEquals(scanned, reused);
        // The fixture exercises what the counts replace.
        assertTrue(column(scanned, "amount").get("out_of_range").asLong() > 0);
        assertEquals("new", column(scanned, "region").get("new_categories").get(0).asText());
        assertTrue(column(scanned, "income").get("current").get("nulls").asLong() > 0);
        assertFalse(scanned.get("segments").isEmpty());
    }
}
