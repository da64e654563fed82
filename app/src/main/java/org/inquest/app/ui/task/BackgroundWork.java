package org.inquest.app.ui.task;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The threads that run the workbench's DuckDB work (the task workers, the thread that opens workspaces and
 * imports) and DuckDB's own thread count. On Linux each such thread lowers its own scheduling priority when it
 * starts ({@link ThreadNice}: nice 10), and DuckDB's threads, started from them, inherit it: the window's threads
 * then get a core first and a filter change no longer stalls the window (ADR 0125, which replaces ADR 0110's
 * "normal priority"). DuckDB keeps its one thread per core. For measurements {@code -Dinquest.workerPriority=N}
 * sets the workers' Java priority (on Linux it reaches the scheduler only with {@code -XX:ThreadPriorityPolicy=1})
 * and {@code -Dinquest.duckdbThreads=N} DuckDB's thread count.
 */
public final class BackgroundWork {
    /** Java priority of the threads that run DuckDB work. */
    public static final int PRIORITY = Integer.getInteger("inquest.workerPriority", Thread.NORM_PRIORITY);

    private BackgroundWork() {
    }

    /** DuckDB's thread count when {@code -Dinquest.duckdbThreads} sets one (benchmarks), else null: DuckDB's own. */
    public static Integer duckdbThreads() {
        Integer override = Integer.getInteger("inquest.duckdbThreads");
        return override == null ? null : Math.max(1, override);
    }

    /** A daemon thread at {@link #PRIORITY} that lowers its own nice value first ({@link ThreadNice}). */
    public static Thread thread(Runnable r, String name) {
        Thread t = new Thread(() -> {
            ThreadNice.lowerThisThread();
            r.run();
        }, name);
        t.setDaemon(true);
        t.setPriority(PRIORITY);
        return t;
    }

    /**
     * Sets DuckDB's thread count on {@code c}'s database when {@link #duckdbThreads()} asks for one (a global
     * setting; idempotent) and returns {@code c}. Called on a worker, so threads DuckDB starts for the new count
     * inherit the worker's priority.
     */
    public static Connection configured(Connection c) {
        Integer threads = duckdbThreads();
        if (threads == null) {
            return c;
        }
        try (Statement s = c.createStatement()) {
            s.execute("SET threads = " + threads);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot set DuckDB's threads: " + e.getMessage(), e);
        }
        return c;
    }
}
