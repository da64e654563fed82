package org.inquest.analysis.report;

import java.util.List;
import java.util.Map;
import org.inquest.analysis.calibration.Calibration;
import org.inquest.analysis.drift.DriftResult;
import org.inquest.analysis.fairness.Fairness;
import org.inquest.analysis.latency.Latency;
import org.inquest.analysis.performance.PerformanceMetrics;
import org.inquest.analysis.performance.TaskKind;
import org.inquest.analysis.quality.QualityReport;
import org.inquest.analysis.segments.RootCause;

/**
 * Everything a postmortem report says, computed once and rendered to JSON, Markdown or HTML. Values of redacted
 * columns are still raw here; every renderer passes them through {@link #redactor()} (filter texts and the command
 * are redacted when the report is built, see {@link FilterRedaction}).
 */
public record Report(
        String command,
        String generatedAt,
        DriftResult drift,
        TaskKind task,
        /* the label column (its classes are redacted when it is) */
        String labelColumn,
        double threshold,
        SidePair<PerformanceMetrics> performance,
        /* model_version column name (null when none) and per-version metrics on each side */
        String versionColumn,
        SidePair<Map<String, PerformanceMetrics>> performanceByVersion,
        List<GroupedPerformance> performanceBySegment,
        List<WindowQuality> windows,
        SidePair<Calibration> calibration,
        /* each model version's calibration on each side (null without a version column or calibration) */
        SidePair<Map<String, Calibration>> calibrationByVersion,
        List<AttributeFairness> fairness,
        SidePair<Latency> latency,
        SidePair<Map<String, Latency>> latencyByVersion,
        QualityReport quality,
        List<RootCause> segments,
        List<ImportRecord> inputs,
        List<Finding> summary,
        Redactor redactor) {

    /**
     * Model quality broken down by the values of one column ({@code --segment-by}), on both sides, with each
     * group's latency ({@code latency} null when the table has no latency_ms column) and calibration
     * ({@code calibration} null when there is none: not a binary classifier with scores).
     */
    public record GroupedPerformance(String column, SidePair<Map<String, PerformanceMetrics>> groups,
                                     SidePair<Map<String, Latency>> latency,
                                     SidePair<Map<String, Calibration>> calibration) {
        public GroupedPerformance(String column, SidePair<Map<String, PerformanceMetrics>> groups) {
            this(column, groups, null, null);
        }

        public GroupedPerformance(String column, SidePair<Map<String, PerformanceMetrics>> groups,
                                  SidePair<Map<String, Latency>> latency) {
            this(column, groups, latency, null);
        }
    }

    /** One window of the current slice ({@code --by}): its model quality, latency and calibration (each nullable). */
    public record WindowQuality(String start, String end, long rows, PerformanceMetrics performance,
                                Latency latency, Calibration calibration) {
        public WindowQuality(String start, String end, long rows, PerformanceMetrics performance, Latency latency) {
            this(start, end, rows, performance, latency, null);
        }
    }

    /**
     * Fairness of one sensitive attribute on both sides, and within each model version ({@code byVersion}, null
     * without a version column), each {@code --segment-by} value and each {@code --by} window of the current slice.
     */
    public record AttributeFairness(String attribute, SidePair<Fairness> fairness,
                                    SidePair<Map<String, Fairness>> byVersion, List<GroupedFairness> bySegment,
                                    List<WindowFairness> windows) {
        public AttributeFairness {
            bySegment = bySegment == null ? List.of() : List.copyOf(bySegment);
            windows = windows == null ? List.of() : List.copyOf(windows);
        }

        public AttributeFairness(String attribute, SidePair<Fairness> fairness) {
            this(attribute, fairness, null, List.of(), List.of());
        }
    }

    /** A sensitive attribute's fairness within each value of a {@code --segment-by} column, on both sides. */
    public record GroupedFairness(String column, SidePair<Map<String, Fairness>> groups) {
    }

    /** A sensitive attribute's fairness in one window of the current slice. */
    public record WindowFairness(String start, String end, long rows, Fairness fairness) {
    }
}
