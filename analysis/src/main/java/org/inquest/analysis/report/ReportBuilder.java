package org.inquest.analysis.report;

import java.sql.Connection;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.inquest.analysis.calibration.BinStrategy;
import org.inquest.analysis.calibration.Calibration;
import org.inquest.analysis.calibration.CalibrationAnalyzer;
import org.inquest.analysis.drift.DriftAnalysis;
import org.inquest.analysis.drift.DriftResult;
import org.inquest.analysis.quality.ColumnQuality;
import org.inquest.analysis.quality.ColumnStats;
import org.inquest.analysis.quality.DataQuality;
import org.inquest.analysis.quality.QualityReport;
import org.inquest.analysis.quality.QualityThresholds;
import org.inquest.analysis.slice.Window;
import org.inquest.analysis.slice.WindowSet;
import org.inquest.analysis.slice.WindowSpec;
import org.inquest.analysis.slice.Windowing;
import org.inquest.analysis.drift.FeatureDrift;
import org.inquest.analysis.drift.FeatureHistogram;
import org.inquest.analysis.fairness.FairnessAnalyzer;
import org.inquest.analysis.latency.Latency;
import org.inquest.analysis.latency.LatencyAnalyzer;
import org.inquest.analysis.performance.Grouping;
import org.inquest.analysis.performance.ModelColumns;
import org.inquest.analysis.performance.PerformanceAnalyzer;
import org.inquest.analysis.performance.PerformanceMetrics;
import org.inquest.analysis.performance.TaskDetector;
import org.inquest.analysis.performance.TaskKind;
import org.inquest.analysis.segments.RootCause;
import org.inquest.analysis.segments.RootCauseAnalyzer;
import org.inquest.analysis.segments.RootCausePlan;
import org.inquest.analysis.segments.SegmentCandidates;
import org.inquest.analysis.segments.SegmentMetric;
import org.inquest.analysis.segments.SegmentMetrics;
import org.inquest.analysis.slice.Slice;
import org.inquest.analysis.slice.ValueCounts;
import org.inquest.connectors.catalog.ColumnInfo;
import org.inquest.connectors.error.UsageException;

/**
 * Runs every analysis a postmortem report holds on two slices and collects the results. Each analysis is its own
 * aggregate query (or few) in DuckDB; nothing here touches rows.
 */
public final class ReportBuilder {
    private final Connection connection;
    private final PhaseTimes times = new PhaseTimes();

    public ReportBuilder(Connection connection) {
        this.connection = connection;
    }

    /** How long each phase of the last {@link #build} took (the report benchmark prints them). */
    public PhaseTimes times() {
        return times;
    }

