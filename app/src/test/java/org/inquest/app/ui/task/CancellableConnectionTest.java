package org.inquest.app.ui.task;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.inquest.connectors.workspace.Workspace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CancellableConnectionTest {
    @TempDir
    Path dir;

    @Test
    void cancelStopsTheRunningDuckDbStatement() throws Exception {
        try (Workspace ws = Workspace.open(dir.resolve("w.duckdb"))) {
            Connection worker = ws.newConnection();
            CancellableConnection tracked = CancellableConnection.wrap(worker);
            Connection c = tracked.connection();
            // Hours of work if not cancelled.
            CompletableFuture<Long> query = CompletableFuture.supplyAsync(() -> {
                try (Statement s = c.createStatement();
                     ResultSet rs = s.executeQuery("SELECT sum(a.range * b.range) FROM range(1000000) a, range(1000000) b")) {
                    rs.next();
                    return rs.getLong(1);
                } catch (SQLException e) {
                    throw new RuntimeException(e);
                }
            });
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            boolean finished = false;
            while (!finished && System.nanoTime() < deadline) {
                tracked.cancel(); // repeated: the statement may not have started executing on the first call
                try {
                    query.get(100, TimeUnit.MILLISECONDS);
                    finished = true;
                } catch (TimeoutException stillRunning) {
                    // cancel again
                } catch (ExecutionException expected) {
                    finished = true;
                }
            }
            assertTrue(query.isCompletedExceptionally(), "the query was cancelled, not completed");
            tracked.release();
            // The worker's connection survives for its next task; the wrapper refuses new work.
            assertThrows(SQLException.class, c::createStatement);
            try (Statement s = worker.createStatement(); ResultSet rs = s.executeQuery("SELECT 42")) {
                rs.next();
                assertTrue(rs.getInt(1) == 42);
            }
            c.close();
            assertFalse(worker.isClosed(), "closing the wrapper leaves the worker's connection open");
            worker.close();
        }
    }
}
