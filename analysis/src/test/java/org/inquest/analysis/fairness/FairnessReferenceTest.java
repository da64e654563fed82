package org.inquest.analysis.fairness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.inquest.analysis.Fixtures;
import org.inquest.analysis.performance.ModelColumns;
import org.inquest.analysis.slice.Slice;
import org.inquest.connectors.catalog.ColumnRole;
import org.inquest.connectors.catalog.TableInfo;
import org.inquest.connectors.workspace.Workspace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Per-group rates and fairlearn's between-group disparities against numpy's values. */
class FairnessReferenceTest {
    @TempDir
    Path dir;

    @Test
    void groupRatesAndDisparitiesMatchTheReference() {
        JsonNode e = Fixtures.expected().get("fairness_grp");
        try (Workspace workspace = Workspace.open(dir.resolve("w.duckdb"))) {
            TableInfo table = Fixtures.load(workspace, "binary", "binary.csv",
                    Map.of("score", ColumnRole.SCORE, "label", ColumnRole.LABEL));
            Fairness f = new FairnessAnalyzer(workspace.connection())
                    .analyze(Slice.whole(table), ModelColumns.of(table), 0.5, "grp");
            assertEquals(e.get("groups").size(), f.groups().size());
            for (int i = 0; i < f.groups().size(); i++) {
                JsonNode eg = e.get("groups").get(i);
                GroupRates g = f.groups().get(i);
                assertEquals(eg.get("group").asText(), g.group());
                assertEquals(eg.get("rows").asLong(), g.rows());
                assertEquals(eg.get("selection_rate").asDouble(), g.selectionRate(), 1e-12);
                assertEquals(eg.get("tpr").asDouble(), g.tpr(), 1e-12);
                assertEquals(eg.get("fpr").asDouble(), g.fpr(), 1e-12);
                assertEquals(eg.get("accuracy").asDouble(), g.accuracy(), 1e-12);
                assertEquals(g.rows() < 30, g.tooSmall());
            }
            assertTrue(f.groups().get(2).tooSmall(), "group C has 20 rows");
            assertEquals(e.get("demographic_parity_difference").asDouble(), f.demographicParityDifference(), 1e-12);
            assertEquals(e.get("demographic_parity_ratio").asDouble(), f.demographicParityRatio(), 1e-12);
            assertEquals(e.get("equalized_odds_difference").asDouble(), f.equalizedOddsDifference(), 1e-12);
            assertEquals(e.get("equal_opportunity_difference").asDouble(), f.equalOpportunityDifference(), 1e-12);
            assertEquals(e.get("demographic_parity_ratio").asDouble() < 0.8, f.fourFifthsViolated());
        }
    }

    @Test
    void theFourFifthsRuleFlagsASelectionRatioUnderEightyPercent() {
        Fairness fair = FairnessAnalyzer.summarize(List.of(
                new GroupRates("a", 100, 0.50, 0.8, 0.2, 0.8, false),
                new GroupRates("b", 100, 0.41, 0.7, 0.1, 0.8, false)));
        assertEquals(0.82, fair.demographicParityRatio(), 1e-12);
        assertFalse(fair.fourFifthsViolated());
        Fairness unfair = FairnessAnalyzer.summarize(List.of(
                new GroupRates("a", 100, 0.50, 0.8, 0.2, 0.8, false),
                new GroupRates("b", 100, 0.39, 0.7, 0.1, 0.8, false)));
        assertTrue(unfair.fourFifthsViolated());
        assertEquals(0.11, unfair.demographicParityDifference(), 1e-12);
        assertEquals(0.1, unfair.equalOpportunityDifference(), 1e-12);
        assertEquals(0.1, unfair.equalizedOddsDifference(), 1e-12);
    }

    @Test
    void differencesAreUndefinedNotAnErrorWhenNoRateIsDefinedInTwoGroups() {
        // One group (a slice filtered to one gender): no difference is defined.
        Fairness one = FairnessAnalyzer.summarize(List.of(new GroupRates("F", 40, 0.5, 0.6, 0.3, 0.7, false)));
        assertNull(one.demographicParityDifference());
        assertNull(one.demographicParityRatio());
        assertNull(one.equalOpportunityDifference());
        assertNull(one.equalizedOddsDifference());
        assertFalse(one.fourFifthsViolated());
        // Group a has only positives (no FPR), group b only negatives (no TPR): neither spread is defined.
        Fairness split = FairnessAnalyzer.summarize(List.of(new GroupRates("a", 40, 0.5, 0.5, null, 0.5, false),
                new GroupRates("b", 40, 0.25, null, 0.25, 0.75, false)));
        assertEquals(0.25, split.demographicParityDifference(), 1e-12);
        assertNull(split.equalizedOddsDifference());
        // Only the FPR spread is defined: equalized odds is that spread.
        Fairness fprOnly = FairnessAnalyzer.summarize(List.of(new GroupRates("a", 40, 0.5, 0.5, 0.1, 0.5, false),
                new GroupRates("b", 40, 0.25, null, 0.4, 0.75, false)));
        assertEquals(0.3, fprOnly.equalizedOddsDifference(), 1e-12);
        assertNull(fprOnly.equalOpportunityDifference());
    }
}
