package org.inquest.app.ui.segments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.inquest.app.ui.TestWorkspaces;
import org.inquest.app.ui.analysis.IncidentSnapshot;
import org.inquest.app.ui.common.Csv;
import org.inquest.app.ui.common.ResultGrid;
import org.inquest.app.ui.task.SyncRunner;
import org.inquest.connectors.catalog.ColumnInfo;
import org.inquest.connectors.catalog.ColumnRole;
import org.inquest.connectors.catalog.FeatureKind;
import org.inquest.connectors.workspace.Workspace;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The segments tab without a display, on 120 rows: reference ids 0-59, current 60-119; region north for even ids
 * and south for odd ones (30 rows each per slice, the engine's minimum support), channel web when id % 4 < 2, else
 * app. North rows score 0.1 with label 0 (right) in both slices; south rows score 0.9 with label 1 in the reference
 * (right) and label 0 in the current slice (wrong). Accuracy falls from 1 to 0.5 (change −0.5); positive rate and
 * mean score do not change. With Contribution's within = w_cur (m_cur − m_ref) and mix = (w_cur − w_ref)
 * (m_ref − M_ref): south explains w 0.5 × (0 − 1) = −0.5, all of the change; each channel holds half of the south
 * rows, so web and app each explain 0.5 × (0.5 − 1) = −0.25, half of it; north explains nothing and is not listed;
 * pairs hold 15 rows, under the minimum support.
 */
class SegmentsViewModelTest {
    static final String REFERENCE = "id < 60";
    static final String CURRENT = "id >= 60";
    @TempDir
    Path dir;
    Workspace ws;
    SyncRunner runner;
    SegmentsViewModel vm;

    @BeforeEach
    void open() throws Exception {
        ws = TestWorkspaces.table(dir, "s", "SELECT i AS id, CASE WHEN i % 2 = 0 THEN 'north' ELSE 'south' END"
                + " AS region, CASE WHEN i % 4 < 2 THEN 'web' ELSE 'app' END AS channel,"
                + " CASE WHEN i % 2 = 0 THEN 0.1 ELSE 0.9 END AS score,"
                + " CASE WHEN i % 2 = 1 AND i < 60 THEN 1 ELSE 0 END AS label FROM range(120) t(i)",
                new ColumnInfo("id", "BIGINT", ColumnRole.ID, null),
                new ColumnInfo("region", "VARCHAR", ColumnRole.FEATURE, FeatureKind.CATEGORICAL),
                new ColumnInfo("channel", "VARCHAR", ColumnRole.FEATURE, FeatureKind.CATEGORICAL),
                new ColumnInfo("score", "DOUBLE", ColumnRole.SCORE, null),
                new ColumnInfo("label", "INTEGER", ColumnRole.LABEL, null));
        runner = SyncRunner.on(ws);
        vm = new SegmentsViewModel();
        vm.attach(runner);
    }

    @AfterEach
    void close() {
        ws.close();
    }

    IncidentSnapshot snapshot(String current) {
        return TestWorkspaces.snapshot(ws, "s", REFERENCE, current);
    }

    @Test
    void theRankingIsTheHandComputedOne() {
        vm.show(snapshot(CURRENT));
        vm.load();
        ResultGrid g = vm.gridProperty().get();
        assertEquals(SegmentsViewModel.COLUMNS, g.columns());
        assertEquals(3, g.rows().size(), g.rows().toString());
        assertEquals(Arrays.asList("accuracy", "region=south", 0.5, 0.5, 1.0, 0.0, -0.5, 1.0), g.rows().get(0));
        assertEquals(Arrays.asList("accuracy", "channel=app", 0.5, 0.5, 1.0, 0.5, -0.25, 0.5), g.rows().get(1));
        assertEquals(Arrays.asList("accuracy", "channel=web", 0.5, 0.5, 1.0, 0.5, -0.25, 0.5), g.rows().get(2));
        assertEquals("Double-click a segment to apply it as a filter to both slices.", vm.stateProperty().get());
    }

    @Test
    void aRowsConditionSelectsExactlyItsSegment() {
        IncidentSnapshot s = snapshot(CURRENT);
        vm.show(s);
        vm.load();
        String south = vm.condition(0, s.current().table());
        assertEquals("region = 'south'", south);
        // Applied as both filters: the 60 south rows of the whole table.
        assertEquals(60, TestWorkspaces.snapshot(ws, "s", south, south).currentRows());
        assertNull(vm.condition(3, s.current().table()));
        assertNull(vm.condition(-1, s.current().table()));
    }

    @Test
    void theCsvExportHoldsTheRanking() {
        vm.show(snapshot(CURRENT));
        vm.load();
        String[] lines = Csv.of(vm.gridProperty().get()).split("\n");
        assertEquals(String.join(",", SegmentsViewModel.COLUMNS), lines[0]);
        assertEquals("accuracy,region=south,0.5,0.5,1.0,0.0,-0.5,1.0", lines[1]);
        assertEquals(4, lines.length);
    }

    @Test
    void rankedOnlyWhenTheTabLoadsAndOncePerSnapshot() {
        vm.show(snapshot(CURRENT));
        assertEquals("Open this tab to rank segments.", vm.stateProperty().get());
        assertEquals(0, runner.count("Ranking segments"));
        vm.load();
        vm.load();
        assertEquals(1, runner.count("Ranking segments"));
        vm.show(snapshot(REFERENCE));
        assertEquals(ResultGrid.EMPTY, vm.gridProperty().get());
        vm.load();
        assertEquals(2, runner.count("Ranking segments"));
        assertEquals("No segment explains a change (or no metric applies to these slices).", vm.stateProperty().get());
        assertNull(vm.condition(0, null), "no rows, no condition");
    }

    @Test
    void aRankingOfAnOlderSliceIsDropped() {
        vm.show(snapshot(CURRENT));
        runner.hold();
        vm.load();
        assertEquals("Ranking segments…", vm.stateProperty().get());
        vm.show(snapshot(REFERENCE));
        vm.load();
        assertTrue(runner.submissions().get(0).cancelled());
        runner.pending().get(1).complete();
        runner.pending().get(0).complete(); // the older ranking arrives last
        assertTrue(vm.gridProperty().get().rows().isEmpty(), "the reference against itself: nothing changed");
        assertNull(vm.condition(0, null), "no row of the older ranking can be applied");
    }

    @Test
    void aFailureIsShownAsOneLine() throws Exception {
        vm.show(snapshot(CURRENT));
        TestWorkspaces.drop(ws, "s");
        vm.load();
        String state = vm.stateProperty().get();
        assertTrue(state.startsWith("Failed: "), state);
        assertFalse(state.contains("\n"), state);
        assertEquals(List.of(), vm.gridProperty().get().rows());
    }
}
