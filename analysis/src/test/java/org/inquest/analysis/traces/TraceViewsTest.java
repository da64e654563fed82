package org.inquest.analysis.traces;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Self time and the critical path on small traces computed by hand (times in ms). The critical path follows Jaeger
 * UI's algorithm step by step; each expected value below is worked out in the comment above it.
 */
class TraceViewsTest {
    private static final long MS = 1_000_000L;
    private static final long T0 = 1_700_000_000_000L * MS;

    static TraceSpan span(String id, String parent, String ref, double startMs, double endMs) {
        return new TraceSpan(id, parent, parent == null ? null : ref, "svc", "op-" + id, null,
                T0 + Math.round(startMs * MS), T0 + Math.round(endMs * MS), 0);
    }

    static TraceSpan child(String id, String parent, double startMs, double endMs) {
        return span(id, parent, "CHILD_OF", startMs, endMs);
    }

    static Map<String, TraceView.SpanView> byId(TraceView view) {
        Map<String, TraceView.SpanView> map = new LinkedHashMap<>();
        view.spans().forEach(s -> map.put(s.spanId(), s));
        return map;
    }

    static List<String> critical(TraceView view) {
        List<String> ids = new ArrayList<>();
        view.spans().stream().filter(TraceView.SpanView::critical).forEach(s -> ids.add(s.spanId()));
        return ids;
    }

    @Test
    void overlappingChildren() {
        // R [0,100]; A [10,40], B [30,60] overlap; C [70,80].
        // self(R) = 100 - |[10,60] ∪ [70,80]| = 100 - 60 = 40.
        // Critical: R→C (last to finish): R [80,100]; C [70,80]; back at 70: B (ends 60 < 70): R [60,70]; B [30,60];
        // back at 30: nothing ends before 30 (A ends 40): R [0,30]. A is not critical.
        TraceView v = TraceViews.of("t", List.of(span("R", null, null, 0, 100), child("A", "R", 10, 40),
                child("B", "R", 30, 60), child("C", "R", 70, 80)));
        Map<String, TraceView.SpanView> s = byId(v);
        assertEquals(40.0, s.get("R").selfMs(), 1e-9);
        assertEquals(30.0, s.get("A").selfMs(), 1e-9);
        assertEquals(List.of("R", "B", "C"), critical(v));
        assertEquals(60.0, s.get("R").criticalMs(), 1e-9);
        assertEquals(30.0, s.get("B").criticalMs(), 1e-9);
        assertEquals(10.0, s.get("C").criticalMs(), 1e-9);
        assertEquals(List.of("R", "A", "B", "C"), v.spans().stream().map(TraceView.SpanView::spanId).toList());
        assertEquals(List.of(0, 1, 1, 1), v.spans().stream().map(TraceView.SpanView::depth).toList());
        assertEquals(100.0, v.durationMs(), 1e-9);
        assertEquals(4, v.spanCount());
        assertEquals(List.of(), v.warnings());
    }

    @Test
    void parallelChildren() {
        // R [0,100]; P1 [10,90] with G [20,50]; P2 [5,95] runs alongside P1.
        // self(R) = 100 - |[5,95]| = 10; self(P1) = 80 - 30 = 50.
        // Critical: R→P2 (ends last, 95): R [95,100]; P2 [5,95]; back at 5: nothing ended before 5: R [0,5].
        TraceView v = TraceViews.of("t", List.of(span("R", null, null, 0, 100), child("P1", "R", 10, 90),
                child("G", "P1", 20, 50), child("P2", "R", 5, 95)));
        Map<String, TraceView.SpanView> s = byId(v);
        assertEquals(10.0, s.get("R").selfMs(), 1e-9);
        assertEquals(50.0, s.get("P1").selfMs(), 1e-9);
        assertEquals(30.0, s.get("G").selfMs(), 1e-9);
        assertEquals(90.0, s.get("P2").selfMs(), 1e-9);
        assertEquals(List.of("R", "P2"), critical(v));
        assertEquals(10.0, s.get("R").criticalMs(), 1e-9);
        assertEquals(90.0, s.get("P2").criticalMs(), 1e-9);
        assertEquals(List.of("R", "P2", "P1", "G"), v.spans().stream().map(TraceView.SpanView::spanId).toList(),
                "siblings in start order");
        assertEquals(2, s.get("G").depth());
        assertEquals(10.0, s.get("P1").startMs(), 1e-9);
    }

