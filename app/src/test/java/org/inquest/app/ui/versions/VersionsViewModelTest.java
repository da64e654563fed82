package org.inquest.app.ui.versions;

import static org.inquest.app.ui.GridRows.cell;
import static org.inquest.app.ui.GridRows.row;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.inquest.analysis.calibration.BinStrategy;
import org.inquest.analysis.calibration.Calibration;
import org.inquest.analysis.calibration.CalibrationAnalyzer;
import org.inquest.analysis.calibration.CalibrationBin;
import org.inquest.analysis.performance.ModelColumns;
import org.inquest.analysis.slice.Slice;
import org.inquest.analysis.slice.SqlFragment;
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
 * The versions tab without a display, on 9 rows (predicted positive when score ≥ 0.5; scores in the middle of
 * uniform calibration bins). v1 (ids 1-4): scores .95 .85 .15 .05 with labels 1 1 0 0, all right; calibration gaps
 * .05 .15 .15 .05 → ECE 0.1, MCE 0.15; latency 10 20 30 40 (mean 25). v2 (ids 5-8): the same scores with labels
 * 0 0 1 1, all wrong; gaps .95 .85 .85 .95 → ECE 0.9, MCE 0.95; latency 100 200 300 400 (mean 250). Id 9 has no
 * version: its own "(null)" column, score .95 with label 1, right, and no calibration.
 */
class VersionsViewModelTest {
    @TempDir
    Path dir;
    Workspace ws;
    SyncRunner runner;
    VersionsViewModel vm;

    @BeforeEach
    void open() throws Exception {
        ws = TestWorkspaces.table(dir, "v", "SELECT id, version AS model_version, score :: DOUBLE AS score, label,"
                + " latency :: DOUBLE AS latency_ms, 'x' AS region FROM (VALUES (1, 'v1', 0.95, 1, 10),"
                + " (2, 'v1', 0.85, 1, 20), (3, 'v1', 0.15, 0, 30), (4, 'v1', 0.05, 0, 40), (5, 'v2', 0.95, 0, 100),"
                + " (6, 'v2', 0.85, 0, 200), (7, 'v2', 0.15, 1, 300), (8, 'v2', 0.05, 1, 400),"
                + " (9, NULL, 0.95, 1, 50)) t(id, version, score, label, latency)",
                new ColumnInfo("id", "INTEGER", ColumnRole.ID, null),
                new ColumnInfo("model_version", "VARCHAR", ColumnRole.MODEL_VERSION, null),
                new ColumnInfo("score", "DOUBLE", ColumnRole.SCORE, null),
                new ColumnInfo("label", "INTEGER", ColumnRole.LABEL, null),
                new ColumnInfo("latency_ms", "DOUBLE", ColumnRole.LATENCY_MS, null),
                new ColumnInfo("region", "VARCHAR", ColumnRole.FEATURE, FeatureKind.CATEGORICAL));
        runner = SyncRunner.on(ws);
        vm = new VersionsViewModel();
        vm.attach(runner);
    }

    @AfterEach
    void close() {
        ws.close();
    }

    IncidentSnapshot snapshot(String current) {
        return TestWorkspaces.snapshot(ws, "v", "id <= 4", current);
    }

    @Test
    void everyVersionSideBySideWithTheHandComputedNumbers() {
        vm.show(snapshot(""));
        vm.load();
        ResultGrid g = vm.gridProperty().get();
        assertEquals(List.of("metric", "(null)", "v1", "v2"), g.columns());
        assertEquals(Arrays.asList("rows", 1L, 4L, 4L), row(g, "rows"));
        assertEquals(1.0, (Double) cell(g, "accuracy", "v1"), 1e-12);
        assertEquals(0.0, (Double) cell(g, "accuracy", "v2"), 1e-12);
        assertEquals(1.0, (Double) cell(g, "accuracy", "(null)"), 1e-12);
        assertEquals(25.0, (Double) cell(g, "latency.mean", "v1"), 1e-12);
        assertEquals(250.0, (Double) cell(g, "latency.mean", "v2"), 1e-12);
        assertEquals(40.0, (Double) cell(g, "latency.max", "v1"), 1e-12);
        assertEquals(0.1, (Double) cell(g, "ece", "v1"), 1e-12);
        assertEquals(0.15, (Double) cell(g, "mce", "v1"), 1e-12);
        assertEquals(0.9, (Double) cell(g, "ece", "v2"), 1e-12);
        assertEquals(0.95, (Double) cell(g, "mce", "v2"), 1e-12);
        assertNull(cell(g, "ece", "(null)"), "rows without a version get no calibration");
        assertEquals(List.of("v1", "v2"), List.copyOf(vm.calibrationsProperty().get().keySet()));
        assertEquals(4, vm.calibrationsProperty().get().get("v2").count());
        assertEquals("3 versions in the current slice", vm.stateProperty().get());
        String[] csv = Csv.of(g).split("\n");
        assertEquals("metric,(null),v1,v2", csv[0]);
        assertTrue(List.of(csv).contains("rows,1,4,4"), List.of(csv).toString());
    }

