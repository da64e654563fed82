package org.inquest.analysis.traces;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.inquest.analysis.replay.BucketTraces;
import org.inquest.analysis.slice.SliceResolver;
import org.inquest.analysis.slice.SqlFragment;
import org.inquest.connectors.catalog.Catalog;
import org.inquest.connectors.catalog.ColumnInfo;
import org.inquest.connectors.catalog.ColumnRole;
import org.inquest.connectors.catalog.FeatureKind;
import org.inquest.connectors.catalog.TableInfo;
import org.inquest.connectors.catalog.TraceLink;
import org.inquest.connectors.error.UsageException;
import org.inquest.connectors.traces.SpanTable;
import org.inquest.connectors.workspace.TraceLinks;
import org.inquest.connectors.workspace.Workspace;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Linking predictions to traces by a span attribute, on hand-made spans whose answers are read off the rows:
 * <pre>
 *   trace a1: root carries request.id = r1
 *   trace a2: a child span carries request.id = r2 (not the root)
 *   trace a3 (starts at 30) and a3b (a retry, starts at 40): both carry request.id = r3 → r3's trace is a3
 *   trace a4: no request.id; trace a5: request.id = 'x/y~z' under the key 'odd/key~1'
 *   predictions (no trace_id column): r1 web, r2 mobile, r3 mobile, r9 mobile (no trace)
 * </pre>
 */
class LinkedPredictionsTest {
    @TempDir
    static Path dir;
    static Workspace workspace;
    static final TraceLink BY_REQUEST = TraceLink.byAttribute("request.id", null);

    @BeforeAll
    static void build() throws Exception {
        workspace = Workspace.open(dir.resolve("w.duckdb"));
        try (var s = workspace.connection().createStatement()) {
            s.execute(SpanTable.createSql("spans"));
            s.execute("INSERT INTO spans (trace_id, span_id, parent_span_id, service, name, status, attributes,"
                    + " start_unix_nano, end_unix_nano) VALUES"
                    + " ('a1', 's1', NULL, 'api', 'req', 0, '{\"request.id\":\"r1\"}', 10, 20),"
                    + " ('a1', 's1c', 's1', 'db', 'q', 2, '{}', 11, 19),"
                    + " ('a2', 's2', NULL, 'api', 'req', 0, '{}', 20, 29),"
                    + " ('a2', 's2c', 's2', 'db', 'q', 0, '{\"request.id\":\"r2\"}', 21, 28),"
                    + " ('a3', 's3', NULL, 'api', 'req', 0, '{\"request.id\":\"r3\"}', 30, 39),"
                    + " ('a3b', 's3b', NULL, 'api', 'req', 2, '{\"request.id\":\"r3\"}', 40, 49),"
                    + " ('a4', 's4', NULL, 'api', 'req', 0, '{\"other\":\"r1\"}', 50, 59),"
                    + " ('a5', 's5', NULL, 'api', 'req', 0, '{\"odd/key~1\":\"x/y~z\"}', 60, 69)");
            s.execute("CREATE TABLE preds AS SELECT * FROM (VALUES ('r1', 'web', TIMESTAMP '2026-01-01 00:00:01'),"
                    + " ('r2', 'mobile', TIMESTAMP '2026-01-01 00:00:02'),"
                    + " ('r3', 'mobile', TIMESTAMP '2026-01-01 00:00:03'),"
                    + " ('r9', 'mobile', TIMESTAMP '2026-01-01 00:00:04'),"
                    + " ('x/y~z', 'odd', TIMESTAMP '2026-01-01 00:00:05')) t(request_id, channel, ts)");
            s.execute("CREATE TABLE noid AS SELECT 'r1' AS request_id");
        }
        Catalog catalog = new Catalog(workspace.connection());
        catalog.saveTable("spans", SpanTable.KIND, SpanTable.columns());
        catalog.saveTable("preds", "predictions", List.of(
                new ColumnInfo("request_id", "VARCHAR", ColumnRole.ID, null),
                new ColumnInfo("channel", "VARCHAR", ColumnRole.FEATURE, FeatureKind.CATEGORICAL),
                new ColumnInfo("ts", "TIMESTAMP", ColumnRole.TIMESTAMP, null)));
        catalog.saveTable("noid", "predictions", List.of(
                new ColumnInfo("request_id", "VARCHAR", ColumnRole.FEATURE, FeatureKind.CATEGORICAL)));
    }

