package org.inquest.app.ui.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import org.inquest.connectors.catalog.Catalog;
import org.inquest.connectors.workspace.Workspace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The first-run demo workspace holds the predictions and every request's trace. */
class DemoIncidentTest {
    @TempDir
    Path dir;

    @Test
    void everyPredictionHasItsTraceInTheSpansTable() throws Exception {
        Path workspace = DemoIncident.ensure(dir.resolve("demo").resolve("incident.duckdb"), 3_000, line -> { });
        assertTrue(Files.isRegularFile(workspace));
        try (Workspace ws = Workspace.openReadOnly(workspace); Statement s = ws.connection().createStatement()) {
            assertEquals("traces", new Catalog(ws.connection()).table(DemoIncident.SPANS).kind());
            try (ResultSet r = s.executeQuery("SELECT count(*), count(*) FILTER (WHERE NOT EXISTS (SELECT 1 FROM "
                    + "spans x WHERE x.trace_id = p.trace_id)) FROM predictions p")) {
                r.next();
                assertEquals(3_000, r.getLong(1));
                assertEquals(0, r.getLong(2));
            }
        }
    }
}
