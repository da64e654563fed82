package org.inquest.analysis.replay;

import org.inquest.analysis.performance.TaskKind;
import org.inquest.connectors.catalog.TraceLink;

/**
 * How to replay: the feature whose drift is followed (null = the first feature both slices have), the requested
 * bucket width, the spans table linked to the predictions (null = the workspace's first spans table, if any) and
 * how ({@code link}; null = the link saved in the workspace, else the trace_id role), the decision threshold on the score when there is no prediction column, and the model task when the
 * caller already knows it (null = detected from the labels).
 */
public record ReplayOptions(String feature, BucketWidth bucket, String spansTable, double threshold, TaskKind task,
        TraceLink link) {
    public ReplayOptions(String feature, BucketWidth bucket, String spansTable, double threshold, TaskKind task) {
        this(feature, bucket, spansTable, threshold, task, null);
    }

    public static ReplayOptions defaults() {
        return new ReplayOptions(null, BucketWidth.MINUTE, null, 0.5, null);
    }

    /** How the predictions link to the spans (null: the link saved in the workspace, else the trace_id role). */
    public ReplayOptions withLink(TraceLink newLink) {
        return new ReplayOptions(feature, bucket, spansTable, threshold, task, newLink);
    }

    public ReplayOptions withFeature(String name) {
        return new ReplayOptions(name, bucket, spansTable, threshold, task, link);
    }

    public ReplayOptions withBucket(BucketWidth width) {
        return new ReplayOptions(feature, width, spansTable, threshold, task, link);
    }

    public ReplayOptions withSpansTable(String table) {
        return new ReplayOptions(feature, bucket, table, threshold, task, link);
    }

    public ReplayOptions withTask(TaskKind kind) {
        return new ReplayOptions(feature, bucket, spansTable, threshold, kind, link);
    }
}