    @Test
    void followsFromIsSetAsideByTheCriticalPathButCountsForSelfTime() {
        // R [0,100]; A CHILD_OF [10,40]; F FOLLOWS_FROM R [90,140] (outlives R), FC child of F [100,130].
        // self(R) = 100 - (|[10,40]| + |[90,100]|) = 60; self(F) = 50 - 30 = 20.
        // Critical (F and FC set aside): R→A: R [40,100]; A [10,40]; back at 10: R [0,10].
        TraceView v = TraceViews.of("t", List.of(span("R", null, null, 0, 100), child("A", "R", 10, 40),
                span("F", "R", "FOLLOWS_FROM", 90, 140), child("FC", "F", 100, 130)));
        Map<String, TraceView.SpanView> s = byId(v);
        assertEquals(60.0, s.get("R").selfMs(), 1e-9);
        assertEquals(20.0, s.get("F").selfMs(), 1e-9);
        assertEquals(List.of("R", "A"), critical(v));
        assertEquals(70.0, s.get("R").criticalMs(), 1e-9);
        assertEquals(140.0, v.durationMs(), 1e-9);
        assertEquals(List.of("span F (op-F) ends 40.000 ms after its parent R (child outside its parent)"),
                v.warnings());
        assertEquals("FOLLOWS_FROM", s.get("F").refType());
    }

    @Test
    void childThatOutlivesItsParent() {
        // R [0,100]; A [20,60] with X [50,120] (outlives A and R); B [70,90].
        // self(A) = 40 - |[50,60]| = 30; self(R) = 100 - |[20,60] ∪ [70,90]| = 40; self(X) = 70.
        // Critical: X is clipped to A: [50,60]. R→B (ends 90): R [90,100]; B [70,90]; back at 70: A (60 < 70):
        // R [60,70]; A→X: A [60,60] is empty; X [50,60]; back in A at 50: nothing ends before 50: A [20,50];
        // back in R at 20: R [0,20]. R 40, B 20, A 30, X 10 — 100 in all.
        TraceView v = TraceViews.of("t", List.of(span("R", null, null, 0, 100), child("A", "R", 20, 60),
                child("X", "A", 50, 120), child("B", "R", 70, 90)));
        Map<String, TraceView.SpanView> s = byId(v);
        assertEquals(30.0, s.get("A").selfMs(), 1e-9);
        assertEquals(40.0, s.get("R").selfMs(), 1e-9);
        assertEquals(70.0, s.get("X").selfMs(), 1e-9);
        assertEquals(List.of("R", "A", "X", "B"), critical(v));
        assertEquals(40.0, s.get("R").criticalMs(), 1e-9);
        assertEquals(30.0, s.get("A").criticalMs(), 1e-9);
        assertEquals(10.0, s.get("X").criticalMs(), 1e-9);
        assertEquals(20.0, s.get("B").criticalMs(), 1e-9);
        assertEquals(List.of("span X (op-X) ends 60.000 ms after its parent A (child outside its parent)"),
                v.warnings());
    }

