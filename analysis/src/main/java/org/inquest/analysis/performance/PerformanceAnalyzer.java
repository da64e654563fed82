package org.inquest.analysis.performance;

import java.sql.Connection;
import java.util.LinkedHashMap;
import java.util.Map;
import org.inquest.analysis.slice.Slice;

/** Model quality of a slice, whole or per group, with the metrics that fit the task. */
public final class PerformanceAnalyzer {
    private final BinaryClassificationAnalyzer binary;
    private final MulticlassAnalyzer multiclass;
    private final RegressionAnalyzer regression;

    public PerformanceAnalyzer(Connection connection) {
        this.binary = new BinaryClassificationAnalyzer(connection);
        this.multiclass = new MulticlassAnalyzer(connection);
        this.regression = new RegressionAnalyzer(connection);
    }

    public PerformanceMetrics analyze(Slice slice, ModelColumns columns, TaskKind task, double threshold) {
        Map<String, PerformanceMetrics> one = analyze(slice, columns, task, threshold, Grouping.NONE);
        return one.isEmpty() ? empty(task) : one.values().iterator().next();
    }

    /**
     * The same metrics without those that need a sort (a binary classifier's ROC AUC is null): one scan of the
     * slice, for a view that does not show them. Multi-class and regression metrics need no sort: all of them.
     */
    public PerformanceMetrics analyzeWithoutSorting(Slice slice, ModelColumns columns, TaskKind task,
                                                    double threshold) {
        return task == TaskKind.BINARY ? binary.analyzeWithoutAuc(slice, columns, threshold)
                : analyze(slice, columns, task, threshold);
    }

    public Map<String, PerformanceMetrics> analyze(Slice slice, ModelColumns columns, TaskKind task,
                                                   double threshold, Grouping grouping) {
        return new LinkedHashMap<>(switch (task) {
            case BINARY -> binary.analyze(slice, columns, threshold, grouping);
            case MULTICLASS -> multiclass.analyze(slice, columns, grouping);
            case REGRESSION -> regression.analyze(slice, columns, grouping);
        });
    }

    /** The whole slice's metrics and each group's. */
    public record WithGroups(PerformanceMetrics overall, Map<String, PerformanceMetrics> groups) {
    }

    /**
     * The whole slice and its groups; for binary classifiers from one counting scan and one sort of the scores
     * ({@link BinaryClassificationAnalyzer#analyzeWithOverall}), for the other tasks from two queries.
     */
    public WithGroups analyzeWithOverall(Slice slice, ModelColumns columns, TaskKind task, double threshold,
                                         Grouping grouping) {
        if (task == TaskKind.BINARY) {
            BinaryClassificationAnalyzer.WithGroups both = binary.analyzeWithOverall(slice, columns, threshold,
                    grouping);
            return new WithGroups(both.overall(), new LinkedHashMap<>(both.groups()));
        }
        return new WithGroups(analyze(slice, columns, task, threshold), analyze(slice, columns, task, threshold,
                grouping));
    }

    static PerformanceMetrics empty(TaskKind task) {
        return switch (task) {
            case BINARY -> new ClassificationMetrics(0, 0, null, null, null, null, null, null, null,
                    new Confusion(0, 0, 0, 0));
            case MULTICLASS -> new MulticlassMetrics(0, 0, null, null, null, Map.of());
            case REGRESSION -> new RegressionMetrics(0, 0, null, null, null, null);
        };
    }
}
