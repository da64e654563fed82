package org.inquest.analysis.segments;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.inquest.analysis.drift.DriftResult;
import org.inquest.analysis.drift.FeatureDrift;
import org.inquest.analysis.performance.ModelColumns;
import org.inquest.analysis.performance.TaskKind;
import org.inquest.analysis.slice.Slice;

/**
 * What a root-cause ranking of two slices is asked about: the metrics whose change it explains and the ranges
 * numerical features are cut into. One place, so the report and the workbench's Segments tab rank the same
 * segments for the same slices.
 */
public final class RootCausePlan {
    /** A feature whose null share moves by at least this much gets a root-cause ranking of its own. */
    public static final double NULL_SHARE_CHANGE = 0.05;
    /** How many drifted features (by PSI) get a root-cause ranking. */
    public static final int DRIFT_ROOT_CAUSES = 3;

    private RootCausePlan() {
    }

    /**
     * The metrics to explain: model quality; for binary models the positive rate and the mean score; latency p95
     * when the reference's p95 is known ({@code referenceLatencyP95}, null when there is no latency); the null
     * share of every feature whose null share moved by {@link #NULL_SHARE_CHANGE} or more; and the drift of the
     * {@link #DRIFT_ROOT_CAUSES} most drifted other features ({@code drift} may be null: no feature metrics).
     */
    public static List<SegmentMetric> metrics(SegmentMetrics factory, Slice reference, Slice current,
                                              ModelColumns columns, TaskKind task, double threshold,
                                              Double referenceLatencyP95, DriftResult drift) {
        List<SegmentMetric> metrics = new ArrayList<>();
        factory.quality(columns, task, threshold).ifPresent(metrics::add);
        if (task == TaskKind.BINARY) {
            factory.positiveRate(columns, threshold).ifPresent(metrics::add);
            factory.meanScore(columns).ifPresent(metrics::add);
        }
        if (referenceLatencyP95 != null) {
            factory.latencyP95(reference, referenceLatencyP95).ifPresent(metrics::add);
        }
        if (drift == null) {
            return metrics;
        }
        for (FeatureDrift f : drift.features()) {
            if (nullShareMoved(f)) {
                metrics.add(factory.nullShare(reference.table(), f.name()));
            }
        }
        drift.features().stream().filter(FeatureDrift::drifted).filter(f -> !nullShareMoved(f))
                .sorted(Comparator.comparingDouble((FeatureDrift f) -> -psi(f))).limit(DRIFT_ROOT_CAUSES)
                .forEach(f -> metrics.add(factory.drift(reference, current, f.name())));
        return metrics;
    }

    /**
     * Numerical features and the inner edges of their ranges: the reference deciles drift already computed (its
     * histogram's edges), so no query of its own. None when {@code drift} is null.
     */
    public static Map<String, double[]> bins(DriftResult drift, Slice reference) {
        Map<String, double[]> bins = new LinkedHashMap<>();
        if (drift == null) {
            return bins;
        }
        for (FeatureDrift f : drift.features()) {
            if ("numerical".equals(f.kind()) && f.histogram() != null && f.histogram().edges() != null
                    && !f.histogram().edges().isEmpty() && reference.table().column(f.name()).isPresent()) {
                bins.put(f.name(), f.histogram().edges().stream().mapToDouble(Double::doubleValue).toArray());
            }
        }
        return bins;
    }

    private static boolean nullShareMoved(FeatureDrift f) {
        return Math.abs(f.currentNulls() - f.referenceNulls()) >= NULL_SHARE_CHANGE;
    }

    private static double psi(FeatureDrift f) {
        Double psi = f.metrics() == null ? null : f.metrics().get("psi");
        return psi == null ? 0 : psi;
    }
}