    @Test
    void touchingSequentialStagesFollowJaegersStrictlyBefore() {
        // http [0,50] → P [1,4], L [4,30], I [30,45], Q [45,48], each starting exactly where the last ended.
        // self(H) = 50 - 47 = 3. Jaeger UI takes, on the way back, the child that ends strictly before the point
        // reached: H→Q: H [48,50]; Q [45,48]; back at 45 I ends at 45 (not before): L: H [30,45]; L [4,30];
        // back at 4 P ends at 4 (not before): H [0,4]. So P and I are not marked, exactly as Jaeger UI shows it.
        TraceView v = TraceViews.of("t", List.of(span("H", null, null, 0, 50), child("P", "H", 1, 4),
                child("L", "H", 4, 30), child("I", "H", 30, 45), child("Q", "H", 45, 48)));
        Map<String, TraceView.SpanView> s = byId(v);
        assertEquals(3.0, s.get("H").selfMs(), 1e-9);
        assertEquals(List.of("H", "L", "Q"), critical(v));
        assertEquals(21.0, s.get("H").criticalMs(), 1e-9);
        assertEquals(26.0, s.get("L").criticalMs(), 1e-9);
    }

    @Test
    void sequentialStagesWithGapsAreAllCritical() {
        // The demo's shape: P [1,3.9], L [4,29.9], I [30,44.9], Q [45,48] under H [0,50].
        // H→Q: H [48,50]; Q [45,48]; at 45: I: H [44.9,45]; I [30,44.9]; at 30: L: H [29.9,30]; L [4,29.9];
        // at 4: P: H [3.9,4]; P [1,3.9]; at 1: H [0,1]. H has 2 + 0.1 * 3 + 1 = 3.3 ms.
        TraceView v = TraceViews.of("t", List.of(span("H", null, null, 0, 50), child("P", "H", 1, 3.9),
                child("L", "H", 4, 29.9), child("I", "H", 30, 44.9), child("Q", "H", 45, 48)));
        Map<String, TraceView.SpanView> s = byId(v);
        assertEquals(List.of("H", "P", "L", "I", "Q"), critical(v));
        assertEquals(3.3, s.get("H").criticalMs(), 1e-9);
        assertEquals(3.3, s.get("H").selfMs(), 1e-9);
        assertEquals(25.9, s.get("L").criticalMs(), 1e-9);
    }

    @Test
    void brokenTracesAreWarnedAboutNeverFatal() {
        List<TraceSpan> spans = Arrays.asList(
                span("R", null, null, 0, 100),
                child("O", "MISSING", 10, 20),
                child("D", "R", 10, 20),
                child("D", "R", 30, 40),
                child("K", "R", -5, 5),
                child("C1", "C2", 50, 60),
                child("C2", "C1", 55, 65),
                child("S", "S", 70, 71));
        TraceView v = TraceViews.of("t", spans);
        assertEquals(8, v.spanCount());
        assertEquals(8, v.spans().size(), "every span is shown");
        List<String> w = v.warnings();
        assertTrue(w.contains("duplicate span id D: 2 spans share it"), w.toString());
        assertTrue(w.contains("orphan span O (op-O): its parent MISSING is not in the trace"), w.toString());
        assertTrue(w.contains("clock skew: span K (op-K) starts 5.000 ms before its parent R"), w.toString());
        assertTrue(w.contains("cycle: the parent links of span C1 (op-C1) loop back to it; it is shown as a root"),
                w.toString());
        assertTrue(w.contains("cycle: the parent links of span S (op-S) loop back to it; it is shown as a root"),
                w.toString());
        assertTrue(w.contains("span C2 (op-C2) ends 5.000 ms after its parent C1 (child outside its parent)"),
                w.toString());
        assertEquals(6, w.size(), w.toString());
        Map<String, TraceView.SpanView> s = byId(v);
        assertEquals(0, s.get("C1").depth());
        assertEquals(1, s.get("C2").depth());
        assertEquals(1.0, s.get("S").selfMs(), 1e-9, "a span is never its own child");
        assertEquals(105.0, v.durationMs(), 1e-9);
        assertEquals(0.0, s.get("K").startMs(), 1e-9, "the trace starts at its earliest span");
    }
}