    public Report build(Slice reference, Slice current, ReportOptions options) {
        validateColumns(reference, current, options);
        Redactor redactor = Redactor.withRandomKey(options.redact());

        WindowSet windowSet = options.by() == null ? null
                : times.time("windows", () -> Windowing.split(connection, current, WindowSpec.parse(options.by())));
        List<Window> windows = windowSet == null ? List.of() : windowSet.windows();
        // Drift's per-value counts of its features, which the quality section reads instead of scanning (ADR 0131).
        ValueCounts counts = new ValueCounts(reference, current);
        DriftResult drift = redact(times.time("drift", () -> windowSet == null
                ? DriftAnalysis.run(connection, reference, current, options.drift(), counts)
                : DriftAnalysis.runWithWindows(connection, reference, current, windowSet, options.drift(), counts)),
                redactor);

        ModelColumns refColumns = ModelColumns.of(reference.table());
        ModelColumns curColumns = ModelColumns.of(current.table());
        String labelColumn = refColumns.label().map(ColumnInfo::name).orElse(null);
        TaskKind task = times.time("task detection", () -> new TaskDetector(connection)
                .detect(List.of(reference, current), refColumns));
        PerformanceAnalyzer performance = new PerformanceAnalyzer(connection);
        double t = options.threshold();
        String versionColumn = refColumns.modelVersion().map(ColumnInfo::name).orElse(null);
        SidePair<PerformanceMetrics> quality;
        SidePair<Latency> wholeLatency = null;
        SidePair<Map<String, PerformanceMetrics>> byVersion = null;
        LatencyAnalyzer latencyAnalyzer = new LatencyAnalyzer(connection);
        SidePair<Map<String, Latency>> latencyByVersion = null;
        if (versionColumn != null && current.table().column(versionColumn).isPresent()) {
            Grouping g = Grouping.byColumn(versionColumn);
            // The whole slice and its versions from one pass per side (one sort of the scores for every AUC).
            SidePair<PerformanceAnalyzer.WithGroups> both = times.time("performance, whole and by version",
                    () -> new SidePair<>(performance.analyzeWithOverall(reference, refColumns, task, t, g),
                            performance.analyzeWithOverall(current, curColumns, task, t, g)));
            quality = new SidePair<>(both.reference().overall(), both.current().overall());
            byVersion = new SidePair<>(both.reference().groups(), both.current().groups());
            SidePair<Optional<LatencyAnalyzer.WithGroups>> lat = times.time("latency, whole and by version",
                    () -> new SidePair<>(latencyAnalyzer.analyzeWithOverall(reference, g),
                            latencyAnalyzer.analyzeWithOverall(current, g)));
            if (lat.reference().isPresent() && lat.current().isPresent()) {
                latencyByVersion = new SidePair<>(lat.reference().get().groups(), lat.current().get().groups());
                wholeLatency = new SidePair<>(lat.reference().get().overall(), lat.current().get().overall());
            } else {
                latencyByVersion = new SidePair<>(lat.reference().map(LatencyAnalyzer.WithGroups::groups)
                        .orElse(Map.of()), lat.current().map(LatencyAnalyzer.WithGroups::groups).orElse(Map.of()));
            }
        } else {
            versionColumn = null;
            quality = times.time("performance", () -> new SidePair<>(performance.analyze(reference, refColumns, task,
                    t), performance.analyze(current, curColumns, task, t)));
        }
        boolean binary = task == TaskKind.BINARY;
        if (!binary && !options.sensitive().isEmpty()) {
            throw new UsageException("--sensitive needs a binary classifier (labels 0/1); the labels here are "
                    + task.wireName());
        }
        CalibrationAnalyzer calibrator = new CalibrationAnalyzer(connection);
        BinStrategy bins = options.calibrationBins();
        List<Report.GroupedPerformance> bySegment = new ArrayList<>();
        for (String column : options.segmentBy()) {
            Grouping g = Grouping.byColumn(column);
            SidePair<Map<String, PerformanceMetrics>> groups = times.time("performance by segment",
                    () -> new SidePair<>(performance.analyze(reference, refColumns, task, t, g),
                            performance.analyze(current, curColumns, task, t, g)));
            // one grouped scan per side, and only for the columns asked for: nothing for a report without them
            SidePair<Map<String, Latency>> latencyGroups = times.time("latency by segment", () -> {
                Map<String, Latency> ref = latencyAnalyzer.analyze(reference, g);
                Map<String, Latency> cur = latencyAnalyzer.analyze(current, g);
                return ref.isEmpty() && cur.isEmpty() ? null : new SidePair<>(ref, cur);
            });
            SidePair<Map<String, Calibration>> calibrationGroups = !binary ? null
                    : times.time("calibration by segment", () -> nonEmpty(new SidePair<>(
                            calibrator.analyze(reference, refColumns, bins, g),
                            calibrator.analyze(current, curColumns, bins, g))));
            bySegment.add(new Report.GroupedPerformance(column, groups, latencyGroups, calibrationGroups));
        }
        List<Report.WindowQuality> windowQuality = new ArrayList<>();
        for (Window w : windows) {
            windowQuality.add(times.time("performance, latency and calibration by window", () -> {
                PerformanceMetrics m = performance.analyze(w.slice(), curColumns, task, t);
                return new Report.WindowQuality(w.start(), w.end(), m.rows(), m,
                        latencyAnalyzer.analyze(w.slice()).orElse(null),
                        binary ? calibrator.analyze(w.slice(), curColumns, bins) : null);
            }));
        }

        SidePair<Calibration> calibration = null;
        SidePair<Map<String, Calibration>> calibrationByVersion = null;
        List<Report.AttributeFairness> fairness = new ArrayList<>();
        if (binary) {
            Grouping versions = versionColumn == null ? null : Grouping.byColumn(versionColumn);
            if (versions != null) {
                // uniform bins: the whole slice's bins are its versions' summed, so this costs what the whole did
                SidePair<CalibrationAnalyzer.WithGroups> both = times.time("calibration, whole and by version",
                        () -> new SidePair<>(calibrator.analyzeWithOverall(reference, refColumns, bins, versions),
                                calibrator.analyzeWithOverall(current, curColumns, bins, versions)));
                calibration = new SidePair<>(both.reference().overall(), both.current().overall());
                calibrationByVersion = nonEmpty(new SidePair<>(both.reference().groups(), both.current().groups()));
            } else {
                calibration = times.time("calibration", () -> new SidePair<>(
                        calibrator.analyze(reference, refColumns, bins),
                        calibrator.analyze(current, curColumns, bins)));
            }
            FairnessAnalyzer fair = new FairnessAnalyzer(connection);
            for (String attribute : options.sensitive()) {
                fairness.add(times.time("fairness", () -> fairness(fair, reference, current, refColumns, curColumns,
                        t, attribute, versions, options.segmentBy(), windows)));
            }
        }
        SidePair<Latency> latency = wholeLatency != null ? wholeLatency : times.time("latency", () -> {
            Optional<Latency> refLatency = latencyAnalyzer.analyze(reference);
            Optional<Latency> curLatency = latencyAnalyzer.analyze(current);
            return refLatency.isPresent() && curLatency.isPresent()
                    ? new SidePair<>(refLatency.get(), curLatency.get()) : null;
        });

        QualityReport rawQuality = times.time("data quality",
                () -> DataQuality.compare(connection, reference, current, QualityThresholds.DEFAULTS, false, false,
                        counts));
        List<RootCause> segments = rootCauses(reference, current, refColumns, task, t, drift, latency, rawQuality,
                redactor);
        QualityReport dataQuality = redact(rawQuality, redactor);
        List<ImportRecord> inputs = times.time("lineage", () -> Lineage.of(connection,
                List.of(reference.table().name(), current.table().name())));
        Report draft = new Report(options.command(), Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(), drift,
                task, labelColumn, t, quality, versionColumn, byVersion, bySegment, windowQuality, calibration,
                calibrationByVersion, fairness, latency,
                latencyByVersion, dataQuality, segments, inputs, List.of(), redactor);
        return new Report(draft.command(), draft.generatedAt(), drift, task, labelColumn, t, quality, versionColumn, byVersion,
                bySegment, windowQuality, calibration, calibrationByVersion, fairness, latency, latencyByVersion,
                dataQuality, segments,
                inputs, Summary.of(draft), redactor);
    }

