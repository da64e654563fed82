package org.inquest.analysis.segments;

/**
 * A segment (or the whole slice) on one side of the comparison: rows where the metric is defined, their share of
 * the slice's such rows, the metric's value there (null when no rows) and the optional display aggregate.
 */
public record SegmentSide(long rows, double share, Double value, Double display) {
}
