package org.inquest.app.ui.slice;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.inquest.analysis.filter.KeySample;
import org.inquest.app.ui.task.TaskRunner;

/**
 * The keys of JSON columns and the values of keys, for completing {@code attributes['...']}: read by a bounded
 * query ({@link KeySample}) in a background task the first time they are asked for, then cached per table and
 * column (values per key, the most recent {@value #MAX_KEYS_WITH_VALUES} keys). Until a lookup has arrived it
 * answers with nothing and runs {@code whenLoaded} once it has, so the field can complete again. Used from the UI
 * thread only; {@link #clear()} when the workspace or its tables change.
 */
public final class KeyLookups {
    static final int MAX_KEYS_WITH_VALUES = 64;

    private final Supplier<TaskRunner> runner;
    private final Map<String, List<String>> keys = new HashMap<>();
    private final Map<String, List<KeySample.Value>> values = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, List<KeySample.Value>> eldest) {
            return size() > MAX_KEYS_WITH_VALUES;
        }
    };
    private final Set<String> loading = new HashSet<>();
    /** Bumped by {@link #clear()}: a lookup started before it is dropped when it arrives. */
    private long generation;

    public KeyLookups(Supplier<TaskRunner> runner) {
        this.runner = runner;
    }

    /** The keys of JSON column {@code column} of {@code table}; empty while they are being read. */
    public List<String> keys(String table, String column, Runnable whenLoaded) {
        String id = table + '\u0000' + column;
        return lookup(keys, id, "Reading the keys of " + column,
                () -> ctx -> KeySample.keys(ctx.connection(), table, column), whenLoaded);
    }

    /** The values of {@code key} in JSON column {@code column} of {@code table}; empty while being read. */
    public List<KeySample.Value> values(String table, String column, String key, Runnable whenLoaded) {
        String id = table + '\u0000' + column + '\u0000' + key;
        return lookup(values, id, "Reading the values of " + column + "['" + key + "']",
                () -> ctx -> KeySample.values(ctx.connection(), table, column, key), whenLoaded);
    }

    /** Forgets every cached lookup (a new workspace, or tables re-imported). */
    public void clear() {
        generation++;
        keys.clear();
        values.clear();
        loading.clear();
    }

    private <T> List<T> lookup(Map<String, List<T>> cache, String id, String title,
            Supplier<org.inquest.app.ui.task.Work<List<T>>> work, Runnable whenLoaded) {
        List<T> cached = cache.get(id);
        if (cached != null) {
            return cached;
        }
        TaskRunner r = runner.get();
        if (r == null || !loading.add(id)) {
            return List.of();
        }
        long mine = generation;
        r.submit(title, work.get(), found -> {
            if (mine == generation) {
                loading.remove(id);
                cache.put(id, List.copyOf(found));
                whenLoaded.run();
            }
        }, error -> {
            if (mine == generation) {
                loading.remove(id);
                cache.put(id, List.of()); // not a JSON column after all, or unreadable: offer nothing, ask no more
            }
        });
        return cache.getOrDefault(id, List.of());
    }
}
