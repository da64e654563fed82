package org.inquest.analysis.quality;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.inquest.analysis.filter.ValueType;

/**
 * Grades one column: collects its findings and its worst severity against {@link QualityThresholds}. The one place
 * where a quality finding and its wording are decided, used by the full report ({@link DataQuality}) and by the
 * overview's alert count ({@link QualityAlerts}).
 */
final class QualityGrader {
    private final QualityThresholds t;
    private Severity severity = Severity.OK;
    private final List<String> findings = new ArrayList<>();

    QualityGrader(QualityThresholds thresholds) {
        this.t = thresholds;
    }

    Severity severity() {
        return severity;
    }

    List<String> findings() {
        return findings;
    }

    void raise(Severity s, String finding) {
        severity = Severity.max(severity, s);
        findings.add(s.wireName() + ": " + finding);
    }

    /** The column exists only in the current slice. */
    void added() {
        raise(Severity.WARNING, "added in the current slice (not in the reference)");
    }

    /** The column exists only in the reference slice. */
    void missing() {
        raise(Severity.CRITICAL, "missing from the current slice");
    }

    /** The column's type differs; a change within one class of values (e.g. INTEGER to BIGINT) is a warning. */
    Severity typeChanged(String referenceType, String currentType) {
        Severity s = ValueType.ofSqlType(referenceType) == ValueType.ofSqlType(currentType)
                ? Severity.WARNING : Severity.CRITICAL;
        raise(s, "type changed from " + referenceType + " to " + currentType);
        return s;
    }

    void nullShare(double referenceShare, double currentShare) {
        double change = currentShare - referenceShare;
        Severity s = QualityThresholds.grade(change, t.nullShareWarning(), t.nullShareCritical());
        if (s != Severity.OK) {
            raise(s, String.format(Locale.ROOT, "null share up %.1f points (%.1f%% -> %.1f%%)", change * 100,
                    referenceShare * 100, currentShare * 100));
        }
    }

    /** {@code currentSingleValue}: the current slice's non-null values are all one value. */
    void constant(Long referenceDistinct, boolean currentSingleValue, long currentValues) {
        if (referenceDistinct != null && referenceDistinct > 1 && currentSingleValue && currentValues > 1) {
            raise(Severity.WARNING, "constant in the current slice (the reference has " + referenceDistinct
                    + " distinct values)");
        }
    }

    /** {@code names}: the new categories, most frequent first. */
    void newCategories(long count, long rows, List<String> names, long currentValues) {
        if (count == 0) {
            return;
        }
        double share = currentValues == 0 ? 0.0 : (double) rows / currentValues;
        Severity s = QualityThresholds.grade(share, t.newCategoryShareWarning(), t.newCategoryShareCritical());
        if (s != Severity.OK) {
            raise(s, String.format(Locale.ROOT, "%d new %s in %.1f%% of current values (e.g. %s)", count,
                    count == 1 ? "category" : "categories", share * 100,
                    String.join(", ", names.stream().limit(3).map(v -> "'" + v + "'").toList())));
        }
    }

    void outOfRange(long count, double share, Object referenceMin, Object referenceMax) {
        Severity s = QualityThresholds.grade(share, t.outOfRangeShareWarning(), t.outOfRangeShareCritical());
        if (s != Severity.OK) {
            raise(s, String.format(Locale.ROOT, "%d values (%.1f%%) outside the reference range [%s, %s]", count,
                    share * 100, referenceMin, referenceMax));
        }
    }
}
