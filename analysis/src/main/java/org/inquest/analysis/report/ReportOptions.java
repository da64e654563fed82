package org.inquest.analysis.report;

import java.util.List;
import java.util.Set;
import org.inquest.analysis.calibration.BinStrategy;
import org.inquest.analysis.drift.DriftOptions;
import org.inquest.connectors.error.UsageException;

/**
 * What a report covers and how it judges.
 *
 * @param sensitive       columns to report fairness for
 * @param threshold       the score from which a row is predicted positive when there is no prediction column
 * @param calibrationBins uniform or quantile reliability bins
 * @param redact          columns whose values appear only as pseudonyms
 * @param by              {@code hour|day|week|rows:N} windows of the current slice, or null
 * @param segmentBy       categorical columns to break model quality down by
 * @param drift           the drift options (features, method, thresholds)
 * @param command         the command line that reproduces the report, shown in it
 */
public record ReportOptions(List<String> sensitive, double threshold, BinStrategy calibrationBins, Set<String> redact,
                           String by, List<String> segmentBy, DriftOptions drift, String command) {
    public static final double DEFAULT_THRESHOLD = 0.5;

    public ReportOptions {
        sensitive = sensitive == null ? List.of() : List.copyOf(sensitive);
        redact = redact == null ? Set.of() : Set.copyOf(redact);
        segmentBy = segmentBy == null ? List.of() : List.copyOf(segmentBy);
        calibrationBins = calibrationBins == null ? BinStrategy.UNIFORM : calibrationBins;
        drift = drift == null ? DriftOptions.defaults() : drift;
        if (Double.isNaN(threshold) || threshold < 0 || threshold > 1) {
            throw new UsageException("--threshold must be in [0, 1], got " + threshold);
        }
    }

    public static ReportOptions defaults() {
        return new ReportOptions(List.of(), DEFAULT_THRESHOLD, BinStrategy.UNIFORM, Set.of(), null, List.of(), null,
                null);
    }
}
