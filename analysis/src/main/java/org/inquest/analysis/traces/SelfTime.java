package org.inquest.analysis.traces;

import java.util.Arrays;
import java.util.List;

/**
 * Self time: a span's duration minus the union of its children's intervals, each clipped to the span. Overlapping
 * (parallel) children count once; a child that outlives its parent counts only up to the parent's end. The SQL
 * form used by {@code trace stats} ({@link TraceStats}) is the same sweep: sorted by start, each clipped child
 * adds what lies beyond the furthest end seen so far.
 */
public final class SelfTime {
    private SelfTime() {
    }

    /** Self time of {@code span} in nanoseconds given its direct children. */
    public static long of(TraceSpan span, List<TraceSpan> children) {
        long[][] clipped = new long[children.size()][];
        int n = 0;
        for (TraceSpan c : children) {
            long b = Math.max(c.startNanos(), span.startNanos());
            long e = Math.min(c.endNanos(), span.endNanos());
            if (e > b) {
                clipped[n++] = new long[] {b, e};
            }
        }
        long[][] intervals = Arrays.copyOf(clipped, n);
        Arrays.sort(intervals, (x, y) -> x[0] != y[0] ? Long.compare(x[0], y[0]) : Long.compare(x[1], y[1]));
        long covered = 0;
        long reached = Long.MIN_VALUE;
        for (long[] iv : intervals) {
            long from = Math.max(iv[0], reached);
            if (iv[1] > from) {
                covered += iv[1] - from;
            }
            reached = Math.max(reached, iv[1]);
        }
        return span.durationNanos() - covered;
    }
}
