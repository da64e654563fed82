package org.inquest.analysis.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.inquest.analysis.calibration.Calibration;
import org.inquest.analysis.calibration.CalibrationBin;
import org.inquest.analysis.drift.DriftResult;
import org.inquest.analysis.drift.FeatureDrift;
import org.inquest.analysis.drift.FeatureHistogram;
import org.inquest.analysis.fairness.Fairness;
import org.inquest.analysis.fairness.GroupRates;
import org.inquest.analysis.latency.Latency;
import org.inquest.analysis.performance.ClassificationMetrics;
import org.inquest.analysis.performance.MulticlassMetrics;
import org.inquest.analysis.performance.PerformanceMetrics;
import org.inquest.analysis.performance.RegressionMetrics;
import org.inquest.analysis.quality.ColumnQuality;
import org.inquest.analysis.quality.ColumnStats;
import org.inquest.analysis.quality.QualityReport;
import org.inquest.analysis.quality.SchemaDifferences;
import org.inquest.analysis.report.render.Html;
import org.inquest.analysis.report.render.SvgCharts;
import org.inquest.analysis.segments.Contribution;
import org.inquest.analysis.segments.RootCause;

/**
 * The report's sections, in reading order, as format-neutral blocks: summary, inputs and lineage, data quality,
 * drift, model quality (per slice, per version, per segment, per window), calibration, fairness, latency,
 * root-cause segments, and the command that reproduces the report.
 */
public final class ReportDocument {
    /** At most this many drifted features get a histogram chart (the table lists them all). */
    static final int MAX_HISTOGRAMS = 50;
    /** Breakdown tables show at most this many rows (the JSON has every group). */
    static final int MAX_GROUP_ROWS = 40;
    /** At most this many per-version reliability diagrams. */
    static final int MAX_GROUP_CHARTS = 4;

    private ReportDocument() {
    }

    public static String title(Report r) {
        return "Inquest report: " + r.drift().current().table() + " vs " + r.drift().reference().table();
    }

    public static List<Block> of(Report r) {
        List<Block> b = new ArrayList<>();
        b.add(new Block.Heading(1, title(r)));
        List<Block.Inline> slices = new ArrayList<>(List.of(new Block.Plain("Reference: ")));
        slice(r.drift().reference(), slices);
        slices.add(new Block.Plain(". Current: "));
        slice(r.drift().current(), slices);
        slices.add(new Block.Plain(". Generated " + r.generatedAt() + (r.redactor().columns().isEmpty() ? "."
                : "; values of " + String.join(", ", r.redactor().columns()) + " are shown as pseudonyms.")));
        b.add(new Block.Text(slices));
        b.add(new Block.Heading(2, "Summary"));
        b.add(new Block.Findings(r.summary()));
        inputs(r, b);
        driftSection(r, b);
        performance(r, b);
        calibration(r, b);
        fairness(r, b);
        latency(r, b);
        segments(r, b);
        b.add(new Block.Heading(2, "Reproduce"));
        b.add(new Block.Paragraph("Run this in the directory the report was made in to produce it again"
                + (r.redactor().columns().isEmpty() ? ":" : " (filter values of redacted columns are pseudonyms here):")));
        b.add(new Block.Code(r.command() == null ? "inquest report" : r.command()));
        return b;
    }

    private static void inputs(Report r, List<Block> b) {
        b.add(new Block.Heading(2, "Inputs and lineage"));
        if (r.inputs().isEmpty()) {
            b.add(new Block.Paragraph("No import lineage is recorded for these tables (they were not created by"
                    + " inquest import)."));
            return;
        }
        List<List<String>> rows = new ArrayList<>();
        for (ImportRecord i : r.inputs()) {
            rows.add(List.of(i.table(), i.sourcePath(), i.sha256() == null ? "–" : i.sha256(),
                    i.sizeBytes() == null ? "–" : Long.toString(i.sizeBytes()), Long.toString(i.rowsAccepted()),
                    Long.toString(i.rowsQuarantined()), i.format() + " / " + i.kind(), i.importedAt()));
        }
        b.add(new Block.Table(List.of("table", "file", "SHA-256", "bytes", "rows", "quarantined", "format / kind",
                "imported at"), rows, new boolean[] {false, false, false, true, true, true, false, false}));
    }

