package org.inquest.analysis.segments;

import java.util.List;

/**
 * The ranked explanation of one metric's change between two slices: the overall values, and the top segments that
 * push the metric in the direction of the change, ordered by what they explain beyond their size
 * ({@link Contribution#excess}; at most {@link RootCauseAnalyzer#TOP}).
 */
public record RootCause(SegmentMetric metric, SegmentSide reference, SegmentSide current, List<Contribution> top) {
    public RootCause {
        top = List.copyOf(top);
    }

    public Double change() {
        return reference.value() == null || current.value() == null ? null : current.value() - reference.value();
    }
}
