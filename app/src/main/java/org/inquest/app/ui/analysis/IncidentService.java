package org.inquest.app.ui.analysis;

import java.sql.Connection;
import java.util.List;
import org.inquest.analysis.calibration.BinStrategy;
import org.inquest.analysis.calibration.Calibration;
import org.inquest.analysis.calibration.CalibrationAnalyzer;
import org.inquest.analysis.drift.DriftAnalysis;
import org.inquest.analysis.drift.DriftOptions;
import org.inquest.analysis.drift.DriftResult;
import org.inquest.analysis.drift.PreparedReference;
import org.inquest.analysis.quality.DataQuality;
import org.inquest.analysis.quality.QualityAlerts;
import org.inquest.analysis.quality.QualityReport;
import org.inquest.analysis.latency.Latency;
import org.inquest.analysis.latency.LatencyAnalyzer;
import org.inquest.analysis.performance.ModelColumns;
import org.inquest.analysis.performance.PerformanceAnalyzer;
import org.inquest.analysis.performance.PerformanceMetrics;
import org.inquest.analysis.performance.TaskDetector;
import org.inquest.analysis.performance.TaskKind;
import org.inquest.analysis.slice.Slice;
import org.inquest.analysis.slice.SliceQueries;
import org.inquest.analysis.slice.SliceResolver;
import org.inquest.app.ui.slice.SliceSpec;
import org.inquest.app.ui.task.WorkContext;
import org.inquest.connectors.catalog.Catalog;
import org.inquest.connectors.catalog.TableInfo;

/**
 * The workbench's one way into the analysis engines for the overview. No statistic is computed here: every number
 * is an engine's. {@link #compute} is the whole snapshot in one go, uncached (tests compare the workbench with it);
 * the workbench itself uses the three parts ({@link #model}, {@link #drift}, {@link #quality}), which run on both
 * workers at once and take everything that depends only on the reference slice from a {@link ReferenceCache}.
 */
public final class IncidentService {
    /** Decision threshold on the score when there is no prediction column (the contract's default). */
    public static final double THRESHOLD = 0.5;

    /** Both slices, resolved through the filter language. */
    public record Slices(Slice reference, Slice current) {
    }

    /** Rows, model quality, calibration and latency of both slices. */
    public record ModelPart(Slices slices, long referenceRows, long currentRows, TaskKind task,
            PerformanceMetrics referencePerformance, PerformanceMetrics currentPerformance,
            Calibration referenceCalibration, Calibration currentCalibration, Latency referenceLatency,
            Latency currentLatency) {
    }

    /** The whole snapshot, sequentially and without any cache. */
    public IncidentSnapshot compute(WorkContext ctx, SliceSpec spec) throws Exception {
        long start = System.nanoTime();
        ReferenceCache none = new ReferenceCache();
        ctx.progress(0, 3, "Model quality");
        ModelPart model = model(ctx, spec, none, true);
        ctx.progress(1, 3, "Drift");
        DriftResult drift = drift(ctx, spec, none);
        ctx.progress(2, 3, "Data quality");
        QualityReport quality = quality(ctx, spec, none);
        return snapshot(spec, model, drift, QualityAlerts.of(quality), quality,
                (System.nanoTime() - start) / 1_000_000);
    }

    public static IncidentSnapshot snapshot(SliceSpec spec, ModelPart m, DriftResult drift, QualityAlerts alerts,
            QualityReport quality, long millis) {
        return new IncidentSnapshot(spec, m.slices().reference(), m.slices().current(), m.referenceRows(),
                m.currentRows(), m.task(), m.referencePerformance(), m.currentPerformance(),
                m.referenceCalibration(), m.currentCalibration(), m.referenceLatency(), m.currentLatency(), drift,
                alerts, quality, millis);
    }

    /** Resolves both filters (the tables' catalog entries come from the cache). */
    public Slices slices(WorkContext ctx, SliceSpec spec, ReferenceCache cache) throws Exception {
        Connection c = ctx.connection();
        TableInfo refTable = cache.get("table|" + spec.referenceTable(), () -> new Catalog(c).table(spec.referenceTable()));
        TableInfo curTable = cache.get("table|" + spec.currentTable(), () -> new Catalog(c).table(spec.currentTable()));
        return new Slices(SliceResolver.on(refTable, spec.referenceWhere(), "reference filter"),
                SliceResolver.on(curTable, spec.currentWhere(), "current filter"));
    }

    /**
     * Row counts, task, model quality, calibration and latency; the reference's from the cache. The current
     * slice's ROC AUC is left out (null): it is the one metric that needs a sort of the scores and the overview
     * does not show it; the performance tab computes it when shown ({@link #currentPerformance}).
     */
    public ModelPart model(WorkContext ctx, SliceSpec spec, ReferenceCache cache) throws Exception {
        return model(ctx, spec, cache, false);
    }

