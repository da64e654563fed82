package org.inquest.analysis.traces;

import java.util.ArrayList;
import java.util.List;

/** Builds the {@link TraceView} of a trace from its spans: tree, self times, critical path, warnings. */
public final class TraceViews {
    private TraceViews() {
    }

    public static TraceView of(String traceId, List<TraceSpan> spans) {
        TraceTree tree = new TraceTree(spans);
        List<TraceSpan> all = tree.spans();
        long first = Long.MAX_VALUE;
        long last = Long.MIN_VALUE;
        for (TraceSpan s : all) {
            first = Math.min(first, s.startNanos());
            last = Math.max(last, s.endNanos());
        }
        long[] critical = new long[all.size()];
        boolean[] onPath = new boolean[all.size()];
        for (CriticalPath.Section section : CriticalPath.of(tree)) {
            critical[section.span()] += section.endNanos() - section.startNanos();
            onPath[section.span()] = true;
        }
        List<TraceView.SpanView> views = new ArrayList<>(all.size());
        for (int i : tree.order()) {
            TraceSpan s = all.get(i);
            views.add(new TraceView.SpanView(s.spanId(), s.parentSpanId(), s.service(), s.name(),
                    ms(s.startNanos() - first), ms(s.durationNanos()), ms(tree.selfNanos(i)), tree.depth(i),
                    onPath[i], ms(critical[i]), s.kind(), s.status(), s.refType()));
        }
        return new TraceView(traceId, all.isEmpty() ? 0 : ms(last - first), all.size(), tree.warnings(), views);
    }

    static double ms(long nanos) {
        return nanos / 1e6;
    }
}
