package org.inquest.app.ui.task;

import java.sql.Connection;

/** What a piece of {@link Work} may use: the worker's own connection, cancellation and progress reporting. */
public interface WorkContext {
    /**
     * The worker thread's own DuckDB connection (DuckDB wants one connection per thread). Statements created on it
     * are tracked so that cancelling the task cancels them ({@code Statement.cancel()}).
     */
    Connection connection();

    boolean isCancelled();

    /** Reports progress; {@code total <= 0} means indeterminate. */
    void progress(long done, long total, String message);

    /** Throws {@link java.util.concurrent.CancellationException} when the task was cancelled. */
    default void checkCancelled() {
        if (isCancelled()) {
            throw new java.util.concurrent.CancellationException("cancelled");
        }
    }
}
