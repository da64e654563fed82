package org.inquest.analysis.performance;

/**
 * Binary classification quality of one slice (or one group of it), positive class 1. {@code rows} counts every
 * row, {@code labeled} those with ground truth; the metrics use labeled rows only (the score-based ones, AUC, log
 * loss and Brier, also need a score). Undefined values (e.g. precision with no predicted positive, AUC with one
 * class) are null.
 */
public record ClassificationMetrics(long rows, long labeled, Double accuracy, Double precision, Double recall,
                                    Double f1, Double rocAuc, Double logLoss, Double brier, Confusion confusion)
        implements PerformanceMetrics {
    @Override
    public TaskKind task() {
        return TaskKind.BINARY;
    }
}
