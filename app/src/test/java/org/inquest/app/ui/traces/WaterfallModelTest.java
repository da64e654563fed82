package org.inquest.app.ui.traces;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.inquest.analysis.traces.TraceSpan;
import org.inquest.analysis.traces.TraceViews;
import org.junit.jupiter.api.Test;

/** Collapsing and revealing on a small tree: R → (A → (A1, A2), B), services gw, svc, db. */
class WaterfallModelTest {
    static final long MS = 1_000_000L;

    static TraceSpan span(String id, String parent, String service, double from, double to) {
        return new TraceSpan(id, parent, parent == null ? null : "CHILD_OF", service, "op-" + id, null,
                Math.round(from * MS), Math.round(to * MS), 0);
    }

    static WaterfallModel model() {
        WaterfallModel m = new WaterfallModel();
        m.show("spans", TraceViews.of("t", List.of(span("R", null, "gw", 0, 100), span("A", "R", "svc", 10, 60),
                span("A1", "A", "db", 12, 30), span("A2", "A", "db", 31, 50), span("B", "R", "svc", 70, 90))));
        return m;
    }

    static List<String> visible(WaterfallModel m) {
        return m.rows().stream().map(r -> r.span().spanId() + (r.collapsed() ? "+" : "")).toList();
    }

    @Test
    void collapsingHidesTheSubtreeOnly() {
        WaterfallModel m = model();
        assertEquals(List.of("R", "A", "A1", "A2", "B"), visible(m));
        assertTrue(m.rows().get(1).hasChildren());
        assertFalse(m.rows().get(4).hasChildren());
        m.toggle(1);
        assertEquals(List.of("R", "A+", "B"), visible(m));
        m.toggle(0);
        assertEquals(List.of("R+"), visible(m));
        m.toggle(0);
        assertEquals(List.of("R", "A+", "B"), visible(m), "A stays collapsed under a re-expanded R");
        m.expandAll();
        assertEquals(List.of("R", "A", "A1", "A2", "B"), visible(m));
        m.collapseBelow(1);
        assertEquals(List.of("R", "A+", "B"), visible(m));
        m.collapseBelow(0);
        assertEquals(List.of("R+"), visible(m));
    }

    @Test
    void revealExpandsTheAncestorsAndSelects() {
        WaterfallModel m = model();
        m.collapseBelow(0);
        assertTrue(m.reveal("A2"));
        assertEquals(List.of("R", "A", "A1", "A2", "B"), visible(m));
        assertEquals("A2", m.selectedProperty().get().span().spanId());
        assertFalse(m.reveal("nope"));
    }

    @Test
    void servicesAreColouredInOrderOfFirstAppearance() {
        WaterfallModel m = model();
        assertEquals(List.of("gw", "svc", "db"), m.services());
        assertEquals(List.of(0, 1, 2, 2, 1), m.rows().stream().map(WaterfallModel.Row::colour).toList());
        m.clear();
        assertEquals(List.of(), m.rows());
    }
}
