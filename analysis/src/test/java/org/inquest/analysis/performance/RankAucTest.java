package org.inquest.analysis.performance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.inquest.analysis.Fixtures;
import org.inquest.analysis.slice.Slice;
import org.inquest.connectors.catalog.ColumnRole;
import org.inquest.connectors.catalog.TableInfo;
import org.inquest.connectors.workspace.Workspace;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * ROC AUC by rank windows (ADR 0100) on the cases the fixtures do not hold: ties across classes, a group with one
 * class, a group with no scored row, null labels and scores, and more groups than are mapped to integers. Values
 * are checked against hand computation and against the pairwise definition (each positive against each negative:
 * 1 when higher, ½ when tied), counted here in plain Java.
 */
class RankAucTest {
    @TempDir
    Path dir;
    Workspace workspace;
    BinaryClassificationAnalyzer analyzer;

    @BeforeEach
    void open() {
        workspace = Workspace.open(dir.resolve("w.duckdb"));
        analyzer = new BinaryClassificationAnalyzer(workspace.connection());
    }

    @AfterEach
    void close() {
        workspace.close();
    }

    private record Row(String group, Integer label, Double score) {
    }

    private TableInfo table(List<Row> rows) {
        return Fixtures.create(workspace, "grp VARCHAR, label INTEGER, score DOUBLE", rows.stream()
                .map(r -> new Object[] {r.group(), r.label(), r.score()}).toList(),
                Map.of("label", ColumnRole.LABEL, "score", ColumnRole.SCORE, "grp", ColumnRole.MODEL_VERSION));
    }

    /** The pairwise definition of AUC: null without both classes. */
    private static Double pairwise(List<Row> rows) {
        double wins = 0;
        long pairs = 0;
        for (Row pos : rows) {
            if (pos.label() == null || pos.score() == null || pos.label() != 1) {
                continue;
            }
            for (Row neg : rows) {
                if (neg.label() == null || neg.score() == null || neg.label() != 0) {
                    continue;
                }
                pairs++;
                wins += pos.score() > neg.score() ? 1 : pos.score().equals(neg.score()) ? 0.5 : 0;
            }
        }
        return pairs == 0 ? null : wins / pairs;
    }

    private static final List<Row> SMALL = List.of(
            // A: positives 0.5, 0.8, 0.8 against negatives 0.2, 0.5, 0.8 (ties across classes at 0.5 and 0.8):
            // 0.5 beats 0.2 and ties 0.5 (1.5), each 0.8 beats 0.2 and 0.5 and ties 0.8 (2.5): 6.5 / 9.
            new Row("A", 1, 0.5), new Row("A", 0, 0.5), new Row("A", 0, 0.2), new Row("A", 1, 0.8),
            new Row("A", 0, 0.8), new Row("A", 1, 0.8),
            // B: one class only.
            new Row("B", 1, 0.3), new Row("B", 1, 0.6),
            // C: no row with both a label and a score.
            new Row("C", null, 0.3), new Row("C", 1, null), new Row("C", null, null),
            // D: positives 0.9, 0.4 against negatives 0.1, 0.4: 2 + 1.5 = 3.5 of 4; and an unlabeled, an unscored row.
            new Row("D", 1, 0.9), new Row("D", 0, 0.1), new Row("D", 1, 0.4), new Row("D", 0, 0.4),
            new Row("D", null, 0.7), new Row("D", 0, null),
            // A group whose key is null: one tie only, 0.5 of 1.
            new Row(null, 1, 0.6), new Row(null, 0, 0.6));

    @Test
    void tiesOneClassGroupsAndUnscoredGroupsMatchHandComputation() {
        TableInfo t = table(SMALL);
        BinaryClassificationAnalyzer.WithGroups both = analyzer.analyzeWithOverall(Slice.whole(t),
                ModelColumns.of(t), 0.5, Grouping.byColumn("grp"));
        assertEquals(List.of("(null)", "A", "B", "C", "D"), List.copyOf(both.groups().keySet()));
        assertEquals(6.5 / 9, both.groups().get("A").rocAuc(), 1e-15);
        assertNull(both.groups().get("B").rocAuc());
        assertNull(both.groups().get("C").rocAuc());
        assertEquals(3, both.groups().get("C").rows());
        assertEquals(1, both.groups().get("C").labeled());
        assertEquals(3.5 / 4, both.groups().get("D").rocAuc(), 1e-15);
        assertEquals(6, both.groups().get("D").rows());
        assertEquals(0.5, both.groups().get("(null)").rocAuc(), 1e-15);
        assertEquals(pairwise(SMALL), both.overall().rocAuc(), 1e-15);
        assertEquals(SMALL.size(), both.overall().rows());
        // The whole slice alone, without groups, is the same number.
        assertEquals(pairwise(SMALL), analyzer.analyze(Slice.whole(t), ModelColumns.of(t), 0.5).rocAuc(), 1e-15);
    }

