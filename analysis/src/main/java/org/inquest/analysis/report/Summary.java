package org.inquest.analysis.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.inquest.analysis.drift.FeatureDrift;
import org.inquest.analysis.fairness.Fairness;
import org.inquest.analysis.latency.Latency;
import org.inquest.analysis.performance.ClassificationMetrics;
import org.inquest.analysis.performance.MulticlassMetrics;
import org.inquest.analysis.performance.PerformanceMetrics;
import org.inquest.analysis.performance.RegressionMetrics;
import org.inquest.analysis.quality.ColumnQuality;
import org.inquest.analysis.quality.Severity;
import org.inquest.analysis.segments.RootCause;
import org.inquest.analysis.segments.SegmentMetric;

/**
 * The report's opening: what changed, one plain sentence per finding, with a severity. The thresholds are
 * documented defaults (docs/decisions/0051): accuracy down 2 points is a warning and 5 a critical; latency p95 up
 * 20% a warning and 50% critical; ECE over 0.05 a warning and 0.1 critical; a selection-rate ratio under 0.8 (the
 * four-fifths rule) critical and a demographic parity difference over 0.1 a warning.
 */
public final class Summary {
    static final double ACCURACY_WARNING = 0.02;
    static final double ACCURACY_CRITICAL = 0.05;
    static final double LATENCY_WARNING = 1.2;
    static final double LATENCY_CRITICAL = 1.5;
    static final double ECE_WARNING = 0.05;
    static final double ECE_CRITICAL = 0.10;
    static final double PARITY_WARNING = 0.10;

    private Summary() {
    }

    public static List<Finding> of(Report r) {
        List<Finding> findings = new ArrayList<>();
        drift(r, findings);
        dataQuality(r, findings);
        quality(r, findings);
        versions(r, findings);
        calibration(r, findings);
        fairness(r, findings);
        latency(r, findings);
        for (RootCause cause : r.segments()) {
            if (!cause.top().isEmpty()) {
                findings.add(new Finding(rootCauseSeverity(cause), "segments", SegmentSentence.overall(cause)
                        + ": most explained by " + SegmentSentence.name(cause.top().get(0), r.redactor())
                        + " (" + share(cause.top().get(0).shareOfChange()) + " of the change)."));
            }
        }
        return findings;
    }

    private static void drift(Report r, List<Finding> out) {
        List<String> drifted = r.drift().features().stream().filter(FeatureDrift::drifted).map(FeatureDrift::name)
                .toList();
        int total = r.drift().features().size();
        Severity s = r.drift().datasetDrift() ? Severity.CRITICAL : drifted.isEmpty() ? Severity.OK
                : Severity.WARNING;
        String text = drifted.size() + " of " + total + " features drifted (drift share "
                + fmt(r.drift().driftShare()) + ", dataset drift at " + fmt(r.drift().driftShareThreshold()) + ")"
                + (drifted.isEmpty() ? "." : ": " + String.join(", ", drifted.subList(0, Math.min(8, drifted.size())))
                + (drifted.size() > 8 ? ", …" : "") + ".");
        out.add(new Finding(s, "drift", text));
    }

    private static void dataQuality(Report r, List<Finding> out) {
        if (r.quality() == null) {
            return;
        }
        List<ColumnQuality> flagged = r.quality().columnsAtLeast(Severity.WARNING);
        if (flagged.isEmpty()) {
            out.add(new Finding(Severity.OK, "quality", "Data quality: no column crosses a warning threshold."));
            return;
        }
        for (ColumnQuality c : flagged.subList(0, Math.min(8, flagged.size()))) {
            String detail = c.findings() == null || c.findings().isEmpty() ? "" : ": " + String.join("; ", c.findings());
            out.add(new Finding(c.severity(), "quality", "Column " + c.name() + detail + "."));
        }
        if (flagged.size() > 8) {
            out.add(new Finding(Severity.WARNING, "quality", (flagged.size() - 8)
                    + " more columns cross a quality threshold (see Data quality)."));
        }
    }

    private static void quality(Report r, List<Finding> out) {
        PerformanceMetrics ref = r.performance().reference();
        PerformanceMetrics cur = r.performance().current();
        if (cur.labeled() == 0) {
            out.add(new Finding(Severity.WARNING, "performance", "The current slice has no labels yet ("
                    + cur.rows() + " rows): model quality cannot be judged until ground truth arrives."));
            return;
        }
        if (ref instanceof RegressionMetrics a && cur instanceof RegressionMetrics b) {
            Severity s = a.mae() == null || b.mae() == null ? Severity.OK : b.mae() >= 1.5 * a.mae()
                    ? Severity.CRITICAL : b.mae() >= 1.2 * a.mae() ? Severity.WARNING : Severity.OK;
            out.add(new Finding(s, "performance", "Mean absolute error " + fmt(a.mae()) + " → " + fmt(b.mae())
                    + ", R² " + fmt(a.r2()) + " → " + fmt(b.r2()) + " (" + b.labeled() + " labeled rows)."));
            return;
        }
        Double accRef = ref.headline();
        Double accCur = cur.headline();
        Severity s = severityOfDrop(accRef, accCur);
        String text = "Accuracy " + pct(accRef) + " → " + pct(accCur) + points(accRef, accCur);
        if (ref instanceof ClassificationMetrics a && cur instanceof ClassificationMetrics b) {
            text += ", ROC AUC " + fmt(a.rocAuc()) + " → " + fmt(b.rocAuc()) + ", F1 " + fmt(a.f1()) + " → "
                    + fmt(b.f1());
        } else if (ref instanceof MulticlassMetrics a && cur instanceof MulticlassMetrics b) {
            text += ", macro F1 " + fmt(a.macroF1()) + " → " + fmt(b.macroF1());
        }
        out.add(new Finding(s, "performance", text + " (" + cur.labeled() + " of " + cur.rows()
                + " current rows labeled)."));
    }

