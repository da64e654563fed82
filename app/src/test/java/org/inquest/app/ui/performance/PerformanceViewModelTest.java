package org.inquest.app.ui.performance;

import static org.inquest.app.ui.GridRows.cell;
import static org.inquest.app.ui.GridRows.row;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
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
 * The performance tab without a display, on 16 rows (predicted positive when score ≥ 0.5). Reference ids 1-8 on
 * 2026-01-01, (score, label) = (.9,1) (.8,1) (.7,0) (.6,1) | (.4,0) (.3,1) (.2,0) (.1,0), region north for 1-4 and
 * south for 5-8: TP 3, FP 1, TN 3, FN 1, accuracy = precision = recall = 0.75; ROC AUC 13/16 (of the 16
 * positive-negative pairs, .9 and .8 beat all 4 negatives, .6 beats 3, .3 beats 2). Current ids 9-12 on 01-02 in
 * north: (.9,0) (.8,0) (.4,1) (.3,1), all wrong; ids 13-16 on 01-03 in south: (.7,1) (.6,0) (.2,0) (.1,1), half
 * right: TP 1, FP 3, TN 1, FN 3, accuracy 0.25.
 */
class PerformanceViewModelTest {
    static final String REFERENCE = "id <= 8";
    static final String CURRENT = "id > 8";
    @TempDir
    Path dir;
    Workspace ws;
    SyncRunner runner;
    PerformanceViewModel vm;

    @BeforeEach
    void open() throws Exception {
        ws = TestWorkspaces.table(dir, "p", "SELECT id, CASE WHEN id <= 8 THEN DATE '2026-01-01' WHEN id <= 12"
                + " THEN DATE '2026-01-02' ELSE DATE '2026-01-03' END :: TIMESTAMP AS ts,"
                + " CASE WHEN id <= 4 OR id BETWEEN 9 AND 12 THEN 'north' ELSE 'south' END AS region,"
                + " CASE WHEN id % 2 = 0 THEN 'v2' ELSE 'v1' END AS model_version, score :: DOUBLE AS score, label"
                + " FROM (VALUES (1, 0.9, 1), (2, 0.8, 1), (3, 0.7, 0), (4, 0.6, 1), (5, 0.4, 0), (6, 0.3, 1),"
                + " (7, 0.2, 0), (8, 0.1, 0), (9, 0.9, 0), (10, 0.8, 0), (11, 0.4, 1), (12, 0.3, 1), (13, 0.7, 1),"
                + " (14, 0.6, 0), (15, 0.2, 0), (16, 0.1, 1)) t(id, score, label)",
                new ColumnInfo("id", "INTEGER", ColumnRole.ID, null),
                new ColumnInfo("ts", "TIMESTAMP", ColumnRole.TIMESTAMP, null),
                new ColumnInfo("region", "VARCHAR", ColumnRole.FEATURE, FeatureKind.CATEGORICAL),
                new ColumnInfo("model_version", "VARCHAR", ColumnRole.MODEL_VERSION, null),
                new ColumnInfo("score", "DOUBLE", ColumnRole.SCORE, null),
                new ColumnInfo("label", "INTEGER", ColumnRole.LABEL, null));
        runner = SyncRunner.on(ws);
        vm = new PerformanceViewModel();
        vm.attach(runner);
    }

    @AfterEach
    void close() {
        ws.close();
    }

    IncidentSnapshot snapshot(String current) {
        return TestWorkspaces.snapshot(ws, "p", REFERENCE, current);
    }

    @Test
    void bothSlicesSideBySideWithTheHandComputedConfusionAndDifference() {
        vm.show(snapshot(CURRENT));
        ResultGrid m = vm.metricsProperty().get();
        assertEquals(List.of("metric", "reference", "current", "Δ (current − reference)"), m.columns());
        assertEquals(Arrays.asList("rows", 8L, 8L, 0L), row(m, "rows"));
        assertEquals(Arrays.asList("confusion.tp", 3L, 1L, -2L), row(m, "confusion.tp"));
        assertEquals(Arrays.asList("confusion.fp", 1L, 3L, 2L), row(m, "confusion.fp"));
        assertEquals(Arrays.asList("confusion.tn", 3L, 1L, -2L), row(m, "confusion.tn"));
        assertEquals(Arrays.asList("confusion.fn", 1L, 3L, 2L), row(m, "confusion.fn"));
        assertEquals(0.75, (Double) cell(m, "accuracy", "reference"), 1e-12);
        assertEquals(0.25, (Double) cell(m, "accuracy", "current"), 1e-12);
        assertEquals(-0.5, (Double) cell(m, "accuracy", "Δ (current − reference)"), 1e-12);
        assertEquals(0.75, (Double) cell(m, "precision", "reference"), 1e-12);
        assertEquals(0.25, (Double) cell(m, "recall", "current"), 1e-12);
        assertEquals(13.0 / 16, (Double) cell(m, "roc_auc", "reference"), 1e-12);
        assertEquals(List.of("region", "model_version"), vm.segmentColumns());
        assertEquals("region", vm.segmentColumnProperty().get());
    }

