package org.inquest.analysis.traces;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.inquest.analysis.slice.SqlFragment;
import org.inquest.connectors.catalog.Catalog;
import org.inquest.connectors.traces.SpanTable;
import org.inquest.connectors.workspace.Workspace;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every trace analysis on broken traces — an orphan, a duplicate id, a child outliving its parent, clock skew, a
 * two-span cycle and a span that is its own parent — gives numbers worked out by hand and warnings, never an
 * exception. Times in ms from 0.
 */
class BrokenTracesAnalysisTest {
    @TempDir
    static Path dir;
    static Workspace workspace;

    @BeforeAll
    static void create() throws Exception {
        workspace = Workspace.open(dir.resolve("w.duckdb"));
        try (var s = workspace.connection().createStatement()) {
            s.execute(SpanTable.createSql("main.spans"));
            // trace t1: R [0,100] with D [10,20] and D [30,40] (duplicate id), O [10,20] (orphan), L [90,150]
            // (outlives R), K [-5,5] (skew); trace t2: C1 <-> C2 (cycle) and S its own parent
            String[][] rows = {
                {"t1", "R", null, "0", "100"}, {"t1", "D", "R", "10", "20"}, {"t1", "D", "R", "30", "40"},
                {"t1", "O", "MISSING", "10", "20"}, {"t1", "L", "R", "90", "150"}, {"t1", "K", "R", "-5", "5"},
                {"t2", "C1", "C2", "50", "60"}, {"t2", "C2", "C1", "55", "65"}, {"t2", "S", "S", "70", "71"},
            };
            for (String[] r : rows) {
                long b = Long.parseLong(r[3]) * 1_000_000L;
                long e = Long.parseLong(r[4]) * 1_000_000L;
                s.execute("INSERT INTO spans (trace_id, span_id, parent_span_id, service, name, status,"
                        + " start_unix_nano, end_unix_nano, duration_ms) VALUES ('" + r[0] + "', '" + r[1] + "', "
                        + (r[2] == null ? "NULL" : "'" + r[2] + "'") + ", 'svc', 'op-" + r[1] + "', 0, " + b + ", "
                        + e + ", " + (e - b) / 1e6 + ")");
            }
        }
        new Catalog(workspace.connection()).saveTable("spans", SpanTable.KIND, SpanTable.columns());
    }

    @AfterAll
    static void close() {
        workspace.close();
    }

    @Test
    void statsSubtractWhatTheParentLinksSay() {
        List<OperationStats> ops = new TraceStats(workspace.connection()).compute("spans", SqlFragment.TRUE)
                .operations();
        assertEquals(List.of("op-C1", "op-C2", "op-D", "op-K", "op-L", "op-O", "op-R", "op-S"),
                ops.stream().map(OperationStats::name).toList());
        // R: 100 minus the union of [10,20], [30,40], [90,100] (L clipped) and [0,5] (K clipped) = 65
        assertEquals(65.0, ops.get(6).selfP50(), 1e-9);
        assertEquals(2, ops.get(2).count(), "both spans of the duplicate id are measured");
        assertEquals(1.0, ops.get(7).selfP50(), 1e-9, "a span is never its own child");
        // C1 [50,60] minus C2 [55,65] clipped to [55,60] = 5; C2 [55,65] minus C1 clipped to [55,60] = 5
        assertEquals(5.0, ops.get(0).selfP50(), 1e-9);
        assertEquals(5.0, ops.get(1).selfP50(), 1e-9);
    }

    @Test
    void showWarnsAndCohortsCompare() {
        TraceView t1 = new TraceShow(workspace.connection()).show("spans", "t1");
        assertEquals(6, t1.spanCount());
        assertEquals(4, t1.warnings().size(), t1.warnings().toString());
        TraceView t2 = new TraceShow(workspace.connection()).show("spans", "t2");
        assertEquals(3, t2.spanCount());
        assertTrue(t2.warnings().stream().allMatch(w -> w.startsWith("cycle:") || w.contains("after its parent")),
                t2.warnings().toString());
        // two traces: t1 lasts 155 ms (-5 to 150), t2 21 ms (50 to 71); the slowest half is t1
        TraceCohorts.Result r = new TraceCohorts(workspace.connection()).compare("spans", SqlFragment.TRUE,
                new TraceCohorts.Slowest(0.5));
        assertEquals(155.0, r.slow().meanMs(), 1e-9);
        assertEquals(21.0, r.normal().meanMs(), 1e-9);
        assertEquals("op-R", r.stages().get(0).name());
        assertEquals(65.0, r.stages().get(0).contributionMs(), 1e-9);
        assertEquals(2, new TraceSearch(workspace.connection()).slowest("spans", SqlFragment.TRUE, 10).size());
    }
}