    /**
     * The tab's one grouped calibration query gives each version what the engine gives on that version's rows
     * alone (the per-version query it replaced): 400 rows, scores on a 0.01 grid (so on bin edges too), a version
     * whose labels never arrived (no calibrated row: an empty calibration and no ECE), and rows without a version.
     */
    @Test
    void eachVersionsCalibrationIsTheEngineResultOnThatVersionAlone() throws Exception {
        TestWorkspaces.addTable(ws, "many", "SELECT id, CASE WHEN id % 10 = 9 THEN NULL ELSE 'v' || (id % 3 + 1)"
                + " END AS model_version, (id * 37 % 101) / 100.0 :: DOUBLE AS score, CASE WHEN id % 3 = 2 THEN NULL"
                + " ELSE CAST(id * 7 % 5 < 2 AS INTEGER) END AS label FROM range(400) t(id)",
                new ColumnInfo("id", "BIGINT", ColumnRole.ID, null),
                new ColumnInfo("model_version", "VARCHAR", ColumnRole.MODEL_VERSION, null),
                new ColumnInfo("score", "DOUBLE", ColumnRole.SCORE, null),
                new ColumnInfo("label", "INTEGER", ColumnRole.LABEL, null));
        IncidentSnapshot s = TestWorkspaces.snapshot(ws, "many", "id < 100", "");
        vm.show(s);
        vm.load();
        Map<String, Calibration> shown = vm.calibrationsProperty().get();
        assertEquals(List.of("v1", "v2", "v3"), List.copyOf(shown.keySet()));
        Slice cur = s.current();
        CalibrationAnalyzer engine = new CalibrationAnalyzer(ws.connection());
        for (String v : shown.keySet()) {
            Slice one = cur.restrictedTo(SqlFragment.of("model_version = ?", v), "model_version = '" + v + "'");
            Calibration expected = engine.analyze(one, ModelColumns.of(cur.table()), BinStrategy.UNIFORM);
            Calibration actual = shown.get(v);
            assertEquals(expected.count(), actual.count(), v);
            assertEquals(expected.bins().size(), actual.bins().size(), v);
            for (int i = 0; i < expected.bins().size(); i++) {
                CalibrationBin e = expected.bins().get(i);
                CalibrationBin a = actual.bins().get(i);
                assertEquals(List.of(e.lower(), e.upper(), e.count()), List.of(a.lower(), a.upper(), a.count()), v);
                assertEquals(e.meanPredicted(), a.meanPredicted(), 1e-12, v);
                assertEquals(e.fractionPositive(), a.fractionPositive(), 1e-12, v);
            }
            ResultGrid g = vm.gridProperty().get();
            if (expected.ece() == null) {
                assertNull(actual.ece(), v);
                assertNull(cell(g, "ece", v), v);
            } else {
                assertEquals(expected.ece(), (Double) cell(g, "ece", v), 1e-12, v);
                assertEquals(expected.mce(), (Double) cell(g, "mce", v), 1e-12, v);
            }
        }
        assertTrue(shown.get("v1").count() > 100, "v1 has calibrated rows: " + shown.get("v1").count());
        assertEquals(0, shown.get("v3").count(), "v3's labels never arrived");
    }

    @Test
    void computedOnlyWhenTheTabLoadsAndOncePerSnapshot() {
        vm.show(snapshot(""));
        assertEquals(0, runner.count("Metrics per model version"));
        assertEquals(ResultGrid.EMPTY, vm.gridProperty().get());
        vm.load();
        vm.load();
        assertEquals(1, runner.count("Metrics per model version"));
        vm.show(snapshot("model_version = 'v2'"));
        assertEquals(ResultGrid.EMPTY, vm.gridProperty().get());
        assertEquals(Map.of(), vm.calibrationsProperty().get());
        vm.load();
        assertEquals(2, runner.count("Metrics per model version"));
        assertEquals(List.of("metric", "v2"), vm.gridProperty().get().columns());
    }

    @Test
    void resultsOfAnOlderSliceAreDropped() {
        vm.show(snapshot(""));
        runner.hold();
        vm.load();
        assertEquals("Computing metrics per version…", vm.stateProperty().get());
        vm.show(snapshot("model_version = 'v2'"));
        vm.load();
        assertTrue(runner.submissions().get(0).cancelled());
        runner.pending().get(1).complete();
        runner.pending().get(0).complete(); // the older slice's result arrives last
        assertEquals(List.of("metric", "v2"), vm.gridProperty().get().columns());
        assertEquals("1 version in the current slice", vm.stateProperty().get());
    }

    @Test
    void aTableWithoutVersionsSaysSoWithoutAQuery() throws Exception {
        TestWorkspaces.addTable(ws, "unversioned", "SELECT id, 'x' AS region FROM range(4) t(id)",
                new ColumnInfo("id", "BIGINT", ColumnRole.ID, null),
                new ColumnInfo("region", "VARCHAR", ColumnRole.FEATURE, FeatureKind.CATEGORICAL));
        vm.show(TestWorkspaces.snapshot(ws, "unversioned", "id < 2", "id >= 2"));
        vm.load();
        assertEquals(0, runner.count("Metrics per model version"));
        assertEquals("The current table has no model_version column.", vm.stateProperty().get());
    }

    @Test
    void aFailureIsShownAsOneLine() throws Exception {
        vm.show(snapshot(""));
        TestWorkspaces.drop(ws, "v");
        vm.load();
        String state = vm.stateProperty().get();
        assertTrue(state.startsWith("Failed: "), state);
        assertFalse(state.contains("\n"), state);
        assertEquals(ResultGrid.EMPTY, vm.gridProperty().get());
    }
}
