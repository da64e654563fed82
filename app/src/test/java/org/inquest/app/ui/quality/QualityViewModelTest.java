package org.inquest.app.ui.quality;

import static org.inquest.app.ui.GridRows.cell;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.inquest.app.ui.GridRows;
import org.inquest.app.ui.TestWorkspaces;
import org.inquest.app.ui.analysis.IncidentService;
import org.inquest.app.ui.analysis.IncidentSnapshot;
import org.inquest.app.ui.common.Grids;
import org.inquest.app.ui.common.ResultGrid;
import org.inquest.app.ui.slice.SliceSpec;
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
 * The data quality tab without a display, on 20 rows: reference ids 0-9 have region a/b alternating and amount
 * 0..9; current ids 10-19 have region a/b for ids 10-17 and the new category c for 18 and 19 (2 of 10 values =
 * 20% > the 10% critical threshold: CRITICAL), and amount 0..8 with a null for id 19 (null share 0% → 10%, up 10
 * points: over the 5-point warning, under the 20-point critical threshold: WARNING; 9 distinct; none outside
 * [0, 9]). The id column is an identifier: no range check although every current id is outside the reference's.
 */
class QualityViewModelTest {
    static final String REFERENCE = "id < 10";
    static final String CURRENT = "id >= 10";
    @TempDir
    Path dir;
    Workspace ws;
    SyncRunner runner;
    QualityViewModel vm;

    @BeforeEach
    void open() throws Exception {
        ws = TestWorkspaces.table(dir, "q", "SELECT i AS id, CASE WHEN i >= 18 THEN 'c' WHEN i % 2 = 0 THEN 'a'"
                + " ELSE 'b' END AS region, CASE WHEN i = 19 THEN NULL ELSE (i % 10) :: DOUBLE END AS amount"
                + " FROM range(20) t(i)",
                new ColumnInfo("id", "BIGINT", ColumnRole.ID, null),
                new ColumnInfo("region", "VARCHAR", ColumnRole.FEATURE, FeatureKind.CATEGORICAL),
                new ColumnInfo("amount", "DOUBLE", ColumnRole.FEATURE, FeatureKind.NUMERICAL));
        runner = SyncRunner.on(ws);
        vm = new QualityViewModel();
        vm.attach(runner);
    }

    @AfterEach
    void close() {
        ws.close();
    }

    @Test
    void severitiesAndCountsAreTheHandComputedOnesMostSevereFirst() {
        vm.show(TestWorkspaces.snapshot(ws, "q", REFERENCE, CURRENT));
        ResultGrid g = vm.gridProperty().get();
        assertEquals(QualityViewModel.COLUMNS, g.columns());
        assertEquals(List.of("region", "amount", "id"), GridRows.keys(g));
        assertEquals("CRITICAL", cell(g, "region", "severity"));
        assertEquals(2L, cell(g, "region", "ref distinct"));
        assertEquals(3L, cell(g, "region", "cur distinct"));
        assertEquals("c", cell(g, "region", "new categories"));
        assertEquals("WARNING", cell(g, "amount", "severity"));
        assertEquals(0.0, (Double) cell(g, "amount", "ref null share"), 1e-12);
        assertEquals(0.1, (Double) cell(g, "amount", "cur null share"), 1e-12);
        assertEquals(0.1, (Double) cell(g, "amount", "null share Δ"), 1e-12);
        assertEquals(9L, cell(g, "amount", "cur distinct"));
        assertEquals(0L, cell(g, "amount", "out of range"));
        assertEquals("OK", cell(g, "id", "severity"));
        assertTrue(vm.summaryProperty().get().startsWith("Overall: CRITICAL · 3 columns compared"),
                vm.summaryProperty().get());
    }

    @Test
    void theCsvExportHoldsTheGridsRows() throws Exception {
        vm.show(TestWorkspaces.snapshot(ws, "q", REFERENCE, CURRENT));
        Path csv = dir.resolve("quality.csv");
        Grids.writeCsv(csv, vm.gridProperty().get());
        List<String> lines = Files.readAllLines(csv);
        assertEquals(String.join(",", QualityViewModel.COLUMNS), lines.get(0));
        assertEquals(4, lines.size());
        assertTrue(lines.get(1).startsWith("region,categorical,CRITICAL,0.0,0.0,0.0,2,3,c,,critical: 1 new categor"),
                lines.get(1));
        assertTrue(lines.get(2).startsWith("amount,numerical,WARNING,0.0,0.1,0.1,10,9,,0,warning: null share up"),
                lines.get(2));
    }

    @Test
    void theFullReportIsComputedWhenShownUnlessTheSnapshotCarriesIt() {
        IncidentSnapshot grades = TestWorkspaces.snapshot(ws, "q", REFERENCE, CURRENT);
        assertEquals(null, grades.quality(), "the overview leaves the full report to this tab");
        vm.show(grades);
        assertEquals(1, runner.count("Data quality report"));
        ResultGrid computed = vm.gridProperty().get();

        IncidentSnapshot[] full = new IncidentSnapshot[1];
        runner.submit("whole snapshot", ctx -> new IncidentService().compute(ctx,
                new SliceSpec("q", REFERENCE, "q", CURRENT)), s -> full[0] = s, e -> {
                    throw new AssertionError(e);
                });
        assertNotNull(full[0].quality());
        vm.show(full[0]);
        assertEquals(1, runner.count("Data quality report"), "a snapshot with its report needs no query");
        assertEquals(computed, vm.gridProperty().get());
    }

    @Test
    void aReportOfAnOlderSnapshotIsDropped() {
        runner.hold();
        vm.show(TestWorkspaces.snapshot(ws, "q", REFERENCE, CURRENT));
        assertEquals("Computing the data quality report…", vm.summaryProperty().get());
        vm.show(TestWorkspaces.snapshot(ws, "q", REFERENCE, REFERENCE));
        assertTrue(runner.submissions().get(0).cancelled());
        runner.pending().get(1).complete();
        runner.pending().get(0).complete(); // the older report arrives last
        assertEquals("OK", cell(vm.gridProperty().get(), "region", "severity"), "the reference against itself");
        assertTrue(vm.summaryProperty().get().startsWith("Overall: OK"), vm.summaryProperty().get());
    }

    @Test
    void aFailureIsShownAsOneLine() throws Exception {
        IncidentSnapshot s = TestWorkspaces.snapshot(ws, "q", REFERENCE, CURRENT);
        TestWorkspaces.drop(ws, "q");
        vm.show(s);
        String summary = vm.summaryProperty().get();
        assertTrue(summary.startsWith("Data quality failed: "), summary);
        assertFalse(summary.contains("\n"), summary);
        assertEquals(ResultGrid.EMPTY, vm.gridProperty().get());
    }
}