    private static void driftSection(Report r, List<Block> b) {
        DriftResult d = r.drift();
        quality(r.quality(), b);
        b.add(new Block.Heading(2, "Drift"));
        b.add(new Block.Paragraph(d.driftedCount() + " of " + d.features().size() + " features drifted (share "
                + Html.number(d.driftShare()) + ", dataset drift at " + Html.number(d.driftShareThreshold()) + "): "
                + (d.datasetDrift() ? "dataset drift." : "no dataset drift.")));
        List<List<String>> rows = new ArrayList<>();
        for (FeatureDrift f : d.features()) {
            rows.add(List.of(f.name(), f.kind(), f.method() == null ? "–" : f.method().wireName(),
                    Html.number(f.statistic()), Html.number(f.threshold()), f.drifted() ? "yes" : "no",
                    Html.number(metric(f, "psi")), Html.number(metric(f, "jensen_shannon"))));
        }
        b.add(new Block.Table(List.of("feature", "kind", "method", "statistic", "threshold", "drifted", "PSI",
                "Jensen–Shannon"), rows, new boolean[] {false, false, false, true, true, false, true, true}));
        int charts = 0;
        for (FeatureDrift f : d.features()) {
            if (f.drifted() && f.histogram() != null && !f.histogram().reference().isEmpty()
                    && charts++ < MAX_HISTOGRAMS) {
                b.add(histogram(f));
            }
        }
        for (String w : d.warnings()) {
            b.add(new Block.Paragraph("Warning: " + w));
        }
    }

    private static void quality(QualityReport q, List<Block> b) {
        b.add(new Block.Heading(2, "Data quality"));
        if (q == null) {
            return;
        }
        b.add(new Block.Paragraph("Overall: " + q.severity().wireName() + ". Null shares, distinct values and ranges"
                + " per column; new categories are current values the reference never had; out of range counts"
                + " current values outside the reference's [min, max]."));
        List<List<String>> rows = new ArrayList<>();
        for (ColumnQuality c : q.columns()) {
            rows.add(List.of(c.name(), c.kind(), c.severity().wireName(),
                    c.reference() == null ? "–" : pct(c.reference().nullShare()),
                    c.current() == null ? "–" : pct(c.current().nullShare()),
                    c.reference() == null || c.reference().distinct() == null ? "–" : c.reference().distinct().toString(),
                    c.current() == null || c.current().distinct() == null ? "–" : c.current().distinct().toString(),
                    c.reference() == null ? "–" : range(c.reference()),
                    c.current() == null ? "–" : range(c.current()),
                    c.newCategories() == null || c.newCategories().isEmpty() ? "–"
                            : String.join(", ", c.newCategories().subList(0, Math.min(5, c.newCategories().size())))
                            + (c.newCategoryCount() != null && c.newCategoryCount() > 5 ? ", …" : ""),
                    c.outOfRange() == null ? "–" : c.outOfRange().toString(),
                    c.findings() == null ? "" : String.join("; ", c.findings())));
        }
        b.add(new Block.Table(List.of("column", "kind", "severity", "nulls (ref)", "nulls (cur)", "distinct (ref)",
                "distinct (cur)", "range (ref)", "range (cur)", "new categories", "out of range", "findings"), rows,
                new boolean[] {false, false, false, true, true, true, true, false, false, false, true, false}));
        SchemaDifferences s = q.schema();
        if (s != null && !s.isEmpty()) {
            List<List<String>> diff = new ArrayList<>();
            s.missing().forEach(c -> diff.add(List.of(c.name(), "missing in current", c.type(), "–")));
            s.added().forEach(c -> diff.add(List.of(c.name(), "added in current", "–", c.type())));
            s.typeChanged().forEach(c -> diff.add(List.of(c.name(), "type changed", c.referenceType(),
                    c.currentType())));
            b.add(new Block.Paragraph("Schema differences between the slices:"));
            b.add(new Block.Table(List.of("column", "difference", "reference type", "current type"), diff,
                    new boolean[4]));
        }
    }