    /** The current slice's model quality with every metric (ROC AUC included). */
    public static PerformanceMetrics currentPerformance(Connection c, IncidentSnapshot s) {
        return new PerformanceAnalyzer(c).analyze(s.current(), ModelColumns.of(s.current().table()), s.task(),
                THRESHOLD);
    }

    private ModelPart model(WorkContext ctx, SliceSpec spec, ReferenceCache cache, boolean sorted) throws Exception {
        Connection c = ctx.connection();
        Slices s = slices(ctx, spec, cache);
        Slice ref = s.reference();
        Slice cur = s.current();
        String refKey = "|" + spec.referenceTable() + "|" + spec.referenceWhere();
        long refRows = cache.get("rows" + refKey, () -> SliceQueries.count(c, ref));
        long curRows = SliceQueries.count(c, cur);
        ctx.checkCancelled();
        ModelColumns refCols = ModelColumns.of(ref.table());
        ModelColumns curCols = ModelColumns.of(cur.table());
        // The task over both slices is the larger of the two (TaskDetector: regression wins, then multi-class).
        ModelColumns taskCols = curCols.label().isPresent() ? curCols : refCols;
        String labelName = taskCols.label().map(l -> l.name()).orElse("");
        TaskDetector detector = new TaskDetector(c);
        TaskKind refTask = cache.get("task|" + labelName + refKey, () -> detector.detect(List.of(ref), taskCols));
        TaskKind curTask = detector.detect(List.of(cur), taskCols);
        TaskKind task = refTask.ordinal() >= curTask.ordinal() ? refTask : curTask;
        ctx.checkCancelled();
        PerformanceAnalyzer perf = new PerformanceAnalyzer(c);
        PerformanceMetrics refPerf = cache.get("perf|" + task + refKey,
                () -> perf.analyze(ref, refCols, task, THRESHOLD));
        PerformanceMetrics curPerf = sorted ? perf.analyze(cur, curCols, task, THRESHOLD)
                : perf.analyzeWithoutSorting(cur, curCols, task, THRESHOLD);
        ctx.checkCancelled();
        Calibration refCal = null;
        Calibration curCal = null;
        if (task == TaskKind.BINARY) {
            CalibrationAnalyzer cal = new CalibrationAnalyzer(c);
            refCal = refCols.score().isPresent() && refCols.label().isPresent()
                    ? cache.get("calibration" + refKey, () -> cal.analyze(ref, refCols, BinStrategy.UNIFORM)) : null;
            curCal = curCols.score().isPresent() && curCols.label().isPresent()
                    ? cal.analyze(cur, curCols, BinStrategy.UNIFORM) : null;
        }
        ctx.checkCancelled();
        LatencyAnalyzer lat = new LatencyAnalyzer(c);
        Latency refLat = cache.get("latency" + refKey, () -> lat.analyze(ref).orElse(null));
        Latency curLat = lat.analyze(cur).orElse(null);
        return new ModelPart(s, refRows, curRows, task, refPerf, curPerf, refCal, curCal, refLat, curLat);
    }

    /** Drift of every feature; the reference's scans come from its cached preparation. */
    public DriftResult drift(WorkContext ctx, SliceSpec spec, ReferenceCache cache) throws Exception {
        Connection c = ctx.connection();
        Slices s = slices(ctx, spec, cache);
        PreparedReference ref = cache.get("drift|" + spec.currentTable() + "|" + spec.referenceTable() + "|"
                + spec.referenceWhere(), () -> PreparedReference.prepare(c, s.reference(), s.current().table(),
                        DriftOptions.defaults()));
        return DriftAnalysis.run(c, ref, s.current(), DriftOptions.defaults());
    }

    /**
     * The data-quality grades the overview shows (equal to the full report's), computed from the cached reference
     * profile and one scan of the current slice.
     */
    public QualityAlerts qualityAlerts(WorkContext ctx, SliceSpec spec, ReferenceCache cache) throws Exception {
        Connection c = ctx.connection();
        Slices s = slices(ctx, spec, cache);
        QualityAlerts.Reference ref = cache.get("quality|" + spec.referenceTable() + "|" + spec.referenceWhere(),
                () -> QualityAlerts.reference(c, s.reference()));
        return QualityAlerts.compare(c, ref, s.current());
    }

    /** The full data quality report (the data quality tab asks for it when shown). */
    public QualityReport quality(WorkContext ctx, SliceSpec spec, ReferenceCache cache) throws Exception {
        Slices s = slices(ctx, spec, cache);
        return DataQuality.compare(ctx.connection(), s.reference(), s.current());
    }
}
