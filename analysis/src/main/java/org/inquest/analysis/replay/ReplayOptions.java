package org.inquest.analysis.replay;

import org.inquest.analysis.performance.TaskKind;

/**
 * How to replay: the feature whose drift is followed (null = the first feature both slices have), the requested
 * bucket width, the spans table linked through the predictions' trace_id (null = the workspace's first spans table,
 * if any), the decision threshold on the score when there is no prediction column, and the model task when the
 * caller already knows it (null = detected from the labels).
 */
public record ReplayOptions(String feature, BucketWidth bucket, String spansTable, double threshold, TaskKind task) {
    public static ReplayOptions defaults() {
        return new ReplayOptions(null, BucketWidth.MINUTE, null, 0.5, null);
    }

    public ReplayOptions withFeature(String name) {
        return new ReplayOptions(name, bucket, spansTable, threshold, task);
    }

    public ReplayOptions withBucket(BucketWidth width) {
        return new ReplayOptions(feature, width, spansTable, threshold, task);
    }

    public ReplayOptions withSpansTable(String table) {
        return new ReplayOptions(feature, bucket, table, threshold, task);
    }

    public ReplayOptions withTask(TaskKind kind) {
        return new ReplayOptions(feature, bucket, spansTable, threshold, kind);
    }
}