    @AfterAll
    static void close() {
        workspace.close();
    }

    private static TableInfo table(String name) {
        return new Catalog(workspace.connection()).table(name);
    }

    private static LinkedPredictions byRequest() {
        return LinkedPredictions.resolve(workspace.connection(), table("preds"), "spans", BY_REQUEST);
    }

    /** The distinct traces of the spans a condition keeps. */
    private static List<String> traces(SqlFragment condition) throws Exception {
        List<String> out = new ArrayList<>();
        try (PreparedStatement ps = workspace.connection().prepareStatement("SELECT DISTINCT trace_id FROM spans"
                + " WHERE " + condition.sql() + " ORDER BY 1")) {
            condition.bind(ps, 1);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
        }
        return out;
    }

    @Test
    void aPredictionLinksToTheEarliestTraceCarryingItsKeyOnAnySpan() throws Exception {
        LinkedPredictions linked = byRequest();
        assertEquals("request_id", linked.column().name(), "the id role column by default");
        SliceResolver resolver = new SliceResolver(workspace.connection());
        assertEquals(List.of("a1", "a2", "a3"), traces(linked.traceCondition(resolver.resolve("preds", null))));
        assertEquals(List.of("a2", "a3"), traces(linked.traceCondition(resolver.resolve("preds",
                "channel = 'mobile'"))));
        assertEquals(List.of(), traces(linked.traceCondition(resolver.resolve("preds", "request_id = 'r9'"))));
        assertEquals(Optional.of("a3"), linked.traceOf("r3"));
        assertEquals(Optional.of("a2"), linked.traceOf("r2"));
        assertEquals(Optional.empty(), linked.traceOf("r9"));
        assertEquals("request_id = span attributes['request.id']", linked.describe());
    }

    @Test
    void aTraceLeadsBackToItsPrediction() {
        RequestView view = new RequestView(workspace.connection());
        assertEquals("r2", view.forTrace("preds", "a2", "spans", BY_REQUEST).orElseThrow().id());
        assertEquals("r3", view.forTrace("preds", "A3", "spans", BY_REQUEST).orElseThrow().id());
        assertTrue(view.forTrace("preds", "a3b", "spans", BY_REQUEST).isEmpty(), "the retry is not r3's trace");
        assertTrue(view.forTrace("preds", "a4", "spans", BY_REQUEST).isEmpty());
        RequestView.Request r1 = view.forPrediction("preds", "r1", "spans", BY_REQUEST);
        assertEquals("a1", r1.traceId());
        assertEquals(2, r1.trace().spanCount());
        RequestView.Request r9 = view.forPrediction("preds", "r9", "spans", BY_REQUEST);
        assertNull(r9.traceId());
        assertNull(r9.trace());
        // without a link asked or saved, and without a trace_id column: the prediction alone
        assertNull(view.forPrediction("preds", "r1", "spans").trace());
    }

    @Test
    void anyKeyIsABoundPointerNotSqlText() throws Exception {
        LinkedPredictions odd = LinkedPredictions.resolve(workspace.connection(), table("preds"), "spans",
                TraceLink.byAttribute("odd/key~1", null));
        assertEquals(List.of("a5"), traces(odd.traceCondition(new SliceResolver(workspace.connection())
                .resolve("preds", null))));
        UsageException injected = assertThrows(UsageException.class, () -> LinkedPredictions.resolve(
                workspace.connection(), table("preds"), "spans", TraceLink.byAttribute("x') OR 1=1 --", null)));
        assertEquals("no span of table 'spans' has the attribute 'x') OR 1=1 --' to link table 'preds' by",
                injected.getMessage());
    }

