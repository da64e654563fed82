package org.inquest.analysis.replay;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * The replay of a current slice: every bucket from the first row's to the last row's, empty ones included, plus
 * what was compared and how. {@code bucket} is the width used; it is coarser than {@code requestedBucket} when the
 * slice spans more than {@link BucketWidth#MAX_BUCKETS} buckets of the requested width.
 */
public record ReplayTimeline(String table, String where, @JsonProperty("time_column") String timeColumn,
        @JsonProperty("requested_bucket") String requestedBucket, String bucket,
        @JsonProperty("bucket_seconds") long bucketSeconds, String start, String end, long rows,
        @JsonProperty("rows_without_time") long rowsWithoutTime,
        @JsonProperty("error_source") String errorSource, @JsonProperty("spans_table") String spansTable,
        @JsonProperty("accuracy_source") String accuracySource, Feature feature, List<ReplayBucket> buckets,
        List<String> warnings) {

    /**
     * The replayed feature and its reference: {@code drift_statistic} says what {@code feature_psi} is.
     */
    public record Feature(String name, String kind, @JsonProperty("drift_statistic") String driftStatistic,
            @JsonProperty("reference_table") String referenceTable, @JsonProperty("reference_where") String referenceWhere,
            @JsonProperty("reference_rows") long referenceRows,
            @JsonProperty("reference_null_share") double referenceNullShare,
            @JsonProperty("reference_mean") Double referenceMean, List<Double> edges) {
    }

    /** The index of the bucket holding {@code micros}, or -1 outside the timeline. */
    public int indexAt(long micros) {
        if (buckets.isEmpty() || micros < buckets.get(0).startMicros()) {
            return -1;
        }
        long i = (micros - buckets.get(0).startMicros()) / (bucketSeconds * 1_000_000L);
        return i < buckets.size() ? (int) i : -1;
    }
}
