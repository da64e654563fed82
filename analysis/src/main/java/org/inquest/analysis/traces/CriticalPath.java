package org.inquest.analysis.traces;

import java.util.ArrayList;
import java.util.List;

/**
 * The critical path as Jaeger UI computes it ({@code TracePage/CriticalPath}): start at the root (the first
 * top-level span by start time); while the current span has a child that finished before the point reached so
 * far (at first: its last-finishing child), the part of the current span after that child's end is critical and
 * the walk descends into that child; when no such child is left, the part from the span's start is critical and
 * the walk returns to the parent with the span's start as the new point. Before walking, as in Jaeger UI,
 * FOLLOWS_FROM children and everything under them are set aside, and children sticking out of their parent are
 * clipped to it (or set aside when wholly outside). A span is critical when it has a section of non-zero length.
 */
public final class CriticalPath {
    /** One stretch of time during which {@code span} (an index into the tree's spans) is on the critical path. */
    public record Section(int span, long startNanos, long endNanos) {
    }

    private CriticalPath() {
    }

    public static List<Section> of(TraceTree tree) {
        List<Section> path = new ArrayList<>();
        int n = tree.spans().size();
        if (n == 0) {
            return path;
        }
        long[] start = new long[n];
        long[] end = new long[n];
        boolean[] alive = new boolean[n];
        List<List<Integer>> kids = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            start[i] = tree.spans().get(i).startNanos();
            end[i] = tree.spans().get(i).endNanos();
            alive[i] = true;
            kids.add(new ArrayList<>(tree.children(i)));
        }
        for (int i = 0; i < n; i++) {
            // last-finishing first; List.sort is stable, so equal ends keep start order (as Jaeger UI's sort does)
            kids.get(i).sort((a, b) -> Long.compare(end[b], end[a]));
        }
        // FOLLOWS_FROM spans and their descendants do not block their parent: out of the walk.
        for (int i : tree.order()) {
            int p = tree.parent(i);
            if (p >= 0 && tree.spans().get(i).followsFrom()) {
                kids.get(p).remove(Integer.valueOf(i));
                alive[i] = false;
            } else if (p >= 0 && !alive[p]) {
                alive[i] = false;
            }
        }
        // Clip children to their (possibly already clipped) parent; drop those wholly outside it.
        for (int i : tree.order()) {
            int p = tree.parent(i);
            if (p < 0 || !alive[i]) {
                continue;
            }
            if (!alive[p]) {
                alive[i] = false;
                continue;
            }
            boolean startsInside = start[i] >= start[p];
            boolean endsInside = end[i] <= end[p];
            if (startsInside && endsInside) {
                continue;
            }
            if (start[i] >= end[p] || end[i] <= start[p]) {
                kids.get(p).remove(Integer.valueOf(i));
                alive[i] = false;
                continue;
            }
            start[i] = Math.max(start[i], start[p]);
            end[i] = Math.min(end[i], end[p]);
        }
        int current = tree.order().get(0);
        Long returning = null;
        while (current >= 0) {
            int child = lastFinishingChild(kids.get(current), end, alive, returning);
            long sectionEnd = returning != null ? returning : end[current];
            if (child >= 0) {
                if (end[child] != sectionEnd) {
                    path.add(new Section(current, end[child], sectionEnd));
                }
                current = child;
                returning = null;
            } else {
                if (start[current] != sectionEnd) {
                    path.add(new Section(current, start[current], sectionEnd));
                }
                returning = start[current];
                int p = tree.parent(current);
                current = p >= 0 && alive[p] ? p : -1;
            }
        }
        return path;
    }

    private static int lastFinishingChild(List<Integer> kids, long[] end, boolean[] alive, Long before) {
        for (int c : kids) {
            if (alive[c] && (before == null || end[c] < before)) {
                return c;
            }
        }
        return -1;
    }
}