    @Test
    void unknownColumnsAndAttributesAreOneLineUsageErrors() {
        assertEquals("table 'preds' has no column 'nope' to link by", assertThrows(UsageException.class,
                () -> LinkedPredictions.resolve(workspace.connection(), table("preds"), "spans",
                        TraceLink.byAttribute("request.id", "nope"))).getMessage());
        assertEquals("no span of table 'spans' has the attribute 'absent' to link table 'preds' by",
                assertThrows(UsageException.class, () -> LinkedPredictions.resolve(workspace.connection(),
                        table("preds"), "spans", TraceLink.byAttribute("absent", null))).getMessage());
        assertTrue(assertThrows(UsageException.class, () -> LinkedPredictions.resolve(workspace.connection(),
                table("noid"), "spans", TraceLink.byAttribute("request.id", null))).getMessage()
                .contains("no column with the id role"));
        assertTrue(assertThrows(UsageException.class, () -> LinkedPredictions.resolve(workspace.connection(),
                table("preds"), "spans", null)).getMessage().contains("--link-attribute"),
                "no trace_id role and nothing saved: the message names the attribute link");
        assertThrows(UsageException.class, () -> LinkedPredictions.resolve(workspace.connection(), table("preds"),
                "preds", BY_REQUEST), "the spans side must be a spans table");
    }

    @Test
    void aSavedLinkIsUsedWhenNoneIsAsked() throws Exception {
        TraceLinks links = new TraceLinks(workspace.connection());
        links.save("preds", "spans", byRequest().link());
        try {
            assertEquals(Optional.of(new TraceLink("request_id", "request.id")), links.find("preds", "spans"));
            LinkedPredictions saved = LinkedPredictions.resolve(workspace.connection(), table("preds"), "spans",
                    null);
            assertEquals("request_id = span attributes['request.id']", saved.describe());
            TraceFilter.Resolved r = TraceFilter.linkedTo("preds", "channel = 'web'")
                    .resolve(workspace.connection(), "spans", "");
            assertEquals(List.of("a1"), traces(r.condition()));
            assertEquals(new TraceLink("request_id", "request.id"), r.filter().link(), "the link used is shown");
            assertEquals("a1", new RequestView(workspace.connection()).forPrediction("preds", "r1", "spans")
                    .traceId());
        } finally {
            try (var s = workspace.connection().createStatement()) {
                s.execute("DELETE FROM inquest.trace_links");
            }
        }
    }

    @Test
    void bucketRequestsCarryTheirAttributeLinkedTraces() {
        List<BucketTraces.Request> got = new BucketTraces(workspace.connection()).list(
                new SliceResolver(workspace.connection()).resolve("preds", null), "spans", BY_REQUEST,
                java.time.LocalDateTime.parse("2026-01-01T00:00:00").toEpochSecond(java.time.ZoneOffset.UTC)
                        * 1_000_000L,
                java.time.LocalDateTime.parse("2026-01-01T00:01:00").toEpochSecond(java.time.ZoneOffset.UTC)
                        * 1_000_000L, 10);
        assertEquals(List.of("r1", "r2", "r3", "r9", "x/y~z"), got.stream().map(BucketTraces.Request::id).toList());
        assertEquals(java.util.Arrays.asList("a1", "a2", "a3", null, null),
                got.stream().map(BucketTraces.Request::traceId).toList());
        assertEquals(List.of(2L, 2L, 1L), got.stream().limit(3).map(BucketTraces.Request::spans).toList());
        assertEquals(List.of(1L, 0L, 0L), got.stream().limit(3).map(BucketTraces.Request::errors).toList(),
                "r3's trace is a3 (no error), not the retry a3b (error)");
        assertEquals(1e-5, got.get(0).durationMs(), 1e-15, "a1 runs from 10 ns to 20 ns");
    }
}