    private static String range(ColumnStats s) {
        if (s.min() == null && s.max() == null) {
            return "–";
        }
        return text(s.min()) + " … " + text(s.max());
    }

    private static String text(Object v) {
        return v instanceof Double d ? Html.number(d) : String.valueOf(v);
    }

    private static Block histogram(FeatureDrift f) {
        FeatureHistogram h = f.histogram();
        int n = h.reference().size();
        double refTotal = sum(h.reference()) + (h.otherReference() == null ? 0 : h.otherReference());
        double curTotal = sum(h.current()) + (h.otherCurrent() == null ? 0 : h.otherCurrent());
        double[] ref = new double[n];
        double[] cur = new double[n];
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ref[i] = refTotal == 0 ? 0 : h.reference().get(i) / refTotal;
            cur[i] = curTotal == 0 ? 0 : h.current().get(i) / curTotal;
            labels.add(h.categories() != null ? h.categories().get(i) : binLabel(h.edges(), i));
        }
        String title = f.name() + " (share of rows per " + (h.categories() != null ? "category" : "reference decile")
                + ")";
        return new Block.Chart(SvgCharts.groupedBars(title, labels, ref, cur, 0, "%.2f"), title);
    }

    private static void performance(Report r, List<Block> b) {
        b.add(new Block.Heading(2, "Model quality"));
        b.add(new Block.Paragraph("Task: " + r.task().wireName() + (r.task().wireName().equals("binary")
                ? "; predicted positive when the score is at least " + Html.number(r.threshold())
                + " (unless a prediction column exists)" : "") + ". Unlabeled rows are left out and counted."));
        List<String> names = metricNames(r.performance().reference());
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            rows.add(List.of(names.get(i), metricValues(r.performance().reference()).get(i),
                    metricValues(r.performance().current()).get(i)));
        }
        b.add(new Block.Table(List.of("metric", "reference", "current"), rows, new boolean[] {false, true, true}));
        if (r.performanceByVersion() != null) {
            b.add(new Block.Heading(3, "Per " + r.versionColumn() + " (canary comparison)"));
            b.add(groupTable(r.versionColumn(), r.performanceByVersion(), r));
        }
        for (Report.GroupedPerformance g : r.performanceBySegment()) {
            b.add(new Block.Heading(3, "Per " + g.column()));
            b.add(groupTable(g.column(), g.groups(), r));
        }
        if (!r.windows().isEmpty()) {
            b.add(new Block.Heading(3, "Per window of the current slice"));
            List<String> header = new ArrayList<>(List.of("start", "end"));
            header.addAll(metricNames(r.performance().current()));
            header.add("latency p95");
            List<List<String>> wr = new ArrayList<>();
            for (Report.WindowQuality w : r.windows()) {
                List<String> row = new ArrayList<>(List.of(w.start(), w.end()));
                row.addAll(metricValues(w.performance()));
                row.add(w.latency() == null ? "–" : Html.number(w.latency().p95()));
                wr.add(row);
            }
            b.add(new Block.Table(header, wr, numericAfter(2, header.size())));
        }
    }

    private static Block groupTable(String column, SidePair<Map<String, PerformanceMetrics>> groups, Report r) {
        List<String> header = new ArrayList<>(List.of(column, "slice"));
        header.addAll(metricNames(r.performance().reference()));
        List<List<String>> rows = new ArrayList<>();
        for (String side : List.of("reference", "current")) {
            Map<String, PerformanceMetrics> m = side.equals("reference") ? groups.reference() : groups.current();
            m.forEach((key, metrics) -> {
                List<String> row = new ArrayList<>(List.of(r.redactor().value(column, key), side));
                row.addAll(metricValues(metrics));
                rows.add(row);
            });
        }
        return new Block.Table(header, rows, numericAfter(2, header.size()));
    }

    private static List<String> metricNames(PerformanceMetrics m) {
        if (m instanceof ClassificationMetrics) {
            return List.of("rows", "labeled", "accuracy", "precision", "recall", "F1", "ROC AUC", "log loss",
                    "Brier", "TP / FP / TN / FN");
        }
        if (m instanceof MulticlassMetrics) {
            return List.of("rows", "labeled", "accuracy", "macro F1", "weighted F1");
        }
        return List.of("rows", "labeled", "MAE", "RMSE", "MAPE", "R²");
    }

    private static List<String> metricValues(PerformanceMetrics m) {
        List<String> v = new ArrayList<>(List.of(Long.toString(m.rows()), Long.toString(m.labeled())));
        if (m instanceof ClassificationMetrics c) {
            v.addAll(List.of(Html.number(c.accuracy()), Html.number(c.precision()), Html.number(c.recall()),
                    Html.number(c.f1()), Html.number(c.rocAuc()), Html.number(c.logLoss()), Html.number(c.brier()),
                    c.confusion().tp() + " / " + c.confusion().fp() + " / " + c.confusion().tn() + " / "
                            + c.confusion().fn()));
        } else if (m instanceof MulticlassMetrics c) {
            v.addAll(List.of(Html.number(c.accuracy()), Html.number(c.macroF1()), Html.number(c.weightedF1())));
        } else if (m instanceof RegressionMetrics g) {
            v.addAll(List.of(Html.number(g.mae()), Html.number(g.rmse()), Html.number(g.mape()), Html.number(g.r2())));
        }
        return v;
    }

    private static void calibration(Report r, List<Block> b) {
        if (r.calibration() == null) {
            return;
        }
        Calibration ref = r.calibration().reference();
        Calibration cur = r.calibration().current();
        b.add(new Block.Heading(2, "Calibration"));
        b.add(new Block.Paragraph("Reliability bins (" + ref.strategy() + "): ECE " + Html.number(ref.ece()) + " → "
                + Html.number(cur.ece()) + ", MCE " + Html.number(ref.mce()) + " → " + Html.number(cur.mce()) + "."));
        b.add(new Block.Chart(SvgCharts.reliability("Reliability diagram", points(ref), points(cur)),
                "Reliability diagram"));
        List<List<String>> rows = new ArrayList<>();
        for (String side : List.of("reference", "current")) {
            for (CalibrationBin bin : (side.equals("reference") ? ref : cur).bins()) {
                rows.add(List.of(side, "(" + Html.number(bin.lower()) + ", " + Html.number(bin.upper()) + "]",
                        Long.toString(bin.count()), Html.number(bin.meanPredicted()),
                        Html.number(bin.fractionPositive())));
            }
        }
        b.add(new Block.Table(List.of("slice", "bin", "count", "mean predicted", "fraction positive"), rows,
                new boolean[] {false, false, true, true, true}));
        if (r.calibrationByVersion() != null) {
            b.add(new Block.Heading(3, "Per " + r.versionColumn() + " (canary comparison)"));
            calibrationGroups(r, b, r.versionColumn(), r.calibrationByVersion());
            int charts = 0;
            for (Map.Entry<String, Calibration> v : r.calibrationByVersion().current().entrySet()) {
                if (charts++ < MAX_GROUP_CHARTS) {
                    Calibration before = r.calibrationByVersion().reference().get(v.getKey());
                    String title = "Reliability diagram, " + r.versionColumn() + " "
                            + r.redactor().value(r.versionColumn(), v.getKey());
                    b.add(new Block.Chart(SvgCharts.reliability(title, before == null ? new double[0][]
                            : points(before), points(v.getValue())), title));
                }
            }
        }
        for (Report.GroupedPerformance g : r.performanceBySegment()) {
            if (g.calibration() != null) {
                b.add(new Block.Heading(3, "Per " + g.column()));
                calibrationGroups(r, b, g.column(), g.calibration());
            }
        }
        List<List<String>> windows = new ArrayList<>();
        for (Report.WindowQuality w : r.windows()) {
            if (w.calibration() != null) {
                List<String> row = new ArrayList<>(List.of(w.start(), w.end()));
                row.addAll(calibrationCells(w.calibration()));
                windows.add(row);
            }
        }
        if (!windows.isEmpty()) {
            b.add(new Block.Heading(3, "Per window of the current slice"));
            b.add(new Block.Table(List.of("start", "end", "scored rows", "ECE", "MCE", WORST_BIN), windows,
                    new boolean[] {false, false, true, true, true, false}));
        }
    }

    private static final String WORST_BIN = "largest gap: bin, predicted → observed";

    /** One row per group and side: scored rows, ECE, MCE and the bin with the largest gap (all bins in the JSON). */
    private static void calibrationGroups(Report r, List<Block> b, String column,
                                          SidePair<Map<String, Calibration>> groups) {
        List<List<String>> rows = new ArrayList<>();
        for (String side : List.of("reference", "current")) {
            Map<String, Calibration> m = side.equals("reference") ? groups.reference() : groups.current();
            m.forEach((key, c) -> {
                List<String> row = new ArrayList<>(List.of(r.redactor().value(column, key), side));
                row.addAll(calibrationCells(c));
                rows.add(row);
            });
        }
        cappedTable(b, List.of(column, "slice", "scored rows", "ECE", "MCE", WORST_BIN), rows,
                new boolean[] {false, false, true, true, true, false});
    }

    private static List<String> calibrationCells(Calibration c) {
        CalibrationBin worst = null;
        for (CalibrationBin bin : c.bins()) {
            if (worst == null || bin.gap() > worst.gap()) {
                worst = bin;
            }
        }
        return List.of(Long.toString(c.count()), Html.number(c.ece()), Html.number(c.mce()), worst == null ? "–"
                : "(" + Html.number(worst.lower()) + ", " + Html.number(worst.upper()) + "]: "
                + Html.number(worst.meanPredicted()) + " → " + Html.number(worst.fractionPositive()));
    }

    /** At most {@link #MAX_GROUP_ROWS} rows, saying how many more the JSON holds, so the HTML stays small. */
    private static void cappedTable(List<Block> b, List<String> header, List<List<String>> rows, boolean[] numeric) {
        b.add(new Block.Table(header, rows.size() > MAX_GROUP_ROWS ? rows.subList(0, MAX_GROUP_ROWS) : rows,
                numeric));
        if (rows.size() > MAX_GROUP_ROWS) {
            b.add(new Block.Paragraph("First " + MAX_GROUP_ROWS + " of " + rows.size() + " rows; the JSON report"
                    + " has them all."));
        }
    }

    private static double[][] points(Calibration c) {
        return c.bins().stream().map(bin -> new double[] {bin.meanPredicted(), bin.fractionPositive()})
                .toArray(double[][]::new);
    }

    private static void fairness(Report r, List<Block> b) {
        if (r.fairness().isEmpty()) {
            return;
        }
        b.add(new Block.Heading(2, "Fairness"));
        for (Report.AttributeFairness a : r.fairness()) {
            b.add(new Block.Heading(3, "By " + a.attribute()));
            List<List<String>> rows = new ArrayList<>();
            for (String side : List.of("reference", "current")) {
                Fairness f = side.equals("reference") ? a.fairness().reference() : a.fairness().current();
                for (GroupRates g : f.groups()) {
                    rows.add(List.of(r.redactor().value(a.attribute(), g.group()), side, Long.toString(g.rows()),
                            Html.number(g.selectionRate()), Html.number(g.tpr()), Html.number(g.fpr()),
                            Html.number(g.accuracy()), g.tooSmall() ? "too small (< 30 labeled rows)" : ""));
                }
            }
            b.add(new Block.Table(List.of(a.attribute(), "slice", "labeled rows", "selection rate", "TPR", "FPR",
                    "accuracy", "note"), rows, new boolean[] {false, false, true, true, true, true, true, false}));
            List<List<String>> summary = new ArrayList<>();
            Fairness ref = a.fairness().reference();
            Fairness cur = a.fairness().current();
            summary.add(List.of("demographic parity difference", Html.number(ref.demographicParityDifference()),
                    Html.number(cur.demographicParityDifference())));
            summary.add(List.of("demographic parity ratio", Html.number(ref.demographicParityRatio()),
                    Html.number(cur.demographicParityRatio())));
            summary.add(List.of("equalized odds difference", Html.number(ref.equalizedOddsDifference()),
                    Html.number(cur.equalizedOddsDifference())));
            summary.add(List.of("equal opportunity difference", Html.number(ref.equalOpportunityDifference()),
                    Html.number(cur.equalOpportunityDifference())));
            summary.add(List.of("four-fifths rule", ref.fourFifthsViolated() ? "violated" : "met",
                    cur.fourFifthsViolated() ? "violated" : "met"));
            b.add(new Block.Table(List.of("measure", "reference", "current"), summary,
                    new boolean[] {false, true, true}));
            List<String> groups = new ArrayList<>();
            List<Double> refRates = new ArrayList<>();
            List<Double> curRates = new ArrayList<>();
            for (GroupRates g : cur.groups()) {
                groups.add(r.redactor().value(a.attribute(), g.group()));
                curRates.add(g.selectionRate() == null ? 0 : g.selectionRate());
                refRates.add(ref.groups().stream().filter(x -> x.group().equals(g.group())).findFirst()
                        .map(x -> x.selectionRate() == null ? 0.0 : x.selectionRate()).orElse(0.0));
            }
            String title = "Selection rate by " + a.attribute();
            b.add(new Block.Chart(SvgCharts.groupedBars(title, groups, unbox(refRates), unbox(curRates), 0, "%.2f"),
                    title));
            if (a.byVersion() != null || !a.bySegment().isEmpty() || !a.windows().isEmpty()) {
                b.add(new Block.Paragraph("The same measures within each group below (DP: demographic parity, EO:"
                        + " equalized odds, EOpp: equal opportunity; labeled rows only; a group under 30 labeled"
                        + " rows is too small to act on)."));
            }
            if (a.byVersion() != null) {
                b.add(new Block.Heading(4, "By " + a.attribute() + ", per " + r.versionColumn()
                        + " (canary comparison)"));
                fairnessGroups(r, b, a.attribute(), r.versionColumn(), a.byVersion());
            }
            for (Report.GroupedFairness g : a.bySegment()) {
                b.add(new Block.Heading(4, "By " + a.attribute() + ", within each " + g.column()));
                fairnessGroups(r, b, a.attribute(), g.column(), g.groups());
            }
            if (!a.windows().isEmpty()) {
                b.add(new Block.Heading(4, "By " + a.attribute() + ", per window of the current slice"));
                List<List<String>> windows = new ArrayList<>();
                for (Report.WindowFairness w : a.windows()) {
                    List<String> row = new ArrayList<>(List.of(w.start(), w.end()));
                    row.addAll(disparityCells(w.fairness()));
                    windows.add(row);
                }
                b.add(new Block.Table(List.of("start", "end", "DP difference", "DP ratio", "EO difference",
                        "EOpp difference", "four-fifths", "too small"), windows,
                        new boolean[] {false, false, true, true, true, true, false, false}));
            }
        }
    }

    /**
     * The attribute's disparities within each group of {@code column} (one row per group and side), then its
     * per-group rates there; both capped, every row in the JSON.
     */
    private static void fairnessGroups(Report r, List<Block> b, String attribute, String column,
                                       SidePair<Map<String, Fairness>> groups) {
        List<List<String>> summary = new ArrayList<>();
        List<List<String>> rates = new ArrayList<>();
        for (String side : List.of("reference", "current")) {
            Map<String, Fairness> m = side.equals("reference") ? groups.reference() : groups.current();
            m.forEach((key, f) -> {
                String name = r.redactor().value(column, key);
                List<String> row = new ArrayList<>(List.of(name, side));
                row.addAll(disparityCells(f));
                summary.add(row);
                for (GroupRates g : f.groups()) {
                    rates.add(List.of(name, r.redactor().value(attribute, g.group()), side, Long.toString(g.rows()),
                            Html.number(g.selectionRate()), Html.number(g.tpr()), Html.number(g.fpr()),
                            Html.number(g.accuracy()), g.tooSmall() ? "too small" : ""));
                }
            });
        }
        cappedTable(b, List.of(column, "slice", "DP difference", "DP ratio", "EO difference", "EOpp difference",
                "four-fifths", "too small"), summary, new boolean[] {false, false, true, true, true, true, false, false});
        cappedTable(b, List.of(column, attribute, "slice", "labeled rows", "selection rate", "TPR", "FPR", "accuracy",
                "note"), rates, new boolean[] {false, false, false, true, true, true, true, true, false});
    }

    /** Demographic parity difference and ratio, equalized odds and equal opportunity differences, the rule, small groups. */
    private static List<String> disparityCells(Fairness f) {
        long small = f.groups().stream().filter(GroupRates::tooSmall).count();
        return List.of(Html.number(f.demographicParityDifference()), Html.number(f.demographicParityRatio()),
                Html.number(f.equalizedOddsDifference()), Html.number(f.equalOpportunityDifference()),
                f.demographicParityRatio() == null ? "–" : f.fourFifthsViolated() ? "violated" : "met",
                small == 0 ? "" : small + " of " + f.groups().size() + " groups");
    }

    private static void latency(Report r, List<Block> b) {
        if (r.latency() == null) {
            return;
        }
        b.add(new Block.Heading(2, "Latency"));
        List<String> header = List.of("slice", "requests", "p50 ms", "p95 ms", "p99 ms", "mean ms", "max ms",
                "error rate");
        List<List<String>> rows = new ArrayList<>();
        rows.add(latencyRow("reference", r.latency().reference()));
        rows.add(latencyRow("current", r.latency().current()));
        b.add(new Block.Table(header, rows, numericAfter(1, header.size())));
        if (r.latencyByVersion() != null) {
            latencyGroups(r, b, r.versionColumn(), r.latencyByVersion(), header);
        }
        for (Report.GroupedPerformance g : r.performanceBySegment()) {
            if (g.latency() != null) {
                latencyGroups(r, b, g.column(), g.latency(), header);
            }
        }
    }

    /** One row per group and side under "Per COLUMN" (values of a redacted column as pseudonyms). */
    private static void latencyGroups(Report r, List<Block> b, String column, SidePair<Map<String, Latency>> groups,
                                      List<String> header) {
        List<String> vh = new ArrayList<>(List.of(column));
        vh.addAll(header);
        List<List<String>> vr = new ArrayList<>();
        for (String side : List.of("reference", "current")) {
            Map<String, Latency> m = side.equals("reference") ? groups.reference() : groups.current();
            m.forEach((k, l) -> {
                List<String> row = new ArrayList<>(List.of(r.redactor().value(column, k)));
                row.addAll(latencyRow(side, l));
                vr.add(row);
            });
        }
        b.add(new Block.Heading(3, "Per " + column));
        b.add(new Block.Table(vh, vr, numericAfter(2, vh.size())));
    }

    private static List<String> latencyRow(String side, Latency l) {
        return List.of(side, Long.toString(l.measured()), Html.number(l.p50()), Html.number(l.p95()),
                Html.number(l.p99()), Html.number(l.mean()), Html.number(l.max()),
                l.errorRate() == null ? "–" : pct(l.errorRate()));
    }

    private static void segments(Report r, List<Block> b) {
        b.add(new Block.Heading(2, "Root cause: which segments explain the change"));
        if (r.segments().isEmpty()) {
            b.add(new Block.Paragraph("No categorical column with at most 100 values and no numerical feature to cut"
                    + " segments from."));
            return;
        }
        b.add(new Block.Paragraph("Segments (one column = value or a numerical feature's range between reference"
                + " deciles, or two of them) ranked by their contribution to each metric's change: share of rows ×"
                + " change within the segment, plus the shift in the segment's share of rows (mix). Segments need at"
                + " least 30 rows and 1% of a slice."));
        for (RootCause cause : r.segments()) {
            b.add(new Block.Heading(3, SegmentSentence.overall(cause)));
            if (cause.top().isEmpty()) {
                b.add(new Block.Paragraph(cause.change() == null || cause.change() == 0 ? "No change to explain."
                        : "No segment with enough rows pushes the metric in the direction it moved."));
                continue;
            }
            List<String> sentences = new ArrayList<>();
            for (Contribution c : cause.top()) {
                sentences.add(SegmentSentence.of(cause, c, r.redactor()));
            }
            b.add(new Block.Bullets(sentences));
            List<List<String>> rows = new ArrayList<>();
            int rank = 1;
            for (Contribution c : cause.top()) {
                rows.add(List.of(Integer.toString(rank++), SegmentSentence.name(c, r.redactor()),
                        pct(c.reference().share()), pct(c.current().share()),
                        cause.metric().format().format(c.reference().value()),
                        cause.metric().format().format(c.current().value()), Html.number(c.contribution()),
                        c.shareOfChange() == null ? "–" : pct(c.shareOfChange())));
            }
            b.add(new Block.Table(List.of("#", "segment", "share (ref)", "share (cur)", "value (ref)", "value (cur)",
                    "contribution", "share of change"), rows,
                    new boolean[] {true, false, true, true, true, true, true, true}));
        }
    }

    /** "TABLE where FILTER (N rows)", the filter as code: shown as typed in Markdown, escaped in HTML. */
    private static void slice(DriftResult.SliceSummary s, List<Block.Inline> parts) {
        parts.add(new Block.Plain(s.table() + (s.where() == null ? "" : " where ")));
        if (s.where() != null) {
            parts.add(new Block.InlineCode(s.where()));
        }
        parts.add(new Block.Plain(" (" + s.rows() + " rows)"));
    }

    private static Double metric(FeatureDrift f, String name) {
        return f.metrics() == null ? null : f.metrics().get(name);
    }

    private static String binLabel(List<Double> edges, int i) {
        String lo = i == 0 ? "−∞" : Html.number(edges.get(i - 1));
        String hi = i == edges.size() ? "+∞" : Html.number(edges.get(i));
        return "(" + lo + ", " + hi + "]";
    }

    private static double sum(List<Long> values) {
        return values.stream().mapToLong(Long::longValue).sum();
    }

    private static double[] unbox(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static boolean[] numericAfter(int first, int size) {
        boolean[] numeric = new boolean[size];
        for (int i = first; i < size; i++) {
            numeric[i] = true;
        }
        return numeric;
    }

    private static String nz(String s) {
        return s == null ? "–" : s;
    }

    static String pct(double v) {
        return String.format(Locale.ROOT, "%.1f%%", v * 100);
    }
}
