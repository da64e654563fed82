package org.inquest.connectors.ingest;

import java.sql.SQLException;
import java.sql.Statement;

/**
 * Cancels a running import from another thread (Ctrl-C on the command line, a Cancel button in the workbench).
 * The import registers each long statement here; {@link #cancel()} marks the import cancelled and asks DuckDB to
 * interrupt the running statement, after which the import rolls its transaction back.
 */
public final class CancelHandle {
    private volatile boolean cancelled;
    private Statement running;

    /** Requests cancellation; safe to call from any thread, any number of times. */
    public void cancel() {
        Statement statement;
        synchronized (this) {
            cancelled = true;
            statement = running;
        }
        if (statement != null) {
            try {
                statement.cancel();
            } catch (SQLException ignored) {
                // The statement finished or closed in the meantime; the flag still stops the import.
            }
        }
    }

    public boolean isCancelled() {
        return cancelled;
    }

    /** Throws when cancellation was requested; called between the steps of an import. */
    public void check() {
        if (cancelled) {
            throw new ImportCancelledException();
        }
    }

    synchronized void begin(Statement statement) {
        running = statement;
    }

    synchronized void end() {
        running = null;
    }
}
