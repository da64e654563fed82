package org.inquest.analysis.calibration;

import java.util.List;

/**
 * Calibration of a slice's scores against its labels: the non-empty bins, ECE (Σ count/N · gap) and MCE (the
 * largest gap). {@code ece} and {@code mce} are null when no labeled, scored row exists.
 */
public record Calibration(String strategy, long count, Double ece, Double mce, List<CalibrationBin> bins) {
    public Calibration {
        bins = List.copyOf(bins);
    }
}
