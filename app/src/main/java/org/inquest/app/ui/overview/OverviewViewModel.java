package org.inquest.app.ui.overview;

import java.util.ArrayList;
import java.util.List;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.inquest.analysis.calibration.Calibration;
import org.inquest.analysis.latency.Latency;
import org.inquest.analysis.performance.ClassificationMetrics;
import org.inquest.analysis.performance.MulticlassMetrics;
import org.inquest.analysis.performance.PerformanceMetrics;
import org.inquest.analysis.performance.RegressionMetrics;
import org.inquest.analysis.quality.QualityAlerts;
import org.inquest.app.ui.analysis.IncidentSnapshot;
import org.inquest.app.ui.common.Format;

/**
 * The overview's cards, derived from the incident snapshot. Severity thresholds are presentation choices (see
 * ADR 0061); the numbers themselves are the engines'.
 */
public final class OverviewViewModel {
    /** Accuracy drops at or beyond these are a warning / critical. */
    static final double ACCURACY_WARN = 0.02;
    static final double ACCURACY_CRITICAL = 0.05;
    /** ECE rises at or beyond these are a warning / critical. */
    static final double ECE_WARN = 0.02;
    static final double ECE_CRITICAL = 0.05;
    /** p95 latency ratios current/reference at or beyond these are a warning / critical. */
    static final double LATENCY_WARN = 1.2;
    static final double LATENCY_CRITICAL = 1.5;

    private final ObservableList<CardModel> cards = FXCollections.observableArrayList();

    public ObservableList<CardModel> cards() {
        return cards;
    }

    public void show(IncidentSnapshot s) {
        cards.setAll(s == null ? List.of() : cardsOf(s));
    }

    public static List<CardModel> cardsOf(IncidentSnapshot s) {
        List<CardModel> out = new ArrayList<>();
        out.add(new CardModel("rows", "Rows (current)", Format.count(s.currentRows()),
                "reference " + Format.count(s.referenceRows(), "row") + " · current "
                        + Format.count(s.currentRows(), "row"), s.currentRows() == 0 ? Severity.CRITICAL : Severity.OK, "tab-quality"));
        out.add(labeled(s));
        out.add(drift(s));
        out.add(accuracy(s));
        out.add(ece(s));
        out.add(latency(s));
        out.add(quality(s));
        return out;
    }

    static long labeledOf(PerformanceMetrics m) {
        if (m instanceof ClassificationMetrics c) {
            return c.labeled();
        }
        if (m instanceof MulticlassMetrics c) {
            return c.labeled();
        }
        if (m instanceof RegressionMetrics c) {
            return c.labeled();
        }
        return 0;
    }

    static Double accuracyOf(PerformanceMetrics m) {
        if (m instanceof ClassificationMetrics c) {
            return c.accuracy();
        }
        if (m instanceof MulticlassMetrics c) {
            return c.accuracy();
        }
        return null;
    }

    private static CardModel labeled(IncidentSnapshot s) {
        long labeled = labeledOf(s.currentPerformance());
        Double share = s.currentRows() == 0 ? null : (double) labeled / s.currentRows();
        Severity sev = share == null ? Severity.UNKNOWN : share < 0.1 ? Severity.CRITICAL
                : share < 0.5 ? Severity.WARNING : Severity.OK;
        return new CardModel("labeled", "Labeled share (current)", Format.percent(share, 1),
                Format.count(labeled) + " of " + Format.count(s.currentRows())
                        + " current rows have ground truth; quality metrics use only those", sev, "tab-performance");
    }

    private static CardModel drift(IncidentSnapshot s) {
        var d = s.drift();
        if (d == null || d.features().isEmpty()) {
            return new CardModel("drift", "Drift share", Format.NONE, "no feature present in both slices",
                    Severity.UNKNOWN, "tab-drift");
        }
        Severity sev = d.datasetDrift() ? Severity.CRITICAL : d.driftedCount() > 0 ? Severity.WARNING : Severity.OK;
        String worst = d.features().stream().filter(f -> f.drifted() && f.statistic() != null)
                .map(f -> f.name()).limit(3).reduce((a, b) -> a + ", " + b).orElse("none");
        return new CardModel("drift", "Drift share", Format.percent(d.driftShare(), 1), d.driftedCount() + " of "
                + Format.count(d.features().size(), "feature") + " drifted (dataset drift at " + Format.percent(d.driftShareThreshold(), 0)
                + "): " + worst, sev, "tab-drift");
    }

