package org.inquest.analysis.performance;

/** Ratios that are undefined (null) rather than NaN or a made-up zero when their denominator is zero. */
public final class Ratios {
    private Ratios() {
    }

    public static Double ratio(double numerator, double denominator) {
        return denominator == 0 ? null : numerator / denominator;
    }

    /** Harmonic mean of precision and recall; null when either is undefined, 0 when both are 0 (as sklearn). */
    public static Double f1(Double precision, Double recall) {
        if (precision == null || recall == null) {
            return null;
        }
        return precision + recall == 0 ? 0.0 : 2 * precision * recall / (precision + recall);
    }
}
