package org.inquest.analysis.traces;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.inquest.analysis.slice.SliceResolver;
import org.inquest.analysis.slice.SqlFragment;
import org.inquest.connectors.error.UsageException;
import org.inquest.connectors.ingest.CancelHandle;
import org.inquest.connectors.ingest.ImportKind;
import org.inquest.connectors.ingest.ImportListener;
import org.inquest.connectors.ingest.ImportRequest;
import org.inquest.connectors.ingest.Importer;
import org.inquest.connectors.workspace.Workspace;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Trace search on four hand-written traces (traces/search_spans.jsonl, times from T0 in ms):
 * <pre>
 * T1  api GET /a [0,100]        db query [10,60] db.system=postgres rows=12 (event "retry" at 30)   100 ms, ok
 * T2  api GET /a [1000,1250]    db query [1020,1240] ERROR db.system=redis rows=500                 250 ms, error
 * T3  api GET /b [2000,2040] ERROR http.status_code=500                                            40 ms, error
 * T4  api GET /b [3000,3080]    cache get [3005,3010] db.system=redis                               80 ms, ok
 * </pre>
 */
class TraceFinderTest {
    @TempDir
    static Path dir;
    static Workspace workspace;
    static final String T1 = "00000000000000000000000000000001";
    static final String T2 = "00000000000000000000000000000002";
    static final String T3 = "00000000000000000000000000000003";
    static final String T4 = "00000000000000000000000000000004";

    @BeforeAll
    static void importFixture() throws Exception {
        workspace = Workspace.open(dir.resolve("w.duckdb"));
        Path spans = Path.of(TraceFinderTest.class.getResource("/traces/search_spans.jsonl").toURI());
        new Importer(workspace).run(new ImportRequest("spans", ImportKind.TRACES, List.of(), List.of(spans)),
                ImportListener.NONE, new CancelHandle());
    }

    @AfterAll
    static void close() {
        workspace.close();
    }

    static TraceCriteria criteria(Double min, Double max, TraceCriteria.Status status, String service, String name,
            String spanFilter) {
        return new TraceCriteria(min, max, status, service, name, spanFilter == null ? null
                : new SliceResolver(workspace.connection()).resolve("spans", spanFilter).condition(), null);
    }

    static List<String> ids(TraceCriteria c) {
        return new TraceFinder(workspace.connection()).find("spans", c, 50, 0).slowest().stream()
                .map(TraceSearch.TraceSummary::traceId).toList();
    }

    @Test
    void everyTraceSlowestFirstWithItsRootSizeAndErrors() {
        TraceFinder.Result r = new TraceFinder(workspace.connection()).find("spans", TraceCriteria.ALL, 50, 0);
        assertEquals(4, r.total());
        assertEquals(List.of(T2, T1, T4, T3), r.slowest().stream().map(TraceSearch.TraceSummary::traceId).toList());
        TraceSearch.TraceSummary t2 = r.slowest().get(0);
        assertEquals("api", t2.rootService());
        assertEquals("GET /a", t2.rootName());
        assertEquals(250.0, t2.durationMs(), 1e-9);
        assertEquals(2, t2.spans());
        assertEquals(1, t2.errors());
        assertEquals(4, r.points().size());
        assertFalse(r.sampled());
        // the scatter's x is the trace start: T2 starts 1 s after T0 = 1.7e12 ms
        TraceFinder.Point p2 = r.points().stream().filter(p -> p.traceId().equals(T2)).findFirst().orElseThrow();
        assertEquals(1_700_000_001_000.0, p2.startEpochMs(), 1e-6);
        assertTrue(p2.error());
    }

    @Test
    void durationRangeAndStatus() {
        assertEquals(List.of(T1, T4), ids(criteria(50.0, 200.0, null, null, null, null)));
        assertEquals(List.of(T1, T4, T3), ids(criteria(null, 100.0, null, null, null, null)), "bounds inclusive");
        assertEquals(List.of(T2, T3), ids(criteria(null, null, TraceCriteria.Status.ERROR, null, null, null)));
        assertEquals(List.of(T1, T4), ids(criteria(null, null, TraceCriteria.Status.OK, null, null, null)));
        assertThrows(UsageException.class, () -> ids(criteria(200.0, 50.0, null, null, null, null)));
    }

    @Test
    void serviceNameAndSpanFilterMustHoldOnOneSpan() {
        assertEquals(List.of(T2, T1), ids(criteria(null, null, null, "db", null, null)));
        assertEquals(List.of(T4, T3), ids(criteria(null, null, null, null, "GET /b", null)));
        String redis = "attributes['db.system'] = 'redis'";
        assertEquals(List.of(T2, T4), ids(criteria(null, null, null, null, null, redis)));
        assertEquals(List.of(T2), ids(criteria(null, null, null, null, "query", redis)));
        // api spans never carry db.system: no single span has both
        assertEquals(List.of(), ids(criteria(null, null, null, "api", null, redis)));
        // numbers compare as numbers: 12 and 500 are >= 12 (as text "500" < "12" would drop T2)
        assertEquals(List.of(T2, T1), ids(criteria(null, null, null, null, null, "attributes['rows'] >= 12")));
        assertEquals(List.of(T3), ids(criteria(null, null, null, null, null,
                "attributes['http.status_code'] IS NOT NULL")));
    }

