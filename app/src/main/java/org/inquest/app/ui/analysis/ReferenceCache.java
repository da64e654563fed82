package org.inquest.app.ui.analysis;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * Results that depend only on the reference slice (or on the workspace's catalog), kept while only the current
 * filter changes: the reference's row count, model quality, calibration, latency and data-quality profile are
 * computed once per reference and reused by every later filter change. Keys name what was computed and for which
 * reference ({@code "perf|BINARY|predictions|<filter>"}). Both workers use it: values are computed outside the lock
 * (two workers may compute the same value once each; both get equal results) and a failed or cancelled computation
 * stores nothing. {@link #clear()} forgets everything — a new workspace, an import, a refresh.
 */
public final class ReferenceCache {
    private final Map<String, Object> values = new HashMap<>();
    private long epoch;

    /** The cached value for {@code key}, computing it when absent. */
    public <T> T get(String key, Callable<T> compute) throws Exception {
        long mine;
        synchronized (this) {
            if (values.containsKey(key)) {
                @SuppressWarnings("unchecked")
                T cached = (T) values.get(key);
                return cached;
            }
            mine = epoch;
        }
        T value = compute.call();
        synchronized (this) {
            if (mine == epoch) {
                values.put(key, value);
            }
        }
        return value;
    }

    /** Forgets every cached value (a computation running meanwhile does not store its result). */
    public synchronized void clear() {
        values.clear();
        epoch++;
    }

    public synchronized int size() {
        return values.size();
    }
}
