package org.inquest.app.ui.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import org.inquest.app.ui.TestWorkspaces;
import org.inquest.app.ui.task.DirectTaskRunner;
import org.inquest.connectors.workspace.Workspace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqlConsoleViewModelTest {
    @TempDir
    Path dir;

    @Test
    void runsAQueryAndKeepsHistoryNewestFirst() throws Exception {
        try (Workspace ws = TestWorkspaces.small(dir)) {
            SqlConsoleViewModel vm = new SqlConsoleViewModel();
            vm.attach(new DirectTaskRunner(ws::connection));
            vm.sqlProperty().set("SELECT model_version, count(*) AS n FROM preds GROUP BY 1 ORDER BY 1");
            vm.run();
            assertEquals(List.of("model_version", "n"), vm.resultProperty().get().columns());
            // v1 = ids 1..6, v2 = ids 7..10
            assertEquals(List.of(List.of("v1", 6L), List.of("v2", 4L)), vm.resultProperty().get().rows());
            assertEquals("", vm.errorProperty().get());
            vm.sqlProperty().set("SELECT 1");
            vm.run();
            assertEquals(List.of("SELECT 1",
                    "SELECT model_version, count(*) AS n FROM preds GROUP BY 1 ORDER BY 1"), vm.history());
        }
    }

    @Test
    void refusesWritesAndChangesNothing() throws Exception {
        try (Workspace ws = TestWorkspaces.small(dir)) {
            SqlConsoleViewModel vm = new SqlConsoleViewModel();
            vm.attach(new DirectTaskRunner(ws::connection));
            vm.sqlProperty().set("DELETE FROM preds");
            vm.run();
            assertTrue(vm.errorProperty().get().contains("read-only"), vm.errorProperty().get());
            // A write hidden in a CTE-looking statement is rolled back even if DuckDB would run it.
            vm.sqlProperty().set("WITH x AS (SELECT 1) SELECT * FROM x; DROP TABLE preds");
            vm.run();
            assertTrue(vm.errorProperty().get().contains("one statement"), vm.errorProperty().get());
            try (Statement s = ws.connection().createStatement();
                 ResultSet rs = s.executeQuery("SELECT count(*) FROM preds")) {
                rs.next();
                assertEquals(10, rs.getLong(1));
            }
        }
    }

    @Test
    void capsTheRowsFetched() throws Exception {
        try (Workspace ws = TestWorkspaces.small(dir)) {
            SqlConsoleViewModel vm = new SqlConsoleViewModel();
            vm.attach(new DirectTaskRunner(ws::connection));
            vm.sqlProperty().set("SELECT * FROM range(" + (SqlConsoleViewModel.MAX_ROWS + 5) + ")");
            vm.run();
            assertEquals(SqlConsoleViewModel.MAX_ROWS, vm.resultProperty().get().rows().size());
            assertTrue(vm.resultProperty().get().truncated());
        }
    }
}