    @Test
    void spanFilterLanguageAndTraceCondition() {
        SqlFragment slowSpan = new SliceResolver(workspace.connection()).resolve("spans", "duration_ms > 150")
                .condition();
        assertEquals(List.of(T2), ids(new TraceCriteria(null, null, null, null, null, slowSpan, null)));
        SqlFragment linked = SqlFragment.of("trace_id IN (?, ?)", T1, T3);
        assertEquals(List.of(T1, T3), ids(new TraceCriteria(null, null, null, null, null, null, linked)));
        // every kind of parameter together, bound in the order they appear in the statement
        SqlFragment fewRows = new SliceResolver(workspace.connection()).resolve("spans", "attributes['rows'] <= 12")
                .condition();
        assertEquals(List.of(T1), ids(new TraceCriteria(50.0, null, TraceCriteria.Status.OK, "db", null, fewRows,
                linked)));
    }

    @Test
    void theScatterKeepsTheSlowestAndCapsTheRest() {
        TraceFinder.Result r = new TraceFinder(workspace.connection()).find("spans", TraceCriteria.ALL, 1, 1);
        assertEquals(4, r.total());
        assertEquals(List.of(T2), r.slowest().stream().map(TraceSearch.TraceSummary::traceId).toList());
        assertTrue(r.points().size() <= 2, "slowest 1 + sample 1");
        assertTrue(r.sampled());
        assertTrue(r.points().stream().anyMatch(p -> p.traceId().equals(T2) && p.slowest()));
        assertEquals(1, r.points().stream().filter(TraceFinder.Point::slowest).count());
        TraceFinder.Result none = new TraceFinder(workspace.connection()).find("spans", TraceCriteria.ALL, 2, 0);
        assertEquals(List.of(T2, T1), none.points().stream().map(TraceFinder.Point::traceId).toList());
    }

    @Test
    void conditionsForTheMatchingTracesAndForTheRest() {
        TraceFinder finder = new TraceFinder(workspace.connection());
        TraceCriteria errors = criteria(null, null, TraceCriteria.Status.ERROR, null, null, null);
        // error traces T2 (GET /a 250, query 220) and T3 (GET /b 40); the rest T1 (GET /a 100, query 50),
        // T4 (GET /b 80, get 5)
        List<OperationStats> in = new TraceStats(workspace.connection())
                .compute("spans", finder.traceCondition("spans", errors, true)).operations();
        assertEquals(List.of("api/GET /a=250.0", "api/GET /b=40.0", "db/query=220.0"), summary(in));
        List<OperationStats> out = new TraceStats(workspace.connection())
                .compute("spans", finder.traceCondition("spans", errors, false)).operations();
        assertEquals(List.of("api/GET /a=100.0", "api/GET /b=80.0", "cache/get=5.0", "db/query=50.0"), summary(out));
        // the rest stays inside the trace condition: of T1 and T3, T3 is an error trace, T1 is the rest
        TraceCriteria linkedErrors = new TraceCriteria(null, null, TraceCriteria.Status.ERROR, null, null, null,
                SqlFragment.of("trace_id IN (?, ?)", T1, T3));
        assertEquals(List.of("api/GET /a=100.0", "db/query=50.0"), summary(new TraceStats(workspace.connection())
                .compute("spans", finder.traceCondition("spans", linkedErrors, false)).operations()));
    }

    static List<String> summary(List<OperationStats> ops) {
        return ops.stream().map(o -> o.service() + "/" + o.name() + "=" + o.p50()).toList();
    }

    @Test
    void spanDetailHasAttributesResourceAndEventsFromTheSpanStart() {
        SpanDetail d = SpanDetail.load(workspace.connection(), "spans", T1, "0000000000000012").orElseThrow();
        assertEquals("db", d.service());
        assertEquals("query", d.name());
        assertEquals(Map.of("db.system", "postgres", "rows", 12), d.attributes());
        assertEquals("db", d.resource().get("service.name"));
        assertEquals(1, d.events().size());
        assertEquals("retry", d.events().get(0).name());
        // event at T0+30 ms, span starts at T0+10 ms
        assertEquals(20.0, d.events().get(0).offsetMs(), 1e-9);
        assertEquals(2, d.events().get(0).attributes().get("attempt"));
        assertTrue(SpanDetail.load(workspace.connection(), "spans", T1, "ffffffffffffffff").isEmpty());
    }
}
