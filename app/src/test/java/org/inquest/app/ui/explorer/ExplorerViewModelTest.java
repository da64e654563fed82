package org.inquest.app.ui.explorer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.sql.Statement;
import org.inquest.app.ui.TestWorkspaces;
import org.inquest.app.ui.task.DirectTaskRunner;
import org.inquest.connectors.catalog.ColumnRole;
import org.inquest.connectors.catalog.TraceLink;
import org.inquest.connectors.workspace.MetadataSchema;
import org.inquest.connectors.workspace.TraceLinks;
import org.inquest.connectors.workspace.Workspace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExplorerViewModelTest {
    @TempDir
    Path dir;

    @Test
    void listsTablesWithRolesLineageAndQuarantine() throws Exception {
        try (Workspace ws = TestWorkspaces.small(dir)) {
            try (Statement s = ws.connection().createStatement()) {
                s.execute("INSERT INTO " + MetadataSchema.IMPORTS + " VALUES (1, 'preds', '/data/preds.csv', 123,"
                        + " 'abcdef0123456789abcdef', TIMESTAMP '2026-01-02 03:04:05.136627', 'predictions', 'csv', 10, 2)");
                s.execute("INSERT INTO " + MetadataSchema.QUARANTINE + " VALUES (1, 'preds', '/data/preds.csv', 4,"
                        + " 'score', '4,v1,1.7,1', 'score 1.7 outside [0,1]'), (1, 'preds', '/data/preds.csv', 9,"
                        + " 'label', '9,v2,0.3,yes', 'label ''yes'' is not 0/1')");
            }
            ExplorerViewModel vm = new ExplorerViewModel();
            vm.attach(new DirectTaskRunner(ws::connection));
            vm.refresh();
            assertEquals(1, vm.tables().size());
            TableSummary preds = vm.selectedProperty().get();
            assertEquals("preds", preds.name());
            assertEquals(10, preds.info().rows());
            assertEquals(2, preds.quarantined());
            assertEquals(ColumnRole.SCORE, preds.info().column("score").orElseThrow().role());
            assertEquals("/data/preds.csv", preds.lineage().get(0).source());
            assertEquals(2, preds.lineage().get(0).rowsQuarantined());
            assertEquals("2026-01-02 03:04:05", preds.lineage().get(0).importedAt(), "to the second, as the CLI shows it");
            vm.loadQuarantine("preds");
            assertEquals(2, vm.quarantine().size());
            assertEquals(4L, vm.quarantine().get(0).line());
            assertEquals("score 1.7 outside [0,1]", vm.quarantine().get(0).reason());
        }
    }

    @Test
    void showsTheSavedTraceLinksOfATable() throws Exception {
        try (Workspace ws = TestWorkspaces.small(dir)) {
            TraceLinks links = new TraceLinks(ws.connection());
            links.save("preds", "spans", new TraceLink("request_id", "request.id"));
            links.save("preds", "spans_b", new TraceLink("trace_id", null));
            links.save("other", "spans", new TraceLink("id", "x"));
            ExplorerViewModel vm = new ExplorerViewModel();
            vm.attach(new DirectTaskRunner(ws::connection));
            vm.refresh();
            TableSummary preds = vm.selectedProperty().get();
            assertEquals(java.util.List.of("request_id → spans by attribute 'request.id'",
                    "trace_id → spans_b by trace_id"), preds.links());
            assertEquals("Linked to traces: request_id → spans by attribute 'request.id'; trace_id → spans_b by"
                    + " trace_id\nNo import lineage (table created outside Inquest).", ExplorerView.lineageText(preds));
        }
    }
}
