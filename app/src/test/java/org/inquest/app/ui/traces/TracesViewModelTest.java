package org.inquest.app.ui.traces;

import static org.inquest.app.ui.traces.TraceWorkspaces.T1;
import static org.inquest.app.ui.traces.TraceWorkspaces.T2;
import static org.inquest.app.ui.traces.TraceWorkspaces.T3;
import static org.inquest.app.ui.traces.TraceWorkspaces.T4;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.inquest.analysis.traces.OperationStats;
import org.inquest.analysis.traces.TraceCriteria;
import org.inquest.analysis.traces.TraceSearch;
import org.inquest.app.ui.task.DirectTaskRunner;
import org.inquest.connectors.catalog.TraceLink;
import org.inquest.connectors.workspace.TraceLinks;
import org.inquest.connectors.workspace.Workspace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The search form against the hand-made traces and predictions of {@link TraceWorkspaces}. */
class TracesViewModelTest {
    @TempDir
    Path dir;

    static List<String> ids(TracesViewModel vm) {
        return vm.traces().stream().map(TraceSearch.TraceSummary::traceId).toList();
    }

    static List<String> stages(TracesViewModel vm) {
        return vm.stages().stream().map(o -> o.service() + "/" + o.name() + " " + o.count()).toList();
    }

    @Test
    void searchesByDurationStatusAttributeAndLinkedPredictions() throws Exception {
        try (Workspace ws = TraceWorkspaces.linked(dir)) {
            TracesViewModel vm = new TracesViewModel();
            vm.attach(new DirectTaskRunner(ws::connection));
            assertEquals(List.of("spans"), vm.tables());
            assertEquals(List.of("preds"), vm.predictionTables());
            assertEquals(List.of("", "api", "cache", "db"), vm.services());
            assertEquals(List.of("", "GET /a", "GET /b", "get", "query"), vm.spanNames());
            assertEquals(List.of(T2, T1, T4, T3), ids(vm));
            assertEquals(4, vm.totalProperty().get());
            assertEquals(4, vm.pointsProperty().get().size());
            assertEquals(List.of("api/GET /a 2", "api/GET /b 2", "cache/get 1", "db/query 2"), stages(vm));
            assertTrue(vm.messageProperty().get().startsWith("4 traces match"), vm.messageProperty().get());

            vm.minMsProperty().set("50");
            vm.maxMsProperty().set("200");
            vm.search();
            assertEquals(List.of(T1, T4), ids(vm));
            // the stage statistics follow the matching traces: T1 (GET /a 100, query 50) and T4 (GET /b 80, get 5)
            assertEquals(List.of("api/GET /a 1", "api/GET /b 1", "cache/get 1", "db/query 1"), stages(vm));
            OperationStats query = vm.stages().get(3);
            assertEquals(50.0, query.p50(), 1e-9);

            vm.reset();
            vm.statusProperty().set(TraceCriteria.Status.ERROR);
            vm.search();
            assertEquals(List.of(T2, T3), ids(vm));

            vm.reset();
            vm.serviceProperty().set("db");
            vm.attributeKeyProperty().set("rows");
            vm.attributeOpProperty().set(AttributeCondition.Op.GT);
            vm.attributeValueProperty().set("100");
            vm.search();
            assertEquals(List.of(T2), ids(vm));

            // the attribute condition and the typed span filter hold on the same span
            vm.reset();
            vm.attributeKeyProperty().set("db.system");
            vm.attributeOpProperty().set(AttributeCondition.Op.LIKE);
            vm.attributeValueProperty().set("post%");
            vm.search();
            assertEquals(List.of(T1), ids(vm));
            vm.filterProperty().set("duration_ms > 100 OR name = 'get'");
            assertEquals("(duration_ms > 100 OR name = 'get') AND attributes['db.system'] LIKE 'post%'",
                    vm.spanFilterText());
            vm.search();
            // T1's query lasts 50 ms and is not 'get': nothing
            assertEquals(List.of(), ids(vm));

            vm.reset();
            vm.predictionFilterProperty().set("channel = 'mobile'");
            vm.search();
            assertEquals(List.of(T2, T3), ids(vm));
            // wrong predictions: id 2 (1 vs 0) and id 4 (0 vs 1); id 5 has no label
            vm.predictionFilterProperty().set("prediction <> label");
            vm.search();
            assertEquals(List.of(T2, T4), ids(vm));
        }
    }

    @Test
    void searchesOnlyOnceShownWhenToldItIsHidden() throws Exception {
        try (Workspace ws = TraceWorkspaces.linked(dir)) {
            TracesViewModel vm = new TracesViewModel();
            vm.setShown(false);
            vm.attach(new DirectTaskRunner(ws::connection));
            // the tables are listed (the request view needs the spans table) but nothing is scanned yet
            assertEquals(List.of("spans"), vm.tables());
            assertEquals(List.of(), ids(vm));
            assertEquals(List.of(), vm.services());
            assertEquals(0, vm.totalProperty().get());
            vm.setShown(true);
            assertEquals(List.of(T2, T1, T4, T3), ids(vm));
            assertEquals(List.of("", "api", "cache", "db"), vm.services());
            // shown again later: no second search of its own
            vm.minMsProperty().set("50");
            vm.maxMsProperty().set("200");
            vm.setShown(false);
            vm.setShown(true);
            assertEquals(List.of(T2, T1, T4, T3), ids(vm));
        }
    }

