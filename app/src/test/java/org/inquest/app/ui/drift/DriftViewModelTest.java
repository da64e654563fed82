package org.inquest.app.ui.drift;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.inquest.analysis.drift.DriftMethod;
import org.inquest.analysis.drift.FeatureDrift;
import org.inquest.app.ui.TestWorkspaces;
import org.inquest.app.ui.analysis.IncidentSnapshot;
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
 * The drift tab without a display, on a 60-row table in three blocks of 20 (ids 0-19 on 2026-01-01, 20-39 on
 * 01-02, 40-59 on 01-03). Every block has region a/b alternating; x is 0..19 in the first two blocks and 100..119
 * in the third. So block 2 is identical to block 1 (KS D = 0, p = 1) and block 3's x lies wholly above block 1's
 * (D = 1, p far below 0.05) while its region is unchanged: 1 of 2 features drifted, a drift share of 50%, which is
 * dataset drift at the default share of 0.5.
 */
class DriftViewModelTest {
    static final String REFERENCE = "id < 20";
    static final String SAME = "id >= 20 AND id < 40";
    static final String SHIFTED = "id >= 40";
    @TempDir
    Path dir;
    Workspace ws;
    SyncRunner runner;
    DriftViewModel vm;

    @BeforeEach
    void open() throws Exception {
        ws = TestWorkspaces.table(dir, "d", "SELECT i AS id, TIMESTAMP '2026-01-01' + INTERVAL (i // 20) DAY"
                + " + INTERVAL (i % 20) MINUTE AS ts, CASE WHEN i < 40 THEN i % 20 ELSE 100 + i % 20 END :: DOUBLE AS x,"
                + " CASE i % 2 WHEN 0 THEN 'a' ELSE 'b' END AS region FROM range(60) t(i)",
                new ColumnInfo("id", "BIGINT", ColumnRole.ID, null),
                new ColumnInfo("ts", "TIMESTAMP", ColumnRole.TIMESTAMP, null),
                new ColumnInfo("x", "DOUBLE", ColumnRole.FEATURE, FeatureKind.NUMERICAL),
                new ColumnInfo("region", "VARCHAR", ColumnRole.FEATURE, FeatureKind.CATEGORICAL));
        runner = SyncRunner.on(ws);
        vm = new DriftViewModel();
        vm.attach(runner);
    }

    @AfterEach
    void close() {
        ws.close();
    }

    IncidentSnapshot snapshot(String current) {
        return TestWorkspaces.snapshot(ws, "d", REFERENCE, current);
    }

    static FeatureDrift feature(List<FeatureDrift> features, String name) {
        return features.stream().filter(f -> f.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void identicalSlicesDoNotDrift() {
        vm.show(snapshot(SAME));
        FeatureDrift x = feature(vm.features(), "x");
        assertEquals(DriftMethod.KS, x.method());
        assertEquals(0.0, x.metrics().get("ks_statistic"), 1e-12);
        assertEquals(1.0, x.pValue(), 1e-9);
        assertFalse(x.drifted());
        assertFalse(feature(vm.features(), "region").drifted());
        assertEquals("0 of 2 features drifted · drift share 0.0%", vm.summaryProperty().get());
    }

    @Test
    void aShiftedFeatureDriftsAndIsListedAndSelectedFirst() {
        vm.show(snapshot(SHIFTED));
        assertEquals(List.of("x", "region"), vm.features().stream().map(FeatureDrift::name).toList());
        FeatureDrift x = vm.features().get(0);
        assertEquals(1.0, x.metrics().get("ks_statistic"), 1e-12);
        assertTrue(x.pValue() < 0.05, "p = " + x.pValue());
        assertTrue(x.drifted());
        assertFalse(vm.features().get(1).drifted());
        assertEquals(x, vm.selectedProperty().get());
        assertEquals("1 of 2 features drifted · drift share 50.0% · DATASET DRIFT", vm.summaryProperty().get());
    }

    @Test
    void theSelectedFeatureIsKeptAcrossSnapshots() {
        vm.show(snapshot(SHIFTED));
        vm.selectedProperty().set(feature(vm.features(), "region"));
        vm.show(snapshot(SAME));
        assertEquals("region", vm.selectedProperty().get().name());
        assertFalse(vm.selectedProperty().get().drifted(), "the new snapshot's verdict, not the old one's");
    }

    @Test
    void driftPerDayIsComputedOnlyWhenAskedAndOncePerSnapshot() {
        vm.show(snapshot("id >= 20"));
        assertEquals(0, runner.count("Drift per day"), "showing the tab's features needs no query");
        assertNull(vm.windowsProperty().get());
        vm.loadWindows();
        vm.loadWindows();
        assertEquals(1, runner.count("Drift per day"));
        assertEquals("2 days", vm.windowsStateProperty().get());
        List<?> windows = vm.windowsProperty().get().windows();
        assertEquals(2, windows.size());
        // Day 2 is a copy of the reference, day 3 is shifted.
        assertFalse(vm.windowsProperty().get().windows().get(0).datasetDrift());
        assertTrue(vm.windowsProperty().get().windows().get(1).datasetDrift());
        vm.show(snapshot(SHIFTED));
        assertNull(vm.windowsProperty().get(), "a new snapshot forgets the old windows");
        vm.loadWindows();
        assertEquals(2, runner.count("Drift per day"));
        assertEquals("1 day", vm.windowsStateProperty().get());
    }

    @Test
    void windowsOfAnOlderSnapshotAreDropped() {
        vm.show(snapshot("id >= 20"));
        runner.hold();
        vm.loadWindows();
        assertEquals("Computing drift per day…", vm.windowsStateProperty().get());
        vm.show(snapshot(SHIFTED));
        assertTrue(runner.submissions().get(0).cancelled());
        vm.loadWindows();
        runner.pending().get(1).complete();
        runner.pending().get(0).complete(); // the old request finishes last
        assertEquals(1, vm.windowsProperty().get().windows().size(), "the newer slice's one day");
        assertEquals("1 day", vm.windowsStateProperty().get());
    }

    @Test
    void aFailureIsShownAsOneLine() throws Exception {
        vm.show(snapshot("id >= 20"));
        TestWorkspaces.drop(ws, "d");
        vm.loadWindows();
        String state = vm.windowsStateProperty().get();
        assertTrue(state.startsWith("Drift over time failed: "), state);
        assertFalse(state.contains("\n"), state);
        assertNull(vm.windowsProperty().get());
    }

    @Test
    void aTableWithoutTimestampSaysSoWithoutAQuery(@TempDir Path other) throws Exception {
        try (Workspace small = TestWorkspaces.small(other)) {
            SyncRunner r = SyncRunner.on(small);
            DriftViewModel v = new DriftViewModel();
            v.attach(r);
            v.show(TestWorkspaces.snapshot(small, "preds", "id <= 5", "id > 5"));
            v.loadWindows();
            assertEquals(0, r.count("Drift per day"));
            assertEquals("The current table has no timestamp column: no drift over time.",
                    v.windowsStateProperty().get());
        }
    }
}
