package org.inquest.app.ui.calibration;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.inquest.app.ui.TestWorkspaces;
import org.inquest.app.ui.calibration.CalibrationViewModel.Bar;
import org.inquest.app.ui.calibration.CalibrationViewModel.Bars;
import org.inquest.app.ui.calibration.CalibrationViewModel.Curve;
import org.inquest.app.ui.calibration.CalibrationViewModel.Point;
import org.inquest.connectors.catalog.ColumnInfo;
import org.inquest.connectors.catalog.ColumnRole;
import org.inquest.connectors.catalog.FeatureKind;
import org.inquest.connectors.workspace.Workspace;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The calibration tab without a display, on 8 rows with scores in the middle of uniform bins (no edge cases).
 * Reference ids 1-4: scores .15 .15 .85 .85, labels 0 1 1 1 → bin 0.1–0.2: 2 rows, fraction positive 0.5, gap
 * 0.35; bin 0.8–0.9: 2 rows, fraction 1, gap 0.15; ECE 0.5 × 0.35 + 0.5 × 0.15 = 0.25, MCE 0.35. Current ids
 * 5-8: scores .15 .15 .15 .85, all labels 0 → gaps 0.15 (3 rows) and 0.85 (1 row); ECE 0.75 × 0.15 + 0.25 × 0.85
 * = 0.325, MCE 0.85.
 */
class CalibrationViewModelTest {
    @TempDir
    Path dir;
    Workspace ws;
    final CalibrationViewModel vm = new CalibrationViewModel();

    @BeforeEach
    void open() throws Exception {
        ws = TestWorkspaces.table(dir, "c", "SELECT id, score :: DOUBLE AS score, label, 'x' AS region FROM (VALUES"
                + " (1, 0.15, 0), (2, 0.15, 1), (3, 0.85, 1), (4, 0.85, 1), (5, 0.15, 0), (6, 0.15, 0),"
                + " (7, 0.15, 0), (8, 0.85, 0)) t(id, score, label)",
                new ColumnInfo("id", "INTEGER", ColumnRole.ID, null),
                new ColumnInfo("score", "DOUBLE", ColumnRole.SCORE, null),
                new ColumnInfo("label", "INTEGER", ColumnRole.LABEL, null),
                new ColumnInfo("region", "VARCHAR", ColumnRole.FEATURE, FeatureKind.CATEGORICAL));
    }

    @AfterEach
    void close() {
        ws.close();
    }

    @Test
    void eceMceCurvesAndHistogramsAreTheHandComputedOnes() {
        vm.show(TestWorkspaces.snapshot(ws, "c", "id <= 4", "id > 4"));
        assertEquals("ECE: reference 0.2500, current 0.3250 · MCE: reference 0.3500, current 0.8500 · uniform bins,"
                + " labeled and scored rows: reference 4, current 4", vm.numbersProperty().get());
        assertEquals(List.of(new Curve("reference", List.of(new Point(0.15, 0.5), new Point(0.85, 1.0))),
                new Curve("current", List.of(new Point(0.15, 0.0), new Point(0.85, 0.0)))),
                vm.curvesProperty().get());
        assertEquals(List.of(new Bars("reference", List.of(new Bar("0.1–0.2", 0.5), new Bar("0.8–0.9", 0.5))),
                new Bars("current", List.of(new Bar("0.1–0.2", 0.75), new Bar("0.8–0.9", 0.25)))),
                vm.histogramProperty().get());
    }

    @Test
    void withoutScoresThereIsOnlyTheExplanation() throws Exception {
        TestWorkspaces.addTable(ws, "unscored", "SELECT id, 'x' AS region FROM range(4) t(id)",
                new ColumnInfo("id", "BIGINT", ColumnRole.ID, null),
                new ColumnInfo("region", "VARCHAR", ColumnRole.FEATURE, FeatureKind.CATEGORICAL));
        vm.show(TestWorkspaces.snapshot(ws, "c", "id <= 4", "id > 4"));
        vm.show(TestWorkspaces.snapshot(ws, "unscored", "id < 2", "id >= 2"));
        assertEquals("Calibration needs a score and a label column (binary classification) in a slice.",
                vm.numbersProperty().get());
        assertEquals(List.of(), vm.curvesProperty().get(), "the previous snapshot's curves are gone");
        assertEquals(List.of(), vm.histogramProperty().get());
        vm.show(null);
        assertEquals("", vm.numbersProperty().get());
    }
}
