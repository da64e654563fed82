package org.inquest.analysis.traces;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.List;
import org.inquest.analysis.slice.SliceResolver;
import org.inquest.analysis.slice.SqlFragment;
import org.inquest.connectors.error.UsageException;
import org.inquest.connectors.ingest.CancelHandle;
import org.inquest.connectors.ingest.ImportKind;
import org.inquest.connectors.ingest.ImportListener;
import org.inquest.connectors.ingest.ImportRequest;
import org.inquest.connectors.ingest.Importer;
import org.inquest.connectors.workspace.Workspace;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code trace stats} against numpy: {@code src/test/python/make_trace_stats.py} wrote 400 random traces (children
 * overlapping, sticking out of their parent, nested) and the expected statistics, self time computed there by
 * plain interval merging and quantiles by {@code numpy.percentile} (linear).
 */
class TraceStatsTest {
    @TempDir
    static Path dir;
    static Workspace workspace;
    static JsonNode expected;

    @BeforeAll
    static void importFixture() throws Exception {
        workspace = Workspace.open(dir.resolve("w.duckdb"));
        Path spans = Path.of(TraceStatsTest.class.getResource("/traces/stats_spans.jsonl").toURI());
        new Importer(workspace).run(new ImportRequest("spans", ImportKind.TRACES, List.of(), List.of(spans)),
                ImportListener.NONE, new CancelHandle());
        expected = new ObjectMapper().readTree(TraceStatsTest.class.getResource("/traces/stats_expected.json"));
    }

    private static void assertMatches(JsonNode want, TraceStats.Result got) {
        assertEquals(want.get("operations").size(), got.operations().size());
        for (int i = 0; i < got.operations().size(); i++) {
            JsonNode w = want.get("operations").get(i);
            OperationStats g = got.operations().get(i);
            String what = w.get("service").asText() + "/" + w.get("name").asText();
            assertEquals(w.get("service").asText(), g.service());
            assertEquals(w.get("name").asText(), g.name());
            assertEquals(w.get("count").asLong(), g.count(), what);
            assertEquals(w.get("errors").asLong(), g.errors(), what);
            assertEquals(w.get("p50_ms").asDouble(), g.p50(), 1e-9, what);
            assertEquals(w.get("p95_ms").asDouble(), g.p95(), 1e-9, what);
            assertEquals(w.get("p99_ms").asDouble(), g.p99(), 1e-9, what);
            assertEquals(w.get("self_p50_ms").asDouble(), g.selfP50(), 1e-9, what);
            assertEquals(w.get("self_p95_ms").asDouble(), g.selfP95(), 1e-9, what);
            assertEquals(w.get("self_p99_ms").asDouble(), g.selfP99(), 1e-9, what);
            assertEquals(w.get("mean_ms").asDouble(), g.mean(), 1e-9, what);
        }
    }

    @Test
    void allSpansMatchNumpy() {
        assertMatches(expected.get("all"), new TraceStats(workspace.connection()).compute("spans", SqlFragment.TRUE));
    }

    @Test
    void aFilterPicksTheSpansMeasuredButNotTheChildrenSubtracted() {
        SqlFragment errorsOnly = new SliceResolver(workspace.connection()).resolve("spans", "status = 2").condition();
        assertMatches(expected.get("status_2"), new TraceStats(workspace.connection()).compute("spans", errorsOnly));
    }

    private static void assertSide(JsonNode want, OperationStats got, String what) {
        if (want.isNull()) {
            assertNull(got, what);
            return;
        }
        assertEquals(want.get("count").asLong(), got.count(), what);
        assertEquals(want.get("errors").asLong(), got.errors(), what);
        for (String[] f : new String[][] {{"p50_ms", "" + got.p50()}, {"p95_ms", "" + got.p95()},
            {"p99_ms", "" + got.p99()}, {"self_p50_ms", "" + got.selfP50()}, {"self_p95_ms", "" + got.selfP95()},
            {"self_p99_ms", "" + got.selfP99()}, {"mean_ms", "" + got.mean()}}) {
            assertEquals(want.get(f[0]).asDouble(), Double.parseDouble(f[1]), 1e-9, what + " " + f[0]);
        }
    }

