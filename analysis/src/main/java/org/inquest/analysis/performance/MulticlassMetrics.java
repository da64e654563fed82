package org.inquest.analysis.performance;

import java.util.Map;

/**
 * Multi-class quality on labeled rows with a prediction: accuracy, macro and support-weighted F1 and the recall of
 * each class seen among labels or predictions (0 for a class that never occurs as a label, as sklearn).
 */
public record MulticlassMetrics(long rows, long labeled, Double accuracy, Double macroF1, Double weightedF1,
                                Map<String, Double> perClassRecall) implements PerformanceMetrics {
    public MulticlassMetrics {
        perClassRecall = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(perClassRecall));
    }

    @Override
    public TaskKind task() {
        return TaskKind.MULTICLASS;
    }
}