    /** The hand-computed counts of the class comment as a matrix: actual by row, predicted by column. */
    @Test
    void theConfusionMatrixOfBothSlices() {
        vm.show(snapshot(CURRENT));
        ResultGrid c = vm.confusionProperty().get();
        assertEquals(List.of("actual", "ref pred 1", "ref pred 0", "cur pred 1", "cur pred 0"), c.columns());
        assertEquals(List.of(Arrays.asList("1", 3L, 1L, 1L, 3L), Arrays.asList("0", 1L, 3L, 3L, 1L)), c.rows());
        vm.show(null);
        assertEquals(ResultGrid.EMPTY, vm.confusionProperty().get());
    }

    @Test
    void perDayAndPerSegmentTablesAreComputedOnlyWhenTheTabLoads() {
        vm.show(snapshot(CURRENT));
        assertEquals(0, runner.count("Performance"), "the side-by-side table needs no query of its own");
        assertEquals(null, cell(vm.metricsProperty().get(), "roc_auc", "current"),
                "the overview's snapshot leaves out the current slice's ROC AUC");
        assertEquals(Map.of(), vm.overTimeProperty().get());
        vm.segmentColumnProperty().set("model_version");
        assertEquals(0, runner.count("Performance"), "choosing a column before the tab loads waits too");
        vm.segmentColumnProperty().set("region");
        vm.load();
        vm.load();
        assertEquals(1, runner.count("Performance per day"));
        assertEquals(1, runner.count("Performance of the current slice"));
        // Current positives .4 .3 .7 .1 against negatives .9 .8 .6 .2: 1 + 1 + 2 + 0 of 16 pairs.
        assertEquals(4.0 / 16, (Double) cell(vm.metricsProperty().get(), "roc_auc", "current"), 1e-12);
        assertEquals(0.25, (Double) cell(vm.metricsProperty().get(), "accuracy", "current"), 1e-12);
        Map<String, Map<String, Object>> days = vm.overTimeProperty().get();
        assertEquals(List.of("2026-01-02", "2026-01-03"), List.copyOf(days.keySet()));
        assertEquals(0.0, (Double) days.get("2026-01-02").get("accuracy"), 1e-12);
        assertEquals(0.5, (Double) days.get("2026-01-03").get("accuracy"), 1e-12);
        ResultGrid seg = vm.bySegmentProperty().get();
        assertEquals(4L, cell(seg, "north", "ref rows"));
        assertEquals(0.75, (Double) cell(seg, "north", "ref accuracy"), 1e-12);
        assertEquals(0.0, (Double) cell(seg, "north", "cur accuracy"), 1e-12);
        assertEquals(0.75, (Double) cell(seg, "south", "ref accuracy"), 1e-12);
        assertEquals(0.5, (Double) cell(seg, "south", "cur accuracy"), 1e-12);
        assertEquals("", vm.stateProperty().get());

        vm.segmentColumnProperty().set("model_version");
        assertEquals(2, runner.count("Performance per day"), "another column, once loaded, recomputes");
        // Current v2 (even ids): 10 (.8,0), 12 (.3,1), 14 (.6,0), 16 (.1,1) all wrong; v1: 9 (.9,0) and 11 (.4,1)
        // wrong, 13 (.7,1) and 15 (.2,0) right.
        assertEquals(0.0, (Double) cell(vm.bySegmentProperty().get(), "v2", "cur accuracy"), 1e-12);
        assertEquals(0.5, (Double) cell(vm.bySegmentProperty().get(), "v1", "cur accuracy"), 1e-12);
    }

    @Test
    void theSegmentTableExportsAsCsv() {
        vm.show(snapshot(CURRENT));
        vm.load();
        String[] lines = Csv.of(vm.bySegmentProperty().get()).split("\n");
        assertEquals("region,ref rows,cur rows,ref labeled,cur labeled,ref accuracy,cur accuracy,ref precision,"
                + "cur precision,ref recall,cur recall,ref f1,cur f1,ref roc_auc,cur roc_auc", lines[0]);
        assertTrue(lines[1].startsWith("north,4,4,4,4,0.75,0.0,"), lines[1]);
        assertEquals(3, lines.length);
    }

    @Test
    void tablesOfAnOlderSliceAreDropped() {
        vm.show(snapshot(CURRENT));
        runner.hold();
        vm.load();
        vm.show(snapshot("id > 12"));
        vm.load();
        List<SyncRunner.Submission> tables = runner.submissions().stream()
                .filter(t -> t.title().startsWith("Performance per day")).toList();
        assertTrue(tables.get(0).cancelled());
        tables.get(1).complete();
        tables.get(0).complete(); // the older slice's tables arrive last
        assertEquals(List.of("2026-01-03"), List.copyOf(vm.overTimeProperty().get().keySet()));
        assertEquals(List.of("south", "north"),
                vm.bySegmentProperty().get().rows().stream().map(r -> r.get(0)).toList(),
                "the current slice's segments first, then the reference's");
    }

    @Test
    void aFailureIsShownAsOneLine() throws Exception {
        vm.show(snapshot(CURRENT));
        TestWorkspaces.drop(ws, "p");
        vm.load();
        String state = vm.stateProperty().get();
        assertTrue(state.startsWith("Failed: "), state);
        assertFalse(state.contains("\n"), state);
        assertEquals(Map.of(), vm.overTimeProperty().get());
    }
}
