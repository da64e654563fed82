package org.inquest.analysis.drift;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.duckdb.DuckDBConnection;
import org.inquest.analysis.slice.Slice;

/**
 * Runs the features' sorted merges two at a time, each worker on its own duplicate of the caller's DuckDB
 * connection (one connection per thread). Sorting is parallel inside DuckDB but the running sums after it are a
 * single stream, so a second merge keeps the other core busy meanwhile. Results do not depend on the schedule.
 */
final class ParallelMerges {
    static final int WORKERS = Math.max(1, Math.min(2, Runtime.getRuntime().availableProcessors()));

    private ParallelMerges() {
    }

    static Map<String, SortedMerge.Result> run(Connection connection, Slice reference, Slice current,
            List<MergeTask> tasks) throws SQLException {
        Map<String, SortedMerge.Result> results = new ConcurrentHashMap<>();
        int workers = Math.min(WORKERS, tasks.size());
        if (workers <= 1 || !connection.isWrapperFor(DuckDBConnection.class)) {
            for (MergeTask t : tasks) {
                results.put(t.column(), merge(connection, reference, current, t));
            }
            return results;
        }
        DuckDBConnection duck = connection.unwrap(DuckDBConnection.class);
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(workers, r -> {
            Thread thread = new Thread(r, "inquest-drift-merge");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<Void>> futures = new ArrayList<>();
            for (int w = 0; w < workers; w++) {
                futures.add(pool.submit(() -> {
                    try (Connection own = duck.duplicate()) {
                        for (int i = next.getAndIncrement(); i < tasks.size(); i = next.getAndIncrement()) {
                            MergeTask t = tasks.get(i);
                            results.put(t.column(), merge(own, reference, current, t));
                        }
                    }
                    return null;
                }));
            }
            for (Future<Void> f : futures) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("drift interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof SQLException sql) {
                throw sql;
            }
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new SQLException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
        return results;
    }

    private static SortedMerge.Result merge(Connection c, Slice reference, Slice current, MergeTask t)
            throws SQLException {
        long t0 = System.nanoTime();
        SortedMerge.Result result = SortedMerge.run(c, reference, current, t.column(), t.n(), t.m(), t.source());
        Timing.report("  " + t.column() + " (" + t.source() + ")", t0);
        return result;
    }
}
