package org.inquest.connectors.ingest;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.duckdb.DuckDBPreparedStatement;
import org.duckdb.QueryProgress;

/**
 * Runs an import's statements on one connection: every value is a bound parameter, every statement is registered
 * with the {@link CancelHandle} while it runs, and long statements report DuckDB's own query progress to the
 * {@link ImportListener} about once a second.
 */
public final class SqlRunner {
    private final Connection connection;
    private final CancelHandle cancel;
    private final ImportListener listener;
    private Path currentFile;

    SqlRunner(Connection connection, CancelHandle cancel, ImportListener listener) {
        this.connection = connection;
        this.cancel = cancel;
        this.listener = listener;
    }

    public Connection connection() {
        return connection;
    }

    void currentFile(Path file) {
        this.currentFile = file;
    }

    /** Executes a statement; returns its update count (or -1). */
    public long update(String sql, Object... params) throws SQLException {
        return update(sql, List.of(params));
    }

    public long update(String sql, List<?> params) throws SQLException {
        cancel.check();
        try (PreparedStatement ps = prepare(sql, params)) {
            cancel.begin(ps);
            try {
                ps.execute();
                return ps.getUpdateCount();
            } finally {
                cancel.end();
            }
        } catch (SQLException e) {
            cancel.check();
            throw e;
        }
    }

    /** Like {@link #update} but reports progress while it runs: for the statements that read a whole file. */
    public long tracked(String sql, List<?> params) throws SQLException {
        cancel.check();
        ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "inquest-import-progress");
            t.setDaemon(true);
            return t;
        });
        try (PreparedStatement ps = prepare(sql, params)) {
            long started = System.nanoTime();
            // First report after a quarter second (a user sees at once that a big file is being read; a file read in
            // less than that needs no progress line), then every second.
            ScheduledFuture<?> task = poller.scheduleAtFixedRate(() -> report(ps, started), 250, 1000,
                    TimeUnit.MILLISECONDS);
            cancel.begin(ps);
            try {
                ps.execute();
                return ps.getUpdateCount();
            } finally {
                cancel.end();
                task.cancel(false);
            }
        } catch (SQLException e) {
            cancel.check();
            throw e;
        } finally {
            poller.shutdownNow();
        }
    }

    private void report(PreparedStatement ps, long started) {
        try {
            QueryProgress progress = ((DuckDBPreparedStatement) ps).getQueryProgress();
            long rows = progress.getRowsProcessed();
            double seconds = (System.nanoTime() - started) / 1e9;
            if (rows > 0 && currentFile != null) {
                listener.progress(currentFile, rows, rows / Math.max(seconds, 1e-3));
            }
        } catch (SQLException | RuntimeException ignored) {
            // Progress is best effort: a statement that just finished has none to give.
        }
    }

    /** The rows of a query, each as an array of objects. For small results (metadata, counts). */
    public List<Object[]> rows(String sql, Object... params) throws SQLException {
        cancel.check();
        List<Object[]> out = new ArrayList<>();
        try (PreparedStatement ps = prepare(sql, List.of(params))) {
            cancel.begin(ps);
            try (ResultSet rs = ps.executeQuery()) {
                int n = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    Object[] row = new Object[n];
                    for (int i = 0; i < n; i++) {
                        row[i] = rs.getObject(i + 1);
                    }
                    out.add(row);
                }
            } finally {
                cancel.end();
            }
        } catch (SQLException e) {
            cancel.check();
            throw e;
        }
        return out;
    }

    public long scalarLong(String sql, Object... params) throws SQLException {
        List<Object[]> rows = rows(sql, params);
        Object value = rows.isEmpty() ? null : rows.get(0)[0];
        return value == null ? 0 : ((Number) value).longValue();
    }

    private PreparedStatement prepare(String sql, List<?> params) throws SQLException {
        PreparedStatement ps = connection.prepareStatement(sql);
        for (int i = 0; i < params.size(); i++) {
            ps.setObject(i + 1, params.get(i));
        }
        return ps;
    }
}
