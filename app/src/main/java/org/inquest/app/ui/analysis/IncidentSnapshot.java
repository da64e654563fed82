package org.inquest.app.ui.analysis;

import org.inquest.analysis.calibration.Calibration;
import org.inquest.analysis.drift.DriftResult;
import org.inquest.analysis.quality.QualityAlerts;
import org.inquest.analysis.quality.QualityReport;
import org.inquest.analysis.latency.Latency;
import org.inquest.analysis.performance.PerformanceMetrics;
import org.inquest.analysis.performance.TaskKind;
import org.inquest.analysis.slice.Slice;
import org.inquest.app.ui.slice.SliceSpec;

/**
 * Everything the overview and the tabs show for one reference/current pair, as the engines computed it. Parts that
 * do not apply (no score column, no latency column) are null. {@code qualityAlerts} are the data-quality grades the
 * overview shows; {@code quality}, the full report, is null when the workbench left it for the data quality tab
 * to compute. {@code millis} is how long the computation took.
 */
public record IncidentSnapshot(SliceSpec spec, Slice reference, Slice current, long referenceRows, long currentRows,
        TaskKind task, PerformanceMetrics referencePerformance, PerformanceMetrics currentPerformance,
        Calibration referenceCalibration, Calibration currentCalibration, Latency referenceLatency,
        Latency currentLatency, DriftResult drift, QualityAlerts qualityAlerts, QualityReport quality, long millis) {
}