    private static void versions(Report r, List<Finding> out) {
        if (r.performanceByVersion() == null || r.performanceByVersion().current().size() < 2) {
            return;
        }
        Map<String, PerformanceMetrics> cur = r.performanceByVersion().current();
        String best = null;
        String worst = null;
        for (Map.Entry<String, PerformanceMetrics> e : cur.entrySet()) {
            Double v = e.getValue().headline();
            if (v == null) {
                continue;
            }
            if (best == null || v > cur.get(best).headline()) {
                best = e.getKey();
            }
            if (worst == null || v < cur.get(worst).headline()) {
                worst = e.getKey();
            }
        }
        if (best == null || best.equals(worst)) {
            return;
        }
        Double b = cur.get(best).headline();
        Double w = cur.get(worst).headline();
        String metric = r.task() == org.inquest.analysis.performance.TaskKind.REGRESSION ? "R²" : "accuracy";
        out.add(new Finding(severityOfDrop(b, w), "performance", "In the current slice " + r.versionColumn() + "="
                + r.redactor().value(r.versionColumn(), worst) + " has " + metric + " " + pctOrNumber(r, w) + " against "
                + pctOrNumber(r, b) + " for " + r.versionColumn() + "=" + r.redactor().value(r.versionColumn(), best)
                + "."));
    }

    private static void calibration(Report r, List<Finding> out) {
        if (r.calibration() == null || r.calibration().current().ece() == null) {
            return;
        }
        double ece = r.calibration().current().ece();
        Severity s = ece >= ECE_CRITICAL ? Severity.CRITICAL : ece >= ECE_WARNING ? Severity.WARNING : Severity.OK;
        out.add(new Finding(s, "calibration", "Expected calibration error " + fmt(r.calibration().reference().ece())
                + " → " + fmt(ece) + " (largest bin gap " + fmt(r.calibration().current().mce()) + ")."));
    }

    private static void fairness(Report r, List<Finding> out) {
        for (Report.AttributeFairness a : r.fairness()) {
            Fairness cur = a.fairness().current();
            Severity s = cur.fourFifthsViolated() ? Severity.CRITICAL : cur.demographicParityDifference() != null
                    && cur.demographicParityDifference() > PARITY_WARNING ? Severity.WARNING : Severity.OK;
            out.add(new Finding(s, "fairness", "By " + a.attribute() + ": selection-rate ratio "
                    + fmt(a.fairness().reference().demographicParityRatio()) + " → " + fmt(cur.demographicParityRatio())
                    + (cur.fourFifthsViolated() ? " (below the four-fifths rule)" : "")
                    + ", equalized odds difference " + fmt(cur.equalizedOddsDifference()) + "."));
        }
    }

    private static void latency(Report r, List<Finding> out) {
        if (r.latency() == null) {
            return;
        }
        Latency a = r.latency().reference();
        Latency b = r.latency().current();
        if (a.p95() == null || b.p95() == null) {
            return;
        }
        double ratio = a.p95() == 0 ? 1 : b.p95() / a.p95();
        Severity s = ratio >= LATENCY_CRITICAL ? Severity.CRITICAL : ratio >= LATENCY_WARNING ? Severity.WARNING
                : Severity.OK;
        String text = "Latency p95 " + ms(a.p95()) + " → " + ms(b.p95()) + ", p99 " + ms(a.p99()) + " → "
                + ms(b.p99());
        if (a.errorRate() != null && b.errorRate() != null) {
            text += ", error rate " + pct(a.errorRate()) + " → " + pct(b.errorRate());
        }
        out.add(new Finding(s, "latency", text + "."));
    }

    private static Severity rootCauseSeverity(RootCause cause) {
        Double change = cause.change();
        if (change == null) {
            return Severity.OK;
        }
        if (cause.metric().format() == SegmentMetric.ValueFormat.PERCENT) {
            double c = Math.abs(change);
            return c >= 0.2 ? Severity.CRITICAL : c >= 0.05 ? Severity.WARNING : Severity.OK;
        }
        return Severity.WARNING;
    }

    private static Severity severityOfDrop(Double before, Double after) {
        if (before == null || after == null) {
            return Severity.OK;
        }
        double drop = before - after;
        return drop >= ACCURACY_CRITICAL ? Severity.CRITICAL : drop >= ACCURACY_WARNING ? Severity.WARNING
                : Severity.OK;
    }

    private static String points(Double a, Double b) {
        return a == null || b == null ? "" : String.format(Locale.ROOT, " (%+.1f points)", (b - a) * 100);
    }

    private static String pctOrNumber(Report r, Double v) {
        return r.task() == org.inquest.analysis.performance.TaskKind.REGRESSION ? fmt(v) : pct(v);
    }

    static String pct(Double v) {
        return v == null ? "n/a" : String.format(Locale.ROOT, "%.1f%%", v * 100);
    }

    static String share(Double v) {
        return v == null ? "n/a" : String.format(Locale.ROOT, "%.0f%%", v * 100);
    }

    static String ms(Double v) {
        return v == null ? "n/a" : String.format(Locale.ROOT, "%.1f ms", v);
    }

    static String fmt(Double v) {
        return v == null ? "n/a" : String.format(Locale.ROOT, "%.3f", v);
    }
}
