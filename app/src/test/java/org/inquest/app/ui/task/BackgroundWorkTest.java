package org.inquest.app.ui.task;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.inquest.connectors.workspace.Workspace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The workbench's background threads and DuckDB setting (ADR 0110). */
class BackgroundWorkTest {
    @TempDir
    Path dir;

    @Test
    void threadsAreDaemonsAtTheConfiguredPriority() {
        Thread t = BackgroundWork.thread(() -> { }, "w");
        assertEquals(Integer.getInteger("inquest.workerPriority", Thread.NORM_PRIORITY), t.getPriority());
        assertTrue(t.isDaemon());
        assertEquals("w", t.getName());
    }

    @Test
    void duckdbKeepsItsThreadsUnlessABenchmarkSetsThem() throws Exception {
        try (Workspace ws = Workspace.open(dir.resolve("w.duckdb"))) {
            Connection c = ws.newConnection();
            long before = threads(ws);
            assertEquals(c, BackgroundWork.configured(c));
            assertEquals(before, threads(ws));
            System.setProperty("inquest.duckdbThreads", Long.toString(before + 3));
            try {
                BackgroundWork.configured(c);
            } finally {
                System.clearProperty("inquest.duckdbThreads");
            }
            // the setting is the database's: the workspace's own connection sees it
            assertEquals(before + 3, threads(ws));
            c.close();
        }
    }

    private static long threads(Workspace ws) throws Exception {
        try (Statement s = ws.connection().createStatement();
                ResultSet rs = s.executeQuery("SELECT current_setting('threads')")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
