package org.inquest.analysis.traces;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The spans of one trace arranged as a tree, whatever state the trace is in. Real traces are often broken; here
 * nothing is dropped and nothing throws:
 * <ul>
 * <li>an <b>orphan</b> (parent id not in the trace) becomes a top-level span;</li>
 * <li>a <b>duplicate</b> span id: children attach to the earliest span holding the id;</li>
 * <li>a <b>cycle</b> (parent links that loop, including a span that is its own parent): the earliest span of the
 * loop becomes top-level, the rest hang below it;</li>
 * <li>a child that <b>outlives its parent</b>, or starts before it (<b>clock skew</b>), stays where it is.</li>
 * </ul>
 * Each case adds a line to {@link #warnings()}. Top-level spans and siblings are ordered by start time; the
 * depth-first order of the tree is {@link #order()} (the order Jaeger UI lists spans in).
 */
public final class TraceTree {
    private final List<TraceSpan> spans;
    private final int[] parent;
    private final List<List<Integer>> children;
    private final List<List<Integer>> childrenById;
    private final int[] depth;
    private final List<Integer> order = new ArrayList<>();
    private final List<Integer> topLevel = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();

    /** {@code spans} in any order; they are sorted by start time (then span id) first. */
    public TraceTree(List<TraceSpan> input) {
        List<TraceSpan> sorted = new ArrayList<>(input);
        sorted.sort((a, b) -> a.startNanos() != b.startNanos() ? Long.compare(a.startNanos(), b.startNanos())
                : a.spanId().compareTo(b.spanId()));
        this.spans = Collections.unmodifiableList(sorted);
        int n = spans.size();
        parent = new int[n];
        depth = new int[n];
        children = new ArrayList<>(n);
        childrenById = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            children.add(new ArrayList<>(2));
            childrenById.add(new ArrayList<>(2));
        }
        Map<String, Integer> first = new HashMap<>();
        Map<String, Integer> copies = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            first.putIfAbsent(spans.get(i).spanId(), i);
            copies.merge(spans.get(i).spanId(), 1, Integer::sum);
        }
        copies.forEach((id, count) -> {
            if (count > 1) {
                warnings.add("duplicate span id " + id + ": " + count + " spans share it");
            }
        });
        Map<String, List<Integer>> byParentId = new HashMap<>();
        for (int i = 0; i < n; i++) {
            TraceSpan s = spans.get(i);
            parent[i] = -1;
            if (s.parentSpanId() == null) {
                continue;
            }
            byParentId.computeIfAbsent(s.parentSpanId(), k -> new ArrayList<>()).add(i);
            Integer p = first.get(s.parentSpanId());
            if (p == null) {
                warnings.add("orphan span " + label(s) + ": its parent " + s.parentSpanId() + " is not in the trace");
            } else {
                parent[i] = p;
            }
        }
        for (int i = 0; i < n; i++) {
            for (int c : byParentId.getOrDefault(spans.get(i).spanId(), List.of())) {
                if (!spans.get(c).spanId().equals(spans.get(i).spanId())) {
                    childrenById.get(i).add(c);
                }
            }
        }
        breakCycles();
        for (int i = 0; i < n; i++) {
            if (parent[i] < 0) {
                topLevel.add(i);
            } else {
                children.get(parent[i]).add(i);
            }
        }
        walk();
        flagOutsideParent();
    }

    /** Spans that no top-level span reaches are in a loop: the earliest of each loop is cut loose from its parent. */
    private void breakCycles() {
        int n = spans.size();
        List<List<Integer>> tentative = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            tentative.add(new ArrayList<>(2));
        }
        for (int i = 0; i < n; i++) {
            if (parent[i] >= 0) {
                tentative.get(parent[i]).add(i);
            }
        }
        boolean[] reached = new boolean[n];
        for (int i = 0; i < n; i++) {
            if (parent[i] < 0) {
                mark(i, tentative, reached);
            }
        }
        for (int i = 0; i < n; i++) {
            if (!reached[i]) {
                warnings.add("cycle: the parent links of span " + label(spans.get(i))
                        + " loop back to it; it is shown as a root");
                parent[i] = -1;
                mark(i, tentative, reached);
            }
        }
    }

    private static void mark(int from, List<List<Integer>> kids, boolean[] reached) {
        Deque<Integer> stack = new ArrayDeque<>();
        stack.push(from);
        while (!stack.isEmpty()) {
            int i = stack.pop();
            if (reached[i]) {
                continue;
            }
            reached[i] = true;
            for (int c : kids.get(i)) {
                if (!reached[c]) {
                    stack.push(c);
                }
            }
        }
    }

    /** Depth-first order with depths; children lists are already in start order (spans are sorted). */
    private void walk() {
        Deque<int[]> stack = new ArrayDeque<>();
        for (int k = topLevel.size() - 1; k >= 0; k--) {
            stack.push(new int[] {topLevel.get(k), 0});
        }
        while (!stack.isEmpty()) {
            int[] top = stack.pop();
            int i = top[0];
            depth[i] = top[1];
            order.add(i);
            List<Integer> kids = children.get(i);
            for (int k = kids.size() - 1; k >= 0; k--) {
                stack.push(new int[] {kids.get(k), top[1] + 1});
            }
        }
    }

    private void flagOutsideParent() {
        for (int i : order) {
            int p = parent[i];
            if (p < 0) {
                continue;
            }
            TraceSpan c = spans.get(i);
            TraceSpan ps = spans.get(p);
            if (c.startNanos() < ps.startNanos()) {
                warnings.add("clock skew: span " + label(c) + " starts " + ms(ps.startNanos() - c.startNanos())
                        + " ms before its parent " + ps.spanId());
            } else if (c.endNanos() > ps.endNanos()) {
                warnings.add("span " + label(c) + " ends " + ms(c.endNanos() - ps.endNanos())
                        + " ms after its parent " + ps.spanId() + " (child outside its parent)");
            }
        }
    }

    private static String label(TraceSpan s) {
        return s.spanId() + " (" + s.name() + ")";
    }

    private static String ms(long nanos) {
        return String.format(Locale.ROOT, "%.3f", nanos / 1e6);
    }

    /** The spans, sorted by start time; indices below refer to this list. */
    public List<TraceSpan> spans() {
        return spans;
    }

    /** The tree parent of span {@code i}, or -1 for a top-level span. */
    public int parent(int i) {
        return parent[i];
    }

    /** Tree children of span {@code i}, in start order. */
    public List<Integer> children(int i) {
        return Collections.unmodifiableList(children.get(i));
    }

    /**
     * Every span whose parent id is span {@code i}'s id (other than itself) — what self time subtracts. Equal to
     * {@link #children(int)} except around duplicate ids, where each duplicate counts the children as its own, as
     * the SQL of {@code trace stats} does.
     */
    public List<Integer> childrenById(int i) {
        return Collections.unmodifiableList(childrenById.get(i));
    }

    public int depth(int i) {
        return depth[i];
    }

    /** Depth-first order of the whole tree, top-level spans by start time. */
    public List<Integer> order() {
        return Collections.unmodifiableList(order);
    }

    public List<Integer> topLevel() {
        return Collections.unmodifiableList(topLevel);
    }

    public List<String> warnings() {
        return Collections.unmodifiableList(warnings);
    }

    /** Self time of span {@code i} in nanoseconds. */
    public long selfNanos(int i) {
        List<TraceSpan> kids = new ArrayList<>();
        for (int c : childrenById.get(i)) {
            kids.add(spans.get(c));
        }
        return SelfTime.of(spans.get(i), kids);
    }
}
