package org.inquest.analysis.quality;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * When a data-quality change becomes a warning or critical. Shares are fractions (0.05 = 5 percentage points for
 * null shares). A finding is raised when the measured value is strictly greater than the threshold.
 *
 * <ul>
 *   <li>null share: current share minus reference share; defaults warning 0.05, critical 0.20;</li>
 *   <li>new categories: share of the current slice's non-null values whose category the reference never had;
 *       defaults warning 0 (any), critical 0.10;</li>
 *   <li>out of range: share of the current slice's non-null values outside the reference [min, max]; defaults
 *       warning 0.01, critical 0.10.</li>
 * </ul>
 * Schema: a column missing from the current slice or changing type class (number ↔ text …) is critical; an added
 * column or a type change within a class (INTEGER → BIGINT) is a warning.
 */
public record QualityThresholds(
        @JsonProperty("null_share_warning") double nullShareWarning,
        @JsonProperty("null_share_critical") double nullShareCritical,
        @JsonProperty("new_category_share_warning") double newCategoryShareWarning,
        @JsonProperty("new_category_share_critical") double newCategoryShareCritical,
        @JsonProperty("out_of_range_share_warning") double outOfRangeShareWarning,
        @JsonProperty("out_of_range_share_critical") double outOfRangeShareCritical) {
    public static final QualityThresholds DEFAULTS = new QualityThresholds(0.05, 0.20, 0.0, 0.10, 0.01, 0.10);

    public QualityThresholds {
        check("null share", nullShareWarning, nullShareCritical);
        check("new category share", newCategoryShareWarning, newCategoryShareCritical);
        check("out-of-range share", outOfRangeShareWarning, outOfRangeShareCritical);
    }

    private static void check(String what, double warning, double critical) {
        if (!(warning >= 0 && warning <= critical && critical <= 1)) {
            throw new org.inquest.connectors.error.UsageException("invalid " + what + " thresholds: need 0 <= warning"
                    + " (" + warning + ") <= critical (" + critical + ") <= 1");
        }
    }

    /** The severity of {@code value} against a warning and a critical threshold (strictly greater raises). */
    static Severity grade(double value, double warning, double critical) {
        if (value > critical) {
            return Severity.CRITICAL;
        }
        return value > warning ? Severity.WARNING : Severity.OK;
    }
}