    /**
     * One sensitive attribute's fairness on both sides, then within each version, each {@code --segment-by} value
     * (one grouped query per side each; a segment column that is the attribute itself is skipped: it would leave
     * one group per segment) and each window of the current slice.
     */
    private static Report.AttributeFairness fairness(FairnessAnalyzer fair, Slice reference, Slice current,
                                                     ModelColumns refColumns, ModelColumns curColumns, double t,
                                                     String attribute, Grouping versions, List<String> segmentBy,
                                                     List<Window> windows) {
        SidePair<org.inquest.analysis.fairness.Fairness> whole = new SidePair<>(
                fair.analyze(reference, refColumns, t, attribute), fair.analyze(current, curColumns, t, attribute));
        SidePair<Map<String, org.inquest.analysis.fairness.Fairness>> byVersion = versions == null ? null
                : new SidePair<>(fair.analyze(reference, refColumns, t, attribute, versions),
                        fair.analyze(current, curColumns, t, attribute, versions));
        List<Report.GroupedFairness> bySegment = new ArrayList<>();
        for (String column : segmentBy) {
            if (!column.equals(attribute)) {
                Grouping g = Grouping.byColumn(column);
                bySegment.add(new Report.GroupedFairness(column, new SidePair<>(
                        fair.analyze(reference, refColumns, t, attribute, g),
                        fair.analyze(current, curColumns, t, attribute, g))));
            }
        }
        List<Report.WindowFairness> byWindow = new ArrayList<>();
        for (Window w : windows) {
            byWindow.add(new Report.WindowFairness(w.start(), w.end(), w.rows(),
                    fair.analyze(w.slice(), curColumns, t, attribute)));
        }
        return new Report.AttributeFairness(attribute, whole, byVersion, bySegment, byWindow);
    }

    /** Null when neither side has a group (no label or no score): the section is then left out. */
    private static <T> SidePair<Map<String, T>> nonEmpty(SidePair<Map<String, T>> groups) {
        return groups.reference().isEmpty() && groups.current().isEmpty() ? null : groups;
    }

    private List<RootCause> rootCauses(Slice reference, Slice current, ModelColumns columns, TaskKind task,
                                       double threshold, DriftResult drift, SidePair<Latency> latency,
                                       QualityReport quality, Redactor redactor) {
        SegmentMetrics factory = new SegmentMetrics(connection, redactor::value);
        long t0 = System.nanoTime();
        // The latency section's reference p95 is the same quantile_cont: no second query.
        List<SegmentMetric> metrics = RootCausePlan.metrics(factory, reference, current, columns, task, threshold,
                latency == null ? null : latency.reference().p95(), drift);
        times.add("root cause: metrics", t0);
        // Exact distinct counts from the quality section: candidates and the plan need no estimate of their own.
        Map<String, Long> distinct = new java.util.HashMap<>();
        for (ColumnQuality c : quality.columns()) {
            if (c.reference() != null && c.current() != null && c.reference().distinct() != null
                    && c.current().distinct() != null) {
                distinct.put(c.name(), Math.max(c.reference().distinct(), c.current().distinct()));
            }
        }
        List<String> candidates = times.time("root cause: candidate columns",
                () -> new SegmentCandidates(connection).find(reference, current, distinct));
        Map<String, double[]> bins = RootCausePlan.bins(drift, reference);
        if (candidates.isEmpty() && bins.isEmpty()) {
            return List.of();
        }
        return times.time("root cause: segments", () -> new RootCauseAnalyzer(connection).analyze(reference, current,
                metrics, new RootCauseAnalyzer.SegmentColumns(candidates, distinct, bins)));
    }

