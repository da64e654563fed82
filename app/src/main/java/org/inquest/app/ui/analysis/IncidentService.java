package org.inquest.app.ui.analysis;

import java.sql.Connection;
import java.util.List;
import org.inquest.analysis.calibration.BinStrategy;
import org.inquest.analysis.calibration.Calibration;
import org.inquest.analysis.calibration.CalibrationAnalyzer;
import org.inquest.analysis.drift.DriftAnalysis;
import org.inquest.analysis.drift.DriftOptions;
import org.inquest.analysis.drift.DriftResult;
import org.inquest.analysis.quality.DataQuality;
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

/**
 * The workbench's one way into the analysis engines for the overview: resolves both slices (the filter language
 * again, on the worker), then asks each engine for its numbers. No statistic is computed here.
 */
public final class IncidentService {
    /** Decision threshold on the score when there is no prediction column (the contract's default). */
    public static final double THRESHOLD = 0.5;

    public IncidentSnapshot compute(WorkContext ctx, SliceSpec spec) {
        long start = System.nanoTime();
        Connection c = ctx.connection();
        SliceResolver resolver = new SliceResolver(c);
        Slice ref = resolver.resolve(spec.referenceTable(), spec.referenceWhere(), "reference filter");
        Slice cur = resolver.resolve(spec.currentTable(), spec.currentWhere(), "current filter");
        int steps = 7;
        ctx.progress(0, steps, "Counting rows");
        long refRows = SliceQueries.count(c, ref);
        long curRows = SliceQueries.count(c, cur);
        ctx.checkCancelled();
        ModelColumns refCols = ModelColumns.of(ref.table());
        ModelColumns curCols = ModelColumns.of(cur.table());
        ctx.progress(1, steps, "Model quality");
        TaskKind task = new TaskDetector(c).detect(List.of(ref, cur), curCols.label().isPresent() ? curCols : refCols);
        PerformanceAnalyzer perf = new PerformanceAnalyzer(c);
        PerformanceMetrics refPerf = perf.analyze(ref, refCols, task, THRESHOLD);
        PerformanceMetrics curPerf = perf.analyze(cur, curCols, task, THRESHOLD);
        ctx.checkCancelled();
        ctx.progress(2, steps, "Calibration");
        Calibration refCal = null;
        Calibration curCal = null;
        if (task == TaskKind.BINARY) {
            CalibrationAnalyzer cal = new CalibrationAnalyzer(c);
            refCal = refCols.score().isPresent() && refCols.label().isPresent()
                    ? cal.analyze(ref, refCols, BinStrategy.UNIFORM) : null;
            curCal = curCols.score().isPresent() && curCols.label().isPresent()
                    ? cal.analyze(cur, curCols, BinStrategy.UNIFORM) : null;
        }
        ctx.checkCancelled();
        ctx.progress(3, steps, "Latency");
        LatencyAnalyzer lat = new LatencyAnalyzer(c);
        Latency refLat = lat.analyze(ref).orElse(null);
        Latency curLat = lat.analyze(cur).orElse(null);
        ctx.checkCancelled();
        ctx.progress(4, steps, "Drift");
        DriftResult drift = DriftAnalysis.run(c, ref, cur, DriftOptions.defaults());
        ctx.checkCancelled();
        ctx.progress(5, steps, "Data quality");
        QualityReport quality = DataQuality.compare(c, ref, cur);
        ctx.progress(7, steps, "Done");
        return new IncidentSnapshot(spec, ref, cur, refRows, curRows, task, refPerf, curPerf, refCal, curCal, refLat,
                curLat, drift, quality, (System.nanoTime() - start) / 1_000_000);
    }
}
