package org.inquest.analysis.traces;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.List;
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
 * Cohort compare on {@code cohorts.jsonl}, five hand-made traces whose spans run one after another (times in ms
 * from the trace start; self times worked out by hand):
 * <pre>
 *  trace  req (api)         a (svc-a)      b (svc-b)          cache.miss (svc-c)  req self  a    b    c
 *  1      [0,100]           [10,40]        [50,90]                                30        30   40
 *  2      [0,110]           [10,45]        [50,100] error                         25        35   50
 *  3      [0,120]           [10,50]        [55,110]                               25        40   55
 *  4      [0,130]           [10,40]        [50,120]                               30        30   70
 *  5      [0,400]           [10,50]        [60,390] error     [395,398]           27        40   330  3
 * </pre>
 */
class TraceCohortsTest {
    @TempDir
    static Path dir;
    static Workspace workspace;

    @BeforeAll
    static void importFixture() throws Exception {
        workspace = Workspace.open(dir.resolve("w.duckdb"));
        Path spans = Path.of(TraceCohortsTest.class.getResource("/traces/cohorts.jsonl").toURI());
        new Importer(workspace).run(new ImportRequest("spans", ImportKind.TRACES, List.of(), List.of(spans)),
                ImportListener.NONE, new CancelHandle());
    }

    @AfterAll
    static void close() {
        workspace.close();
    }

    private static TraceCohorts.Stage stage(TraceCohorts.Result r, int rank, String name) {
        TraceCohorts.Stage s = r.stages().get(rank);
        assertEquals(name, s.name(), "rank " + rank);
        return s;
    }

    @Test
    void slowestShareSplitsAtTheLinearQuantileAndRanksTheGrownStageFirst() {
        TraceCohorts.Result r = new TraceCohorts(workspace.connection()).compare("spans", SqlFragment.TRUE,
                new TraceCohorts.Slowest(0.2));
        // durations 100, 110, 120, 130, 400: the 0.8 quantile is 130 + 0.2 (400 - 130) = 184
        assertEquals(184.0, r.split().thresholdMs(), 1e-9);
        assertEquals(1, r.slow().traces());
        assertEquals(4, r.normal().traces());
        assertEquals(400.0, r.slow().meanMs(), 1e-9);
        assertEquals(115.0, r.normal().meanMs(), 1e-9);
        assertEquals(285.0, r.differenceMs(), 1e-9);
        // b: 330 - (40 + 50 + 55 + 70) / 4 = 276.25; a: 40 - 33.75; cache.miss: 3 - 0; req: 27 - 27.5
        TraceCohorts.Stage b = stage(r, 0, "b");
        assertEquals("svc-b", b.service());
        assertEquals(276.25, b.contributionMs(), 1e-9);
        assertEquals(276.25 / 285, b.contributionShare(), 1e-12);
        assertEquals(330 - 53.75, b.selfMeanChangeMs(), 1e-9);
        // normal p95 of b's durations 40, 50, 55, 70: 55 + 0.85 * 15 = 67.75
        assertEquals(330 - 67.75, b.p95ChangeMs(), 1e-9);
        assertEquals(1.0, b.slow().perTrace(), 1e-12);
        assertEquals(4, b.normal().spans());
        assertEquals(6.25, stage(r, 1, "a").contributionMs(), 1e-9);
        TraceCohorts.Stage miss = stage(r, 2, "cache.miss");
        assertEquals(3.0, miss.contributionMs(), 1e-9);
        assertNull(miss.normal(), "the stage never runs in a normal request");
        assertNull(miss.p95ChangeMs());
        assertEquals(-0.5, stage(r, 3, "req").contributionMs(), 1e-9);
        double sum = r.stages().stream().mapToDouble(TraceCohorts.Stage::contributionMs).sum();
        assertEquals(r.differenceMs(), sum, 1e-9, "sequential spans: contributions add up to the difference");
    }

    @Test
    void aFilterSplitComparesTheMatchingTracesWithTheOthers() {
        // traces 2 and 5 have an error span: slow = {2, 5}, normal = {1, 3, 4}
        TraceFilter.Resolved errors = TraceFilter.spans("status = 2").resolve(workspace.connection(), "spans", "slow");
        TraceCohorts.Result r = new TraceCohorts(workspace.connection()).compare("spans", SqlFragment.TRUE,
                new TraceCohorts.Matching(errors.condition(), errors.filter().where()));
        assertEquals("filter", r.split().by());
        assertEquals("status = 2", r.split().where());
        assertNull(r.split().thresholdMs());
        assertEquals(2, r.slow().traces());
        assertEquals(255.0, r.slow().meanMs(), 1e-9);
        assertEquals(350.0 / 3, r.normal().meanMs(), 1e-9);
        assertEquals(190 - 55.0, stage(r, 0, "b").contributionMs(), 1e-9);
        assertEquals(37.5 - 100.0 / 3, stage(r, 1, "a").contributionMs(), 1e-9);
        TraceCohorts.Stage miss = stage(r, 2, "cache.miss");
        assertEquals(1.5, miss.contributionMs(), 1e-9);
        assertEquals(0.5, miss.slow().perTrace(), 1e-12, "one span in two slow traces");
        assertEquals(26 - 85.0 / 3, stage(r, 3, "req").contributionMs(), 1e-9);
    }

    @Test
    void theBaseFilterRestrictsTheTracesCompared() {
        // only the /v1/score traces (1-4): durations 100..130, q(0.75) = 122.5 -> slow = {4}
        TraceFilter.Resolved base = TraceFilter.traces("name = 'req' AND start < TIMESTAMP '2027-01-15 08:00:05'")
                .resolve(workspace.connection(), "spans", "");
        TraceCohorts.Result r = new TraceCohorts(workspace.connection()).compare("spans", base.condition(),
                new TraceCohorts.Slowest(0.25));
        assertEquals(122.5, r.split().thresholdMs(), 1e-9);
        assertEquals(1, r.slow().traces());
        assertEquals(3, r.normal().traces());
        assertEquals(130 - 110.0, r.differenceMs(), 1e-9);
        assertEquals(70 - (40 + 50 + 55) / 3.0, stage(r, 0, "b").contributionMs(), 1e-9);
    }

    @Test
    void anEmptyCohortIsAUsageError() {
        TraceFilter.Resolved all = TraceFilter.spans("name = 'req'").resolve(workspace.connection(), "spans", "slow");
        UsageException e = assertThrows(UsageException.class, () -> new TraceCohorts(workspace.connection())
                .compare("spans", SqlFragment.TRUE, new TraceCohorts.Matching(all.condition(), "name = 'req'")));
        assertEquals("the normal cohort is empty (5 traces, all in the other one): nothing to compare",
                e.getMessage());
        assertThrows(UsageException.class, () -> new TraceCohorts.Slowest(1.0));
    }
}
