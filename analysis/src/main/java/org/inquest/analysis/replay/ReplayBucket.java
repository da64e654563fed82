package org.inquest.analysis.replay;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One bucket of the replay timeline: [start, end) of the current slice's timestamp column. Every value is null when
 * the bucket has nothing to compute it from (no rows, no latency, no labeled row, no value of the feature).
 *
 * @param rows         rows of the slice in the bucket (the volume)
 * @param p95LatencyMs 95th percentile of latency_ms, linear interpolation (numpy's default)
 * @param errorRate    share of rows flagged as errors among the rows where that is known ({@code errorChecked}):
 *                     a non-null error/status column, or a linked trace (an error span makes it an error)
 * @param meanScore    mean of the score column
 * @param accuracy     share of labeled rows whose predicted label equals the label ({@code labeled} rows)
 * @param featurePsi   the feature's PSI of this bucket against the whole reference (drift contract's bins)
 * @param featureNullShare share of the bucket's rows where the feature is null
 * @param featureMean  mean of a numerical feature
 */
public record ReplayBucket(int index, String start, String end,
        @JsonProperty("start_micros") long startMicros, long rows,
        @JsonProperty("p95_latency_ms") Double p95LatencyMs,
        @JsonProperty("error_rate") Double errorRate, @JsonProperty("error_checked") long errorChecked,
        @JsonProperty("mean_score") Double meanScore, Double accuracy, long labeled,
        @JsonProperty("feature_psi") Double featurePsi, @JsonProperty("feature_null_share") Double featureNullShare,
        @JsonProperty("feature_mean") Double featureMean) {

    /** A bucket without rows (kept, so the timeline advances at a constant pace). */
    static ReplayBucket empty(int index, String start, String end, long startMicros) {
        return new ReplayBucket(index, start, end, startMicros, 0, null, null, 0, null, null, 0, null, null, null);
    }
}
