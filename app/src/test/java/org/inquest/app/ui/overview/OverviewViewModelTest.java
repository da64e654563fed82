package org.inquest.app.ui.overview;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.inquest.app.ui.TestWorkspaces;
import org.inquest.app.ui.analysis.IncidentViewModel;
import org.inquest.app.ui.slice.SliceSpec;
import org.inquest.app.ui.task.DirectTaskRunner;
import org.inquest.connectors.workspace.Workspace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Overview cards on a 10-row table whose numbers are worked out by hand (see {@link TestWorkspaces#small}:
 * score = id/10, label = id % 2, predicted label = score >= 0.5, amount = 1.5 id).
 */
class OverviewViewModelTest {
    @TempDir
    Path dir;

    private Map<String, CardModel> cards(Workspace ws, String refWhere, String curWhere) {
        IncidentViewModel incident = new IncidentViewModel();
        incident.attach(new DirectTaskRunner(ws::connection));
        incident.compute(new SliceSpec("preds", refWhere, "preds", curWhere));
        assertEquals("", incident.errorProperty().get());
        assertNotNull(incident.snapshotProperty().get());
        OverviewViewModel vm = new OverviewViewModel();
        vm.show(incident.snapshotProperty().get());
        return vm.cards().stream().collect(Collectors.toMap(CardModel::id, Function.identity()));
    }

    @Test
    void cardsShowTheHandComputedNumbersWithSeverities() throws Exception {
        try (Workspace ws = TestWorkspaces.small(dir)) {
            // Reference ids 2,4,5,7: predicted 0,0,1,1 and labels 0,0,1,1 -> accuracy 1.
            // Current ids 1,3,6,8: predicted 0,0,1,1 and labels 1,1,0,0 -> accuracy 0.
            Map<String, CardModel> cards = cards(ws, "id IN (2, 4, 5, 7)", "id IN (1, 3, 6, 8)");
            assertEquals("4", cards.get("rows").value());
            assertEquals("100.0%", cards.get("labeled").value());
            assertEquals("-100.0 pp", cards.get("accuracy").value());
            assertEquals(Severity.CRITICAL, cards.get("accuracy").severity());
            // One score per bin: ECE = mean |label - score|: ref (.2+.4+.5+.3)/4 = .35, cur (.9+.7+.6+.8)/4 = .75.
            assertEquals("+0.4000", cards.get("ece").value());
            assertEquals(Severity.CRITICAL, cards.get("ece").severity());
            // amount: ref {3, 6, 7.5, 10.5} vs cur {1.5, 4.5, 9, 12}: 8 values, n <= 1000 -> KS, D = 0.25, no drift.
            assertEquals("0.0%", cards.get("drift").value());
            assertEquals(Severity.OK, cards.get("drift").severity());
            assertEquals("–", cards.get("latency").value());
            assertEquals(Severity.UNKNOWN, cards.get("latency").severity());
            assertEquals("tab-calibration", cards.get("ece").tabId());
        }
    }

    @Test
    void aDifferentFilterGivesDifferentNumbers() throws Exception {
        try (Workspace ws = TestWorkspaces.small(dir)) {
            // Reference ids 1..4: all predicted 0, labels 1,0,1,0 -> 0.5. Current ids 9,10: predicted 1, labels 1,0.
            Map<String, CardModel> cards = cards(ws, "id <= 4", "id >= 9");
            assertEquals("2", cards.get("rows").value());
            assertEquals("+0.0 pp", cards.get("accuracy").value());
            assertEquals(Severity.OK, cards.get("accuracy").severity());
        }
    }

    private static Map<String, CardModel> cardsOf(IncidentViewModel incident, String refWhere, String curWhere) {
        incident.compute(new SliceSpec("preds", refWhere, "preds", curWhere));
        assertEquals("", incident.errorProperty().get());
        OverviewViewModel vm = new OverviewViewModel();
        vm.show(incident.snapshotProperty().get());
        return vm.cards().stream().collect(Collectors.toMap(CardModel::id, Function.identity()));
    }

    @Test
    void cachedReferenceResultsServeOnlyTheirOwnReference() throws Exception {
        try (Workspace ws = TestWorkspaces.small(dir)) {
            IncidentViewModel incident = new IncidentViewModel();
            incident.attach(new DirectTaskRunner(ws::connection));
            assertEquals("-100.0 pp", cardsOf(incident, "id IN (2, 4, 5, 7)", "id IN (1, 3, 6, 8)").get("accuracy")
                    .value());
            int cached = incident.cache().size();
            assertTrue(cached > 0, "the reference's results are cached");
            // Same reference, current = the reference itself: every delta is zero.
            Map<String, CardModel> same = cardsOf(incident, "id IN (2, 4, 5, 7)", "id IN (2, 4, 5, 7)");
            assertEquals("+0.0 pp", same.get("accuracy").value());
            assertEquals("+0.0000", same.get("ece").value());
            assertEquals("0", same.get("quality").value());
            assertEquals(cached, incident.cache().size(), "nothing new computed for the same reference");
            // Another reference: its own numbers (ids 1..4 all predicted 0, labels 1,0,1,0 -> 0.5; current 9,10 -> 0.5).
            Map<String, CardModel> other = cardsOf(incident, "id <= 4", "id >= 9");
            assertEquals("2", other.get("rows").value());
            assertEquals("+0.0 pp", other.get("accuracy").value());
            incident.invalidate();
            assertEquals(0, incident.cache().size());
        }
    }
}
