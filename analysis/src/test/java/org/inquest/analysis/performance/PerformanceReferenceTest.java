package org.inquest.analysis.performance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.inquest.analysis.Fixtures;
import org.inquest.analysis.slice.Slice;
import org.inquest.connectors.catalog.ColumnRole;
import org.inquest.connectors.catalog.TableInfo;
import org.inquest.connectors.workspace.Workspace;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every model-quality metric against scikit-learn's values for the committed fixtures. */
class PerformanceReferenceTest {
    static final double TOL = 1e-12;
    static final JsonNode EXPECTED = Fixtures.expected();

    @TempDir
    Path dir;
    Workspace workspace;
    PerformanceAnalyzer analyzer;

    @BeforeEach
    void open() {
        workspace = Workspace.open(dir.resolve("w.duckdb"));
        analyzer = new PerformanceAnalyzer(workspace.connection());
    }

    @AfterEach
    void close() {
        workspace.close();
    }

    private TableInfo binary(boolean predictionColumn) {
        return Fixtures.load(workspace, "binary", "binary.csv", predictionColumn
                ? Map.of("id", ColumnRole.ID, "score", ColumnRole.SCORE, "label", ColumnRole.LABEL,
                        "prediction", ColumnRole.PREDICTION, "latency_ms", ColumnRole.LATENCY_MS)
                : Map.of("id", ColumnRole.ID, "score", ColumnRole.SCORE, "label", ColumnRole.LABEL,
                        "latency_ms", ColumnRole.LATENCY_MS));
    }

    @Test
    void binaryMetricsWithTheDefaultThresholdMatchSklearn() {
        assertBinary(EXPECTED.get("binary_threshold_0_5"), binary(false), 0.5);
    }

    @Test
    void theThresholdDecidesThePredictedLabelWhenThereIsNoPredictionColumn() {
        assertBinary(EXPECTED.get("binary_threshold_0_3"), binary(false), 0.3);
    }

    @Test
    void aPredictionColumnWinsOverTheThreshold() {
        assertBinary(EXPECTED.get("binary_prediction_column"), binary(true), 0.5);
    }

    private void assertBinary(JsonNode e, TableInfo table, double threshold) {
        ModelColumns columns = ModelColumns.of(table);
        Slice slice = Slice.whole(table);
        assertEquals(TaskKind.BINARY, new TaskDetector(workspace.connection()).detect(List.of(slice), columns));
        ClassificationMetrics m = (ClassificationMetrics) analyzer.analyze(slice, columns, TaskKind.BINARY, threshold);
        assertEquals(e.get("rows").asLong(), m.rows());
        assertEquals(e.get("labeled").asLong(), m.labeled());
        assertEquals(e.get("accuracy").asDouble(), m.accuracy(), TOL);
        assertEquals(e.get("precision").asDouble(), m.precision(), TOL);
        assertEquals(e.get("recall").asDouble(), m.recall(), TOL);
        assertEquals(e.get("f1").asDouble(), m.f1(), TOL);
        assertEquals(e.get("roc_auc").asDouble(), m.rocAuc(), TOL);
        assertEquals(e.get("log_loss").asDouble(), m.logLoss(), 1e-10);
        assertEquals(e.get("brier").asDouble(), m.brier(), 1e-10);
        JsonNode c = e.get("confusion");
        assertEquals(new Confusion(c.get("tp").asLong(), c.get("fp").asLong(), c.get("tn").asLong(),
                c.get("fn").asLong()), m.confusion());
    }

    @Test
    void withoutSortingEveryMetricButRocAucIsTheFullAnalysis() {
        TableInfo table = binary(false);
        ModelColumns columns = ModelColumns.of(table);
        Slice slice = Slice.whole(table);
        ClassificationMetrics full = (ClassificationMetrics) analyzer.analyze(slice, columns, TaskKind.BINARY, 0.5);
        ClassificationMetrics counted = (ClassificationMetrics) analyzer.analyzeWithoutSorting(slice, columns,
                TaskKind.BINARY, 0.5);
        assertNotNull(full.rocAuc());
        assertNull(counted.rocAuc());
        // Counts and the ratios of counts are exact; log loss and Brier are sums of doubles that DuckDB's threads
        // add in an order of their own, so two queries may differ in the last bits.
        assertEquals(new ClassificationMetrics(full.rows(), full.labeled(), full.accuracy(), full.precision(),
                full.recall(), full.f1(), null, null, null, full.confusion()), new ClassificationMetrics(
                counted.rows(), counted.labeled(), counted.accuracy(), counted.precision(), counted.recall(),
                counted.f1(), null, null, null, counted.confusion()));
        assertEquals(full.logLoss(), counted.logLoss(), TOL);
        assertEquals(full.brier(), counted.brier(), TOL);
    }

