package org.inquest.analysis.traces;

/**
 * One span of one trace as the trace algorithms see it: ids, names and nanosecond bounds. {@code refType} is
 * {@code CHILD_OF}, {@code FOLLOWS_FROM} or null (no parent).
 */
public record TraceSpan(String spanId, String parentSpanId, String refType, String service, String name, String kind,
        long startNanos, long endNanos, int status) {

    public long durationNanos() {
        return endNanos - startNanos;
    }

    public boolean followsFrom() {
        return "FOLLOWS_FROM".equals(refType);
    }
}