    @Test
    void badInputBecomesTheMessageAndKeepsTheLastResults() throws Exception {
        try (Workspace ws = TraceWorkspaces.linked(dir)) {
            TracesViewModel vm = new TracesViewModel();
            vm.attach(new DirectTaskRunner(ws::connection));
            vm.minMsProperty().set("fast");
            vm.search();
            assertEquals("minimum duration: 'fast' is not a number of milliseconds", vm.messageProperty().get());
            assertEquals(4, vm.traces().size());
            vm.reset();
            vm.predictionFilterProperty().set("nosuch = 1");
            vm.search();
            assertTrue(vm.messageProperty().get().contains("nosuch"), vm.messageProperty().get());
            vm.reset();
            vm.attributeKeyProperty().set("rows");
            vm.attributeOpProperty().set(AttributeCondition.Op.GT);
            vm.search();
            assertTrue(vm.messageProperty().get().contains("needs a value"), vm.messageProperty().get());
            vm.minMsProperty().set("300");
            vm.attributeKeyProperty().set("");
            vm.search();
            assertEquals(List.of(), ids(vm));
            assertEquals(List.of(), vm.stages());
            assertTrue(vm.messageProperty().get().startsWith("0 traces match"), vm.messageProperty().get());
        }
    }

    @Test
    void openingATraceFillsTheWaterfallAndSelectingASpanLoadsItsDetail() throws Exception {
        try (Workspace ws = TraceWorkspaces.linked(dir)) {
            TracesViewModel vm = new TracesViewModel();
            vm.attach(new DirectTaskRunner(ws::connection));
            vm.open(T1);
            assertNotNull(vm.waterfallProperty().get());
            WaterfallModel w = vm.waterfallModel();
            assertEquals(List.of("GET /a", "query"), w.rows().stream().map(r -> r.span().name()).toList());
            assertEquals(List.of("api", "db"), w.services());
            assertTrue(vm.messageProperty().get().contains("2 spans"), vm.messageProperty().get());
            w.selectedProperty().set(w.rows().get(1));
            assertNotNull(w.detailProperty().get());
            assertEquals("postgres", w.detailProperty().get().attributes().get("db.system"));
            vm.open("0123");
            assertTrue(vm.messageProperty().get().contains("no trace '0123'"), vm.messageProperty().get());
        }
    }
    @Test
    void anAttributeLinkChosenInTheFormIsCheckedSavedAndUsed() throws Exception {
        try (Workspace ws = TraceWorkspaces.byRequestId(dir)) {
            TracesViewModel vm = new TracesViewModel();
            vm.attach(new DirectTaskRunner(ws::connection));
            assertEquals(List.of("preds"), vm.predictionTables(), "linkable by its id column");
            assertEquals(TracesViewModel.LinkBy.TRACE_ID, vm.linkByProperty().get(), "nothing saved yet");
            assertEquals(List.of("", "request_id", "channel", "score", "prediction", "label"), vm.predictionColumns());
            vm.predictionFilterProperty().set("channel = 'mobile'");
            vm.search();
            assertTrue(vm.messageProperty().get().contains("no column with the trace_id role"),
                    vm.messageProperty().get());

            vm.linkByProperty().set(TracesViewModel.LinkBy.ATTRIBUTE);
            vm.linkAttributeProperty().set("request.idx");
            vm.search();
            assertEquals("no span of table 'spans' has the attribute 'request.idx' to link table 'preds' by",
                    vm.messageProperty().get());
            assertTrue(new TraceLinks(ws.connection()).find("preds", "spans").isEmpty(), "a bad link is not saved");
            assertEquals(0, vm.linksSavedProperty().get());

            vm.linkAttributeProperty().set("request.id");
            vm.search();
            assertEquals(List.of(T2, T3), ids(vm));
            assertEquals(java.util.Optional.of(new TraceLink("request_id", "request.id")),
                    new TraceLinks(ws.connection()).find("preds", "spans"), "saved for the request view and replay");
            assertEquals(1, vm.linksSavedProperty().get(), "the explorer is told to read the links again");
            vm.search();
            assertEquals(1, vm.linksSavedProperty().get(), "the same link again saves nothing");
            // a new view model (the workbench reopened) shows the saved link
            TracesViewModel again = new TracesViewModel();
            again.attach(new DirectTaskRunner(ws::connection));
            assertEquals(TracesViewModel.LinkBy.ATTRIBUTE, again.linkByProperty().get());
            assertEquals("request.id", again.linkAttributeProperty().get());
            assertEquals("request_id", again.linkColumnProperty().get());
        }
    }
}
