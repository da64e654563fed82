package org.inquest.analysis.segments;

import org.inquest.analysis.PreviousPlans;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.inquest.analysis.Fixtures;
import org.inquest.analysis.performance.ModelColumns;
import org.inquest.analysis.performance.TaskKind;
import org.inquest.analysis.slice.Slice;
import org.inquest.connectors.catalog.ColumnRole;
import org.inquest.connectors.catalog.TableInfo;
import org.inquest.connectors.workspace.Workspace;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A planted incident: in the current slice region=EU loses income (null) and its accuracy falls to a coin flip,
 * and channel=mobile gets 200 ms slower. Each cause must rank first for its metric.
 */
class RootCauseSyntheticTest {
    @TempDir
    Path dir;
    Workspace workspace;
    Slice reference;
    Slice current;
    ModelColumns columns;

    @BeforeEach
    void plant() throws SQLException {
        workspace = Workspace.open(dir.resolve("w.duckdb"));
        try (Statement s = workspace.connection().createStatement()) {
            for (String side : List.of("ref", "cur")) {
                boolean cur = side.equals("cur");
                s.execute("CREATE TABLE " + side + " AS SELECT i AS id,"
                        + " CASE i % 5 WHEN 0 THEN 'EU' WHEN 3 THEN 'APAC' ELSE 'US' END AS region,"
                        + " CASE WHEN (i // 5) % 3 = 0 THEN 'mobile' ELSE 'web' END AS channel,"
                        + " CASE WHEN " + cur + " AND i % 5 = 0 THEN NULL ELSE (hash(i) % 1000) / 10.0 END AS income,"
                        + " CAST(hash(i * 7) % 2 AS INTEGER) AS label,"
                        + " CASE WHEN hash(i * 13) % 100 < (CASE WHEN " + cur + " AND i % 5 = 0 THEN 50 ELSE 90 END)"
                        + " THEN 0.2 + 0.6 * (hash(i * 7) % 2) ELSE 0.8 - 0.6 * (hash(i * 7) % 2) END AS score,"
                        + " 40 + (hash(i * 17) % 40000) / 1000.0 + CASE WHEN " + cur + " AND (i // 5) % 3 = 0 THEN 200 ELSE 0 END"
                        + " AS latency_ms FROM range(20000) t(i)");
            }
        }
        Map<String, ColumnRole> roles = Map.of("id", ColumnRole.ID, "label", ColumnRole.LABEL,
                "score", ColumnRole.SCORE, "latency_ms", ColumnRole.LATENCY_MS);
        TableInfo ref = Fixtures.withRoles(workspace, "ref", roles);
        TableInfo cur = Fixtures.withRoles(workspace, "cur", roles);
        reference = Slice.whole(ref);
        current = Slice.whole(cur);
        columns = ModelColumns.of(ref);
    }

    @AfterEach
    void close() {
        workspace.close();
    }

    @Test
    void eachPlantedCauseRanksFirstForItsMetric() {
        SegmentMetrics metrics = new SegmentMetrics(workspace.connection());
        List<SegmentMetric> asked = new ArrayList<>();
        asked.add(metrics.quality(columns, TaskKind.BINARY, 0.5).orElseThrow());
        asked.add(metrics.nullShare(reference.table(), "income"));
        asked.add(metrics.latencyP95(reference).orElseThrow());
        List<String> candidates = new SegmentCandidates(workspace.connection()).find(reference, current);
        assertEquals(List.of("region", "channel"), candidates);
        List<RootCause> causes = new RootCauseAnalyzer(workspace.connection())
                .analyze(reference, current, asked, candidates);

        RootCause accuracy = causes.get(0);
        assertEquals("region=EU", accuracy.top().get(0).segment().name());
        // EU is 20% of rows and its accuracy falls 0.9 -> 0.5: it carries (nearly) the whole drop.
        assertEquals(0.2, accuracy.top().get(0).current().share(), 1e-9);
        assertTrue(accuracy.top().get(0).shareOfChange() > 0.9, accuracy.top().get(0).toString());

        RootCause nulls = causes.get(1);
        Contribution eu = nulls.top().get(0);
        assertEquals("region=EU", eu.segment().name());
        assertEquals(0.0, eu.reference().value(), 0.0);
        assertEquals(1.0, eu.current().value(), 0.0);
        assertEquals(1.0, eu.shareOfChange(), 1e-12);

        RootCause latency = causes.get(2);
        Contribution mobile = latency.top().get(0);
        assertEquals("channel=mobile", mobile.segment().name());
        assertTrue(mobile.current().display() > 200, "the segment's own p95 is shown: " + mobile);
    }

    /**
     * Each ranked segment's latency p95, and the whole slices', equal DuckDB's {@code quantile_cont} over the
     * segment's rows, whether the running counts are taken in the JVM or (previous plan) by windows in DuckDB.
     */
    @Test
    void displayedP95IsTheQuantileOfTheSegmentsRowsInBothPlans() throws SQLException {
        for (boolean old : new boolean[] {false, true}) {
            RootCause latency = PreviousPlans.with(org.inquest.analysis.sql.PreviousPlan.SEGMENTS, old, () -> {
                SegmentMetric metric = new SegmentMetrics(workspace.connection()).latencyP95(reference).orElseThrow();
                return new RootCauseAnalyzer(workspace.connection()).analyze(reference, current, List.of(metric),
                        List.of("region", "channel")).get(0);
            });
            assertEquals(p95("ref", Map.of()), latency.reference().display(), 1e-9);
            assertEquals(p95("cur", Map.of()), latency.current().display(), 1e-9);
            assertTrue(latency.top().size() >= 2, latency.toString());
            for (Contribution c : latency.top()) {
                assertEquals(p95("ref", c.segment().conditions()), c.reference().display(), 1e-9, c + " " + old);
                assertEquals(p95("cur", c.segment().conditions()), c.current().display(), 1e-9, c + " " + old);
            }
        }
    }

    private double p95(String table, Map<String, String> conditions) throws SQLException {
        StringBuilder sql = new StringBuilder("SELECT quantile_cont(CAST(latency_ms AS DOUBLE), 0.95) FROM " + table
                + " WHERE TRUE");
        List<String> values = new ArrayList<>();
        conditions.forEach((column, value) -> {
            sql.append(" AND ").append(column).append(" = ?");
            values.add(value);
        });
        try (java.sql.PreparedStatement ps = workspace.connection().prepareStatement(sql.toString())) {
            for (int i = 0; i < values.size(); i++) {
                ps.setString(i + 1, values.get(i));
            }
            try (java.sql.ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getDouble(1);
            }
        }
    }
}