    @Test
    void groupsWithoutTheWholeSliceAndTheCountsOfEachGroup() {
        TableInfo t = table(SMALL);
        Map<String, ClassificationMetrics> groups = analyzer.analyze(Slice.whole(t), ModelColumns.of(t), 0.5,
                Grouping.byColumn("grp"));
        assertEquals(6.5 / 9, groups.get("A").rocAuc(), 1e-15);
        // D at threshold 0.5: 0.9 → tp, 0.4 (label 1) → fn, 0.1 and 0.4 (label 0) → tn; the unscored negative has
        // no predicted label and the unlabeled row no label.
        ClassificationMetrics d = groups.get("D");
        assertEquals(new Confusion(1, 0, 2, 1), d.confusion());
        assertEquals(5, d.labeled());
        assertEquals(0.75, d.accuracy(), 1e-15);
    }

    @Test
    void aSliceWithoutScoredRowsHasNoAuc() {
        TableInfo t = table(List.of(new Row("A", null, 0.4), new Row("B", 1, null)));
        BinaryClassificationAnalyzer.WithGroups both = analyzer.analyzeWithOverall(Slice.whole(t),
                ModelColumns.of(t), 0.5, Grouping.byColumn("grp"));
        assertNull(both.overall().rocAuc());
        assertNull(both.overall().logLoss());
        assertEquals(2, both.overall().rows());
        assertNull(both.groups().get("A").rocAuc());
        assertNull(both.groups().get("B").rocAuc());
    }

    @Test
    void moreGroupsThanAreMappedSortByTheTextKeyAndMatchThePairwiseDefinition() {
        Random random = new Random(7);
        List<Row> rows = new ArrayList<>();
        int groups = RankAuc.MAX_MAPPED_GROUPS + 4;
        for (int i = 0; i < 3000; i++) {
            String g = "g" + random.nextInt(groups);
            int label = random.nextDouble() < 0.3 ? 1 : 0;
            // Scores on a coarse grid so that ties within and across groups are common.
            double score = Math.min(1, Math.round((random.nextDouble() * 0.7 + label * 0.3) * 40) / 40.0);
            rows.add(new Row(g, random.nextInt(50) == 0 ? null : label, score));
        }
        TableInfo t = table(rows);
        BinaryClassificationAnalyzer.WithGroups both = analyzer.analyzeWithOverall(Slice.whole(t),
                ModelColumns.of(t), 0.5, Grouping.byColumn("grp"));
        assertEquals(groups, both.groups().size());
        Map<String, List<Row>> byGroup = new TreeMap<>();
        rows.forEach(r -> byGroup.computeIfAbsent(r.group(), k -> new ArrayList<>()).add(r));
        byGroup.forEach((g, list) -> assertEquals(pairwise(list), both.groups().get(g).rocAuc(), 1e-12, g));
        assertEquals(pairwise(rows), both.overall().rocAuc(), 1e-12);
        // Few groups take the integer-mapped sort: the same numbers.
        List<Row> few = rows.stream().filter(r -> r.group().compareTo("g2") < 0).toList();
        TableInfo f = table(few);
        BinaryClassificationAnalyzer.WithGroups mapped = analyzer.analyzeWithOverall(Slice.whole(f),
                ModelColumns.of(f), 0.5, Grouping.byColumn("grp"));
        mapped.groups().forEach((g, m) -> assertEquals(pairwise(byGroup.get(g)), m.rocAuc(), 1e-12, g));
    }

    @Test
    void theLargestGroupDerivedFromEitherClassMatchesThePairwiseDefinition() {
        // The largest group's AUC is derived through its smaller class: positives here, negatives below.
        for (double positiveShare : new double[] {0.2, 0.8}) {
            Random random = new Random(3);
            List<Row> rows = new ArrayList<>();
            for (int i = 0; i < 2000; i++) {
                String g = random.nextInt(10) < 8 ? "big" : "small";
                int label = random.nextDouble() < positiveShare ? 1 : 0;
                double score = Math.round((random.nextDouble() * 0.6 + label * (g.equals("big") ? 0.4 : 0.1)) * 50)
                        / 50.0;
                rows.add(new Row(g, label, random.nextInt(40) == 0 ? null : score));
            }
            TableInfo t = table(rows);
            BinaryClassificationAnalyzer.WithGroups both = analyzer.analyzeWithOverall(Slice.whole(t),
                    ModelColumns.of(t), 0.5, Grouping.byColumn("grp"));
            for (String g : List.of("big", "small")) {
                assertEquals(pairwise(rows.stream().filter(r -> r.group().equals(g)).toList()),
                        both.groups().get(g).rocAuc(), 1e-12, g + " at " + positiveShare);
            }
            assertEquals(pairwise(rows), both.overall().rocAuc(), 1e-12);
            // The groups alone (no whole slice) take the sort by (group, score): the same numbers.
            Map<String, ClassificationMetrics> alone = analyzer.analyze(Slice.whole(t), ModelColumns.of(t), 0.5,
                    Grouping.byColumn("grp"));
            assertEquals(both.groups().get("big").rocAuc(), alone.get("big").rocAuc(), 1e-15);
            assertEquals(both.groups().get("small").rocAuc(), alone.get("small").rocAuc(), 1e-15);
        }
    }
}