    @Test
    void groupedMetricsAddUpToTheWholeAndMatchEachGroupFilteredAlone() {
        TableInfo table = binary(false);
        ModelColumns columns = ModelColumns.of(table);
        Map<String, PerformanceMetrics> byGroup = analyzer.analyze(Slice.whole(table), columns, TaskKind.BINARY,
                0.5, Grouping.byColumn("grp"));
        assertEquals(List.of("A", "B", "C"), List.copyOf(byGroup.keySet()));
        long rows = byGroup.values().stream().mapToLong(PerformanceMetrics::rows).sum();
        assertEquals(EXPECTED.get("binary_threshold_0_5").get("rows").asLong(), rows);
        // Each group's accuracy equals fairness's per-group accuracy computed by numpy.
        for (JsonNode g : EXPECTED.get("fairness_grp").get("groups")) {
            ClassificationMetrics m = (ClassificationMetrics) byGroup.get(g.get("group").asText());
            assertEquals(g.get("accuracy").asDouble(), m.accuracy(), TOL);
            assertEquals(g.get("rows").asLong(), m.labeled());
        }
    }

    @Test
    void theWholeSliceAndEachGroupComeFromOnePassAndMatchSklearn() {
        TableInfo table = binary(false);
        PerformanceAnalyzer.WithGroups both = analyzer.analyzeWithOverall(Slice.whole(table), ModelColumns.of(table),
                TaskKind.BINARY, 0.5, Grouping.byColumn("grp"));
        JsonNode whole = EXPECTED.get("binary_threshold_0_5");
        ClassificationMetrics overall = (ClassificationMetrics) both.overall();
        assertEquals(whole.get("roc_auc").asDouble(), overall.rocAuc(), TOL);
        assertEquals(whole.get("accuracy").asDouble(), overall.accuracy(), TOL);
        assertEquals(whole.get("log_loss").asDouble(), overall.logLoss(), 1e-10);
        assertEquals(List.of("A", "B", "C"), List.copyOf(both.groups().keySet()));
        EXPECTED.get("roc_auc_by_grp").fields().forEachRemaining(e -> assertEquals(e.getValue().asDouble(),
                ((ClassificationMetrics) both.groups().get(e.getKey())).rocAuc(), TOL, e.getKey()));
        // One group holding every row (a constant key): its AUC is the overall one, sklearn's.
        PerformanceAnalyzer.WithGroups one = analyzer.analyzeWithOverall(Slice.whole(table), ModelColumns.of(table),
                TaskKind.BINARY, 0.5, new Grouping("'all'", "all"));
        assertEquals(List.of("all"), List.copyOf(one.groups().keySet()));
        assertEquals(whole.get("roc_auc").asDouble(), ((ClassificationMetrics) one.groups().get("all")).rocAuc(), TOL);
    }

    @Test
    void regressionMetricsMatchSklearn() {
        TableInfo table = Fixtures.load(workspace, "reg", "regression.csv",
                Map.of("id", ColumnRole.ID, "target", ColumnRole.LABEL, "y_pred", ColumnRole.PREDICTION));
        ModelColumns columns = ModelColumns.of(table);
        Slice slice = Slice.whole(table);
        assertEquals(TaskKind.REGRESSION, new TaskDetector(workspace.connection()).detect(List.of(slice), columns));
        RegressionMetrics m = (RegressionMetrics) analyzer.analyze(slice, columns, TaskKind.REGRESSION, 0.5);
        JsonNode e = EXPECTED.get("regression");
        assertEquals(e.get("rows").asLong(), m.rows());
        assertEquals(e.get("labeled").asLong(), m.labeled());
        assertEquals(e.get("mae").asDouble(), m.mae(), 1e-9);
        assertEquals(e.get("rmse").asDouble(), m.rmse(), 1e-9);
        assertEquals(e.get("mape").asDouble(), m.mape(), 1e-12);
        assertEquals(e.get("r2").asDouble(), m.r2(), 1e-12);
    }

    @Test
    void multiclassMetricsMatchSklearn() {
        TableInfo table = Fixtures.load(workspace, "mc", "multiclass.csv",
                Map.of("id", ColumnRole.ID, "label", ColumnRole.LABEL, "prediction", ColumnRole.PREDICTION));
        ModelColumns columns = ModelColumns.of(table);
        Slice slice = Slice.whole(table);
        assertEquals(TaskKind.MULTICLASS, new TaskDetector(workspace.connection()).detect(List.of(slice), columns));
        MulticlassMetrics m = (MulticlassMetrics) analyzer.analyze(slice, columns, TaskKind.MULTICLASS, 0.5);
        JsonNode e = EXPECTED.get("multiclass");
        assertEquals(e.get("rows").asLong(), m.rows());
        assertEquals(e.get("labeled").asLong(), m.labeled());
        assertEquals(e.get("accuracy").asDouble(), m.accuracy(), TOL);
        assertEquals(e.get("macro_f1").asDouble(), m.macroF1(), TOL);
        assertEquals(e.get("weighted_f1").asDouble(), m.weightedF1(), TOL);
        assertEquals(e.get("per_class_recall").size(), m.perClassRecall().size());
        e.get("per_class_recall").fields().forEachRemaining(entry -> {
            assertNotNull(m.perClassRecall().get(entry.getKey()), entry.getKey());
            assertEquals(entry.getValue().asDouble(), m.perClassRecall().get(entry.getKey()), TOL);
        });
    }
}
