package org.inquest.app.ui.fairness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.inquest.analysis.fairness.Fairness;
import org.inquest.analysis.fairness.GroupRates;
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
 * The fairness tab without a display. No prediction column, so a row is selected when its score is at least 0.5.
 * Reference (ids 1-9): F scores .9 .8 .2 .1 with labels 1 0 1 0 → selected 2/4 = 0.5, TPR 1/2, FPR 1/2; M scores
 * .9 .7 .6 .3 .2 with labels 1 1 0 0 1 → selected 3/5 = 0.6, TPR 2/3, FPR 1/2. Demographic parity difference
 * 0.1, ratio 0.5/0.6 (above 0.8: no four-fifths violation), equal opportunity difference 2/3 − 1/2 = 1/6.
 * Current (ids 10-17): F scores .9 .2 .2 .1 → selected 1/4; M scores .9 .8 .7 .1 → 3/4: ratio 1/3, violated.
 */
class FairnessViewModelTest {
    static final String REFERENCE = "id <= 9";
    static final String CURRENT = "id >= 10";
    @TempDir
    Path dir;
    Workspace ws;
    SyncRunner runner;
    FairnessViewModel vm;

    @BeforeEach
    void open() throws Exception {
        ws = TestWorkspaces.table(dir, "f", "SELECT id, region, gender, score :: DOUBLE AS score, label FROM (VALUES"
                + " (1, 'north', 'F', 0.9, 1), (2, 'north', 'F', 0.8, 0), (3, 'north', 'F', 0.2, 1),"
                + " (4, 'north', 'F', 0.1, 0), (5, 'north', 'M', 0.9, 1), (6, 'north', 'M', 0.7, 1),"
                + " (7, 'north', 'M', 0.6, 0), (8, 'north', 'M', 0.3, 0), (9, 'north', 'M', 0.2, 1),"
                + " (10, 'north', 'F', 0.9, 1), (11, 'north', 'F', 0.2, 1), (12, 'north', 'F', 0.2, 0),"
                + " (13, 'north', 'F', 0.1, 0), (14, 'north', 'M', 0.9, 1), (15, 'north', 'M', 0.8, 1),"
                + " (16, 'north', 'M', 0.7, 0), (17, 'north', 'M', 0.1, 0)) t(id, region, gender, score, label)",
                new ColumnInfo("id", "INTEGER", ColumnRole.ID, null),
                new ColumnInfo("region", "VARCHAR", ColumnRole.FEATURE, FeatureKind.CATEGORICAL),
                new ColumnInfo("gender", "VARCHAR", ColumnRole.FEATURE, FeatureKind.CATEGORICAL),
                new ColumnInfo("score", "DOUBLE", ColumnRole.SCORE, null),
                new ColumnInfo("label", "INTEGER", ColumnRole.LABEL, null));
        runner = SyncRunner.on(ws);
        vm = new FairnessViewModel();
        vm.attach(runner);
    }

    @AfterEach
    void close() {
        ws.close();
    }

    IncidentSnapshot snapshot(String current) {
        return TestWorkspaces.snapshot(ws, "f", REFERENCE, current);
    }

    static GroupRates group(Fairness f, String name) {
        return f.groups().stream().filter(g -> g.group().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void theSensitiveLookingColumnIsChosenAndRatesAreTheHandCountedOnes() {
        vm.show(snapshot(CURRENT));
        assertEquals(List.of("region", "gender"), vm.attributes());
        assertEquals("gender", vm.attributeProperty().get(), "gender looks sensitive; region is merely first");
        vm.load();
        Fairness ref = vm.referenceProperty().get();
        assertEquals(0.5, group(ref, "F").selectionRate(), 1e-12);
        assertEquals(0.6, group(ref, "M").selectionRate(), 1e-12);
        assertEquals(0.5, group(ref, "F").tpr(), 1e-12);
        assertEquals(2.0 / 3, group(ref, "M").tpr(), 1e-12);
        assertEquals(0.5, group(ref, "M").fpr(), 1e-12);
        assertEquals(4, group(ref, "F").rows());
        assertEquals(0.1, ref.demographicParityDifference(), 1e-12);
        assertEquals(0.5 / 0.6, ref.demographicParityRatio(), 1e-12);
        assertEquals(1.0 / 6, ref.equalOpportunityDifference(), 1e-12);
        assertFalse(ref.fourFifthsViolated());
        Fairness cur = vm.currentProperty().get();
        assertEquals(0.25, group(cur, "F").selectionRate(), 1e-12);
        assertEquals(0.75, group(cur, "M").selectionRate(), 1e-12);
        assertEquals(1.0 / 3, cur.demographicParityRatio(), 1e-12);
        assertTrue(cur.fourFifthsViolated());
        assertEquals("", vm.stateProperty().get());
    }

    @Test
    void computedOnlyWhenTheTabLoadsAndAgainWhenTheAttributeChanges() {
        vm.show(snapshot(CURRENT));
        assertEquals(0, runner.count("Fairness"), "showing the snapshot computes nothing");
        assertNull(vm.currentProperty().get());
        vm.load();
        vm.load();
        assertEquals(1, runner.count("Fairness"));
        vm.attributeProperty().set("region");
        assertEquals(1, runner.count("Fairness by region"));
        Fairness cur = vm.currentProperty().get();
        assertEquals(List.of("north"), cur.groups().stream().map(GroupRates::group).toList());
        assertNull(cur.demographicParityDifference(), "one group: no difference");
        vm.show(snapshot(CURRENT));
        assertEquals("region", vm.attributeProperty().get(), "the chosen attribute survives a new snapshot");
        assertNull(vm.currentProperty().get());
        assertEquals(2, runner.count("Fairness"));
    }

    @Test
    void ratesOfAnOlderSliceAreDropped() {
        vm.show(snapshot(CURRENT));
        runner.hold();
        vm.load();
        assertEquals("Computing fairness by gender…", vm.stateProperty().get());
        vm.show(snapshot(REFERENCE)); // current = reference
        vm.load();
        assertTrue(runner.submissions().get(0).cancelled());
        runner.pending().get(1).complete();
        runner.pending().get(0).complete(); // the older slice's rates arrive last
        assertEquals(0.5, group(vm.currentProperty().get(), "F").selectionRate(), 1e-12);
        assertEquals(0.6, group(vm.currentProperty().get(), "M").selectionRate(), 1e-12);
    }

    @Test
    void aFailureIsShownAsOneLine() throws Exception {
        vm.show(snapshot(CURRENT));
        TestWorkspaces.drop(ws, "f");
        vm.load();
        String state = vm.stateProperty().get();
        assertTrue(state.startsWith("Failed: "), state);
        assertFalse(state.contains("\n"), state);
        assertNull(vm.currentProperty().get());
    }
}