    @Test
    void referenceAndCurrentSideBySideWithTheChangeMatchNumpy() {
        TraceFilter.Resolved ref = TraceFilter.spans("start < TIMESTAMP '2023-11-14 22:16:40'")
                .resolve(workspace.connection(), "spans", "reference");
        TraceFilter.Resolved cur = TraceFilter.spans("start >= TIMESTAMP '2023-11-14 22:16:40' AND status != 1")
                .resolve(workspace.connection(), "spans", "current");
        TraceStats.Comparison got = new TraceStats(workspace.connection()).compare("spans", ref.condition(),
                cur.condition());
        JsonNode want = expected.get("compare").get("operations");
        assertEquals(want.size(), got.operations().size());
        for (int i = 0; i < want.size(); i++) {
            JsonNode w = want.get(i);
            TraceStats.OperationChange g = got.operations().get(i);
            String what = w.get("service").asText() + "/" + w.get("name").asText();
            assertEquals(w.get("service").asText(), g.service());
            assertEquals(w.get("name").asText(), g.name());
            assertSide(w.get("reference"), g.reference(), what + " reference");
            assertSide(w.get("current"), g.current(), what + " current");
            JsonNode c = w.get("change");
            assertEquals(c.get("count").asLong(), g.change().count(), what);
            assertEquals(c.get("errors").asLong(), g.change().errors(), what);
            assertEquals(c.get("error_rate").asDouble(), g.change().errorRate(), 1e-12, what);
            assertEquals(c.get("p50_ms").asDouble(), g.change().p50(), 1e-9, what);
            assertEquals(c.get("p95_ms").asDouble(), g.change().p95(), 1e-9, what);
            assertEquals(c.get("p99_ms").asDouble(), g.change().p99(), 1e-9, what);
            assertEquals(c.get("self_p50_ms").asDouble(), g.change().selfP50(), 1e-9, what);
            assertEquals(c.get("self_p95_ms").asDouble(), g.change().selfP95(), 1e-9, what);
            assertEquals(c.get("self_p99_ms").asDouble(), g.change().selfP99(), 1e-9, what);
            assertEquals(c.get("mean_ms").asDouble(), g.change().mean(), 1e-9, what);
            assertEquals(c.get("p95_ratio").asDouble(), g.change().p95Ratio(), 1e-12, what);
        }
        assertEquals("start >= TIMESTAMP '2023-11-14 22:16:40' AND status != 1", cur.filter().where());
    }

    @Test
    void sqlSelfTimeAgreesWithTheTreeOnEveryTrace() throws Exception {
        // One metric, one place: the SQL sweep of trace stats and SelfTime of trace show are the same definition.
        TraceShow show = new TraceShow(workspace.connection());
        try (var s = workspace.connection().createStatement();
             var rs = s.executeQuery("SELECT DISTINCT trace_id FROM spans ORDER BY trace_id LIMIT 60")) {
            while (rs.next()) {
                String trace = rs.getString(1);
                TraceView view = show.show("spans", trace);
                for (TraceView.SpanView span : view.spans()) {
                    SqlFragment one = SqlFragment.of("trace_id = ? AND span_id = ?", trace, span.spanId());
                    OperationStats stats = new TraceStats(workspace.connection()).compute("spans", one)
                            .operations().get(0);
                    assertEquals(span.selfMs(), stats.selfP50(), 1e-9, trace + "/" + span.spanId());
                }
            }
        }
    }

    @Test
    void aTableThatIsNotSpansIsAUsageError() throws Exception {
        try (var s = workspace.connection().createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS notspans (x INTEGER)");
        }
        UsageException e = assertThrows(UsageException.class,
                () -> new TraceStats(workspace.connection()).compute("notspans", SqlFragment.TRUE));
        assertEquals(2, e.exitCode());
        assertThrows(UsageException.class, () -> new TraceShow(workspace.connection()).show("spans", "ffff"));
    }
}
