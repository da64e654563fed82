package org.inquest.analysis.calibration;

/** One non-empty bin of the reliability diagram. */
public record CalibrationBin(double lower, double upper, long count, double meanPredicted, double fractionPositive) {
    public double gap() {
        return Math.abs(fractionPositive - meanPredicted);
    }
}
