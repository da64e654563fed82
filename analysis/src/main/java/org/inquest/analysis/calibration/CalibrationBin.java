package org.inquest.analysis.calibration;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * One non-empty bin of the reliability diagram. {@code sumPredicted} and {@code sumPositive} are the sums behind the
 * two means (NaN when not known), kept so that bins of groups with the same edges add up to the whole slice's.
 */
public record CalibrationBin(double lower, double upper, long count, double meanPredicted, double fractionPositive,
                             @JsonIgnore double sumPredicted, @JsonIgnore double sumPositive) {
    public CalibrationBin(double lower, double upper, long count, double meanPredicted, double fractionPositive) {
        this(lower, upper, count, meanPredicted, fractionPositive, meanPredicted * count, fractionPositive * count);
    }

    public double gap() {
        return Math.abs(fractionPositive - meanPredicted);
    }
}