    private static CardModel accuracy(IncidentSnapshot s) {
        Double ref = accuracyOf(s.referencePerformance());
        Double cur = accuracyOf(s.currentPerformance());
        Double d = Format.delta(cur, ref);
        Severity sev = d == null ? Severity.UNKNOWN : d <= -ACCURACY_CRITICAL ? Severity.CRITICAL
                : d <= -ACCURACY_WARN ? Severity.WARNING : Severity.OK;
        String detail = d == null ? "needs labels and predictions in both slices"
                : "accuracy " + Format.number(ref, 4) + " → " + Format.number(cur, 4) + " on labeled rows";
        return new CardModel("accuracy", "Accuracy Δ", Format.signedPoints(d, 1), detail, sev, "tab-performance");
    }

    private static CardModel ece(IncidentSnapshot s) {
        Calibration ref = s.referenceCalibration();
        Calibration cur = s.currentCalibration();
        Double d = ref == null || cur == null ? null : Format.delta(cur.ece(), ref.ece());
        Severity sev = d == null ? Severity.UNKNOWN : d >= ECE_CRITICAL ? Severity.CRITICAL
                : d >= ECE_WARN ? Severity.WARNING : Severity.OK;
        String detail = d == null ? "needs scores and labels in both slices"
                : "expected calibration error " + Format.number(ref.ece(), 4) + " → " + Format.number(cur.ece(), 4)
                        + (d >= ECE_WARN ? ": scores are less trustworthy" : "");
        return new CardModel("ece", "ECE Δ", Format.signed(d, 4), detail, sev, "tab-calibration");
    }

    private static CardModel quality(IncidentSnapshot s) {
        QualityAlerts q = s.qualityAlerts() != null ? s.qualityAlerts()
                : s.quality() != null ? QualityAlerts.of(s.quality()) : null;
        if (q == null) {
            return new CardModel("quality", "Quality alerts", Format.NONE, "no data quality report", Severity.UNKNOWN,
                    "tab-quality");
        }
        long critical = q.count(org.inquest.analysis.quality.Severity.CRITICAL);
        long warning = q.count(org.inquest.analysis.quality.Severity.WARNING);
        int schema = q.missingColumns() + q.addedColumns();
        Severity sev = critical > 0 ? Severity.CRITICAL : warning > 0 || schema > 0 ? Severity.WARNING : Severity.OK;
        String worst = q.columns().stream().filter(c -> c.severity() != org.inquest.analysis.quality.Severity.OK)
                .sorted((a, b) -> b.severity().compareTo(a.severity()))
                .map(c -> c.name() + (c.findings().isEmpty() ? "" : " (" + c.findings().get(0) + ")")).findFirst()
                .orElse("no column changed beyond its thresholds");
        return new CardModel("quality", "Quality alerts", Long.toString(critical + warning), critical + " critical, "
                + Format.count(warning, "warning")
                + (schema > 0 ? ", " + Format.count(schema, "schema difference", "schema differences") : "") + ": " + worst,
                sev, "tab-quality");
    }

    private static CardModel latency(IncidentSnapshot s) {
        Latency ref = s.referenceLatency();
        Latency cur = s.currentLatency();
        Double rp = ref == null ? null : ref.p95();
        Double cp = cur == null ? null : cur.p95();
        Double d = Format.delta(cp, rp);
        Double ratio = rp == null || cp == null || rp == 0 ? null : cp / rp;
        Severity sev = ratio == null ? Severity.UNKNOWN : ratio >= LATENCY_CRITICAL ? Severity.CRITICAL
                : ratio >= LATENCY_WARN ? Severity.WARNING : Severity.OK;
        String detail = d == null ? "needs a latency_ms column in both slices"
                : "p95 " + Format.number(rp, 1) + " ms → " + Format.number(cp, 1) + " ms (×"
                        + Format.number(ratio, 2) + ")";
        return new CardModel("latency", "p95 latency Δ", d == null ? Format.NONE : Format.signed(d, 1) + " ms",
                detail, sev, "tab-performance");
    }
}
