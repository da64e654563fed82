package org.inquest.app.ui.request;

import static org.inquest.app.ui.traces.TraceWorkspaces.NO_SPANS;
import static org.inquest.app.ui.traces.TraceWorkspaces.T2;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.inquest.analysis.slice.Slice;
import org.inquest.analysis.slice.SliceResolver;
import org.inquest.app.ui.common.ResultGrid;
import org.inquest.app.ui.task.DirectTaskRunner;
import org.inquest.app.ui.task.TaskRunner;
import org.inquest.app.ui.traces.TraceWorkspaces;
import org.inquest.connectors.workspace.Workspace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The request view on the hand-made predictions and traces of {@link TraceWorkspaces}. */
class RequestViewModelTest {
    @TempDir
    Path dir;

    static Map<String, List<Object>> byField(ResultGrid grid) {
        Map<String, List<Object>> m = new HashMap<>();
        grid.rows().forEach(r -> m.put((String) r.get(1), r));
        return m;
    }

    static RequestViewModel vm(Workspace ws, Slice reference) {
        TaskRunner runner = new DirectTaskRunner(ws::connection);
        return new RequestViewModel(() -> runner, () -> "preds", () -> "spans", () -> reference);
    }

    @Test
    void fromATraceToItsPredictionWithFlagsAgainstTheReference() throws Exception {
        try (Workspace ws = TraceWorkspaces.linked(dir)) {
            RequestViewModel vm = vm(ws, new SliceResolver(ws.connection()).resolve("ref", null));
            vm.open(RequestKey.trace(T2.toUpperCase()));
            Map<String, List<Object>> f = byField(vm.fieldsProperty().get());
            assertEquals(2L, f.get("id").get(2));
            assertEquals(T2, f.get("trace_id").get(2));
            assertEquals(0.8, f.get("score").get(2));
            // prediction 1, label 0
            assertEquals("wrong", f.get("outcome").get(2));
            assertEquals("wrong", f.get("outcome").get(3));
            // amount 500 against ref amount 0..100; channel mobile is in the reference
            assertEquals("out_of_range", f.get("amount").get(3));
            assertEquals("outside the reference range [0, 100]", f.get("amount").get(4));
            assertNull(f.get("channel").get(3));
            assertEquals("Prediction 2 in preds · trace " + T2, vm.titleProperty().get());
            assertTrue(vm.messageProperty().get().startsWith("1 feature flagged against ref; trace: 2 spans, 250.000 ms"),
                    vm.messageProperty().get());
            assertEquals(List.of("GET /a", "query"), vm.waterfall().rows().stream().map(r -> r.span().name()).toList());
            assertEquals(T2, vm.traceId());
        }
    }

    @Test
    void byIdWithoutSpansAndAgainstTheWholeTableWhenThereIsNoReference() throws Exception {
        try (Workspace ws = TraceWorkspaces.linked(dir)) {
            RequestViewModel vm = vm(ws, null);
            vm.open(RequestKey.id(null, 3));
            Map<String, List<Object>> f = byField(vm.fieldsProperty().get());
            assertEquals("null", f.get("amount").get(3));
            // preds.amount: 1 null of 5 rows
            assertEquals("missing value (20.0% of the reference is null)", f.get("amount").get(4));
            assertEquals("correct", f.get("outcome").get(2));
            assertTrue(vm.messageProperty().get().contains("against preds"), vm.messageProperty().get());

            vm.open(RequestKey.id("preds", 5));
            f = byField(vm.fieldsProperty().get());
            assertEquals("unlabeled", f.get("label").get(3));
            assertTrue(!f.containsKey("outcome"), "no outcome without a label");
            // tablet is a category the table has once: itself
            assertNull(f.get("channel").get(3));
            assertTrue(vm.messageProperty().get().endsWith("no spans of this trace in spans"),
                    vm.messageProperty().get());
            assertEquals(List.of(), vm.waterfall().rows());
            assertEquals(NO_SPANS, vm.traceId());

            vm.open(RequestKey.id(null, 99));
            assertEquals("no prediction for prediction 99 in preds", vm.messageProperty().get());
        }
    }

    @Test
    void aResultRowNamesItsRequestByTraceIdFirst() {
        assertEquals(RequestKey.trace("abc"), RequestKey.fromRow(List.of("ID", "Trace_ID"), List.of(7, "abc"))
                .orElseThrow());
        assertEquals(RequestKey.id(null, 7), RequestKey.fromRow(List.of("request_id", "trace_id"),
                Arrays.asList(7, null)).orElseThrow());
        assertTrue(RequestKey.fromRow(List.of("channel", "n"), List.of("web", 3)).isEmpty());
        assertEquals("correct", RequestViewModel.outcome(1L, 1));
        assertEquals("wrong", RequestViewModel.outcome("cat", "dog"));
        assertNull(RequestViewModel.outcome(1, null));
    }
}
