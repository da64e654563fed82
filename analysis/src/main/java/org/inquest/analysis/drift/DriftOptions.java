package org.inquest.analysis.drift;

import java.util.List;
import org.inquest.connectors.error.UsageException;

/**
 * What to compare and how to judge it.
 *
 * @param features    column names to compare, or null for every feature present in both slices
 * @param method      the method for every feature, or {@link DriftMethod#AUTO}
 * @param threshold   overrides the method's default threshold when not null
 * @param driftShare  the dataset drifts when at least this share of features drifts
 */
public record DriftOptions(List<String> features, DriftMethod method, Double threshold, double driftShare) {
    public static final double DEFAULT_DRIFT_SHARE = 0.5;

    public DriftOptions {
        features = features == null ? null : List.copyOf(features);
        method = method == null ? DriftMethod.AUTO : method;
        if (threshold != null && (threshold.isNaN() || threshold < 0)) {
            throw new UsageException("--threshold must be a number ≥ 0, got " + threshold);
        }
        if (Double.isNaN(driftShare) || driftShare < 0 || driftShare > 1) {
            throw new UsageException("--drift-share must be in [0, 1], got " + driftShare);
        }
    }

    public static DriftOptions defaults() {
        return new DriftOptions(null, DriftMethod.AUTO, null, DEFAULT_DRIFT_SHARE);
    }
}