    /** The drift result as the report shows it: filters and histogram categories of redacted columns pseudonymised. */
    static DriftResult redact(DriftResult d, Redactor redactor) {
        List<DriftResult.DriftWindow> windows = d.windows() == null ? null : d.windows().stream()
                .map(w -> new DriftResult.DriftWindow(w.start(), w.end(), w.rows(), w.driftShare(), w.datasetDrift(),
                        redact(w.features(), redactor), w.warning())).toList();
        return new DriftResult(redactSlice(d.reference(), redactor), redactSlice(d.current(), redactor),
                d.driftShare(), d.driftShareThreshold(), d.datasetDrift(), redact(d.features(), redactor),
                d.schemaDifferences(), d.warnings(), windows);
    }

    /**
     * The quality comparison as the report shows it: for redacted columns, categories and min/max become
     * pseudonyms and mean, standard deviation and quantiles are left out.
     */
    static QualityReport redact(QualityReport q, Redactor redactor) {
        if (redactor.columns().isEmpty()) {
            return q;
        }
        List<ColumnQuality> columns = q.columns().stream().map(c -> !redactor.redacts(c.name()) ? c
                : new ColumnQuality(c.name(), c.kind(), c.referenceType(), c.currentType(),
                        redact(c.reference(), c.name(), redactor), redact(c.current(), c.name(), redactor),
                        c.newCategories() == null ? null : c.newCategories().stream()
                                .map(v -> redactor.value(c.name(), v)).toList(), c.newCategoryCount(),
                        c.newCategoryRows(), c.outOfRange(), c.outOfRangeShare(), c.nullShareChange(), c.severity(),
                        List.of())).toList();
        return new QualityReport(new QualityReport.SliceSummary(q.reference().table(),
                FilterRedaction.redact(q.reference().where(), redactor), q.reference().rows()),
                new QualityReport.SliceSummary(q.current().table(), FilterRedaction.redact(q.current().where(),
                        redactor), q.current().rows()), q.severity(), columns, q.schema(), q.thresholds(), q.notes());
    }

    private static ColumnStats redact(ColumnStats s, String column, Redactor redactor) {
        if (s == null) {
            return null;
        }
        return new ColumnStats(s.rows(), s.nulls(), s.nullShare(), s.distinct(),
                s.min() == null ? null : redactor.value(column, String.valueOf(s.min())),
                s.max() == null ? null : redactor.value(column, String.valueOf(s.max())), null, null, null,
                s.top() == null ? null : s.top().stream().map(t -> new ColumnStats.CategoryCount(
                        redactor.value(column, t.value()), t.count(), t.share())).toList());
    }

    private static List<FeatureDrift> redact(List<FeatureDrift> features, Redactor redactor) {
        return features.stream().map(f -> {
            FeatureHistogram h = f.histogram();
            if (!redactor.redacts(f.name()) || h == null || h.categories() == null) {
                return f;
            }
            FeatureHistogram redacted = new FeatureHistogram(h.edges(), h.categories().stream()
                    .map(c -> redactor.value(f.name(), c)).toList(), h.reference(), h.current(), h.otherReference(),
                    h.otherCurrent());
            return new FeatureDrift(f.name(), f.kind(), f.method(), f.statistic(), f.threshold(), f.drifted(),
                    f.pValue(), f.referenceNulls(), f.currentNulls(), f.metrics(), f.referenceValues(),
                    f.currentValues(), f.distinct(), f.approximate(), f.severe(), redacted, f.warning());
        }).toList();
    }

    private static DriftResult.SliceSummary redactSlice(DriftResult.SliceSummary s, Redactor redactor) {
        return new DriftResult.SliceSummary(s.table(), FilterRedaction.redact(s.where(), redactor), s.rows());
    }

    /** Named columns must exist: a mistyped --redact would otherwise leak the values it was meant to hide. */
    private static void validateColumns(Slice reference, Slice current, ReportOptions options) {
        Set<String> named = new LinkedHashSet<>(options.redact());
        for (String column : named) {
            if (reference.table().column(column).isEmpty() && current.table().column(column).isEmpty()) {
                throw new UsageException("--redact: unknown column '" + column + "' (in neither '"
                        + reference.table().name() + "' nor '" + current.table().name() + "')");
            }
        }
        List<String> both = new ArrayList<>(options.sensitive());
        both.addAll(options.segmentBy());
        for (String column : both) {
            for (Slice s : List.of(reference, current)) {
                if (s.table().column(column).isEmpty()) {
                    throw new UsageException("unknown column '" + column + "' in table '" + s.table().name() + "'");
                }
            }
        }
    }
}
