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
import org.inquest.analysis.report.Report;
import org.inquest.analysis.report.ReportBuilder;
import org.inquest.analysis.report.ReportOptions;
import org.inquest.analysis.slice.Slice;
import org.inquest.connectors.catalog.ColumnRole;
import org.inquest.connectors.catalog.TableInfo;
import org.inquest.connectors.workspace.Workspace;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A numerical range as the cause, checkable by hand. Both slices have 20,000 rows, i = 0 … 19,999, with
 * {@code amount = i % 100} (each value 0 … 99 exactly 200 times) and {@code region} one of five values
 * ({@code i % 5}). The model is right on 90 % of rows, except in the current slice where {@code amount ≥ 90} it is
 * right on 50 %.
 *
 * <p>The reference deciles of {@code amount} (numpy's linear interpolation, h = 19,999·q, x_k = ⌊k/200⌋) are
 * 9.9, 19.8, …, 89.1, so the top range (89.1, +inf) holds exactly the amounts 90 … 99: 10 % of rows on both
 * sides. Its accuracy falls by about 0.4 while every other range keeps its accuracy, so it carries (nearly) the
 * whole drop (0.1 × −0.4 = −0.04 of −0.04) and must rank first, named {@code amount in (89.1, +inf)}.
 */
class NumericalSegmentTest {
    static final double[] DECILES = {9.9, 19.8, 29.7, 39.6, 49.5, 59.4, 69.3, 79.2, 89.1};

    @TempDir
    Path dir;
    Workspace workspace;
    Slice reference;
    Slice current;

    @BeforeEach
    void plant() throws SQLException {
        workspace = Workspace.open(dir.resolve("n.duckdb"));
        try (Statement s = workspace.connection().createStatement()) {
            for (String side : List.of("ref", "cur")) {
                boolean cur = side.equals("cur");
                s.execute("CREATE TABLE " + side + " AS SELECT i AS id, CAST(i % 100 AS INTEGER) AS amount,"
                        + " 'r' || (i % 5) AS region, CAST(hash(i * 7) % 2 AS INTEGER) AS label,"
                        + " CASE WHEN hash(i * 13) % 100 < (CASE WHEN " + cur + " AND i % 100 >= 90 THEN 50 ELSE 90"
                        + " END) THEN 0.2 + 0.6 * (hash(i * 7) % 2) ELSE 0.8 - 0.6 * (hash(i * 7) % 2) END AS score"
                        + " FROM range(20000) t(i)");
            }
        }
        Map<String, ColumnRole> roles = Map.of("id", ColumnRole.ID, "label", ColumnRole.LABEL,
                "score", ColumnRole.SCORE);
        TableInfo ref = Fixtures.withRoles(workspace, "ref", roles);
        TableInfo cur = Fixtures.withRoles(workspace, "cur", roles);
        reference = Slice.whole(ref);
        current = Slice.whole(cur);
    }

    @AfterEach
    void close() {
        workspace.close();
    }

    @Test
    void theTopRangeOfAmountExplainsTheAccuracyDrop() {
        SegmentMetric accuracy = new SegmentMetrics(workspace.connection())
                .quality(ModelColumns.of(reference.table()), TaskKind.BINARY, 0.5).orElseThrow();
        RootCause cause = new RootCauseAnalyzer(workspace.connection()).analyze(reference, current,
                List.of(accuracy), new RootCauseAnalyzer.SegmentColumns(List.of("region"), Map.of("region", 5L),
                        Map.of("amount", DECILES))).get(0);
        Contribution top = cause.top().get(0);
        assertEquals("amount in (89.1, +inf)", top.segment().name(), cause.top().toString());
        assertEquals(0.1, top.reference().share(), 1e-12);
        assertEquals(0.1, top.current().share(), 1e-12);
        assertEquals(2000, top.current().rows());
        assertTrue(top.shareOfChange() > 0.9, top.toString());
        // (89.1, +inf) is exactly the amounts 90 … 99
        Segment.Bin bin = top.segment().bins().get("amount");
        assertTrue(bin.contains(90) && bin.contains(99) && !bin.contains(89));
    }

    @Test
    void theReportCutsNumericalFeaturesAtTheDriftDeciles() {
        ReportOptions options = ReportOptions.defaults();
        Report report = new ReportBuilder(workspace.connection()).build(reference, current, options);
        RootCause accuracy = report.segments().stream().filter(c -> c.metric().id().equals("accuracy"))
                .findFirst().orElseThrow();
        assertEquals("amount in (89.1, +inf)", accuracy.top().get(0).segment().name(), accuracy.top().toString());
    }

    @Test
    void bothQueryPlansGiveTheSameRanking() {
        SegmentMetrics factory = new SegmentMetrics(workspace.connection());
        List<SegmentMetric> metrics = new ArrayList<>();
        metrics.add(factory.quality(ModelColumns.of(reference.table()), TaskKind.BINARY, 0.5).orElseThrow());
        metrics.add(factory.meanScore(ModelColumns.of(reference.table())).orElseThrow());
        RootCauseAnalyzer analyzer = new RootCauseAnalyzer(workspace.connection());
        // Known distinct counts: fine groups; unknown: one GROUPING SETS entry per segment set. A known distinct
        // count of amount (100 values) groups its rows by value, then the values by range; unknown: a range per row,
        // looked up by value (amount is an INTEGER) or, in the previous plan, a CASE over the edges. Whole-number
        // edges put the values equal to an edge in the range below it in every plan.
        for (double[] edges : List.of(DECILES, new double[] {10, 20, 30, 40, 50, 60, 70, 80, 90},
                new double[] {-3.5, 42, 42.5, 97})) {
            assertSamePlans(analyzer, metrics, edges);
        }
    }

    private void assertSamePlans(RootCauseAnalyzer analyzer, List<SegmentMetric> metrics, double[] edges) {
        List<RootCause> expected = PreviousPlans.with(org.inquest.analysis.sql.PreviousPlan.SEGMENTS, true,
                () -> analyzer.analyze(reference, current, metrics,
                        new RootCauseAnalyzer.SegmentColumns(List.of("region"), Map.of(), Map.of("amount", edges))));
        assertTrue(expected.get(0).top().stream().anyMatch(c -> c.segment().bins().containsKey("amount")));
        for (Map<String, Long> distinct : List.of(Map.<String, Long>of(), Map.of("region", 5L),
                Map.of("region", 5L, "amount", 100L), Map.of("amount", 100L))) {
            List<RootCause> other = analyzer.analyze(reference, current, metrics,
                    new RootCauseAnalyzer.SegmentColumns(List.of("region"), distinct, Map.of("amount", edges)));
            assertEquals(expected.size(), other.size());
            for (int m = 0; m < other.size(); m++) {
                List<Contribution> a = other.get(m).top();
                List<Contribution> b = expected.get(m).top();
                assertEquals(b.size(), a.size(), distinct.toString());
                for (int i = 0; i < a.size(); i++) {
                    assertEquals(b.get(i).segment(), a.get(i).segment(), distinct.toString());
                    assertEquals(b.get(i).contribution(), a.get(i).contribution(), 1e-12);
                    assertEquals(b.get(i).current().rows(), a.get(i).current().rows());
                    assertEquals(b.get(i).reference().rows(), a.get(i).reference().rows());
                    assertEquals(b.get(i).current().value(), a.get(i).current().value(), 1e-12);
                }
            }
        }
    }
}
