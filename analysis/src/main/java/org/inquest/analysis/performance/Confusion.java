package org.inquest.analysis.performance;

/** Confusion counts for the positive class 1. */
public record Confusion(long tp, long fp, long tn, long fn) {
    public long total() {
        return tp + fp + tn + fn;
    }
}
