package org.inquest.app.ui.slice;

import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import org.inquest.analysis.filter.KeySample;
import org.inquest.connectors.catalog.TableInfo;

/**
 * Completion for one filter field outside the slice bar (the trace search's span and prediction filters): the
 * filter language's completion against the field's current table, with keys and key values of JSON columns from
 * {@link KeyLookups}. No JavaFX: the field asks {@link #complete} and shows what comes back.
 */
public final class FilterAssist {
    private final FilterChecker checker;
    private final Supplier<TableInfo> table;
    private final KeyLookups keys;

    /** {@code table} gives the table the field filters (null: none yet, nothing to complete). */
    public FilterAssist(FilterChecker checker, Supplier<TableInfo> table, KeyLookups keys) {
        this.checker = checker;
        this.table = table;
        this.keys = keys;
    }

    /**
     * What fits at {@code caret} in {@code text}. Keys or key values not read yet are asked for in the
     * background; {@code whenLoaded} runs (on the UI thread) when they arrive, to complete again.
     */
    public FilterChecker.CompletionProposal complete(String text, int caret, Runnable whenLoaded) {
        TableInfo info = table.get();
        if (info == null) {
            return FilterChecker.CompletionProposal.NONE;
        }
        return checker.complete(text == null ? "" : text, caret, info,
                lookups(info, column -> List.of(), keys, whenLoaded));
    }

    /** Lookups for {@code info}: its columns' {@code values}, and keys and key values from {@code keys}. */
    static FilterChecker.Lookups lookups(TableInfo info, Function<String, List<String>> values, KeyLookups keys,
            Runnable whenLoaded) {
        return new FilterChecker.Lookups() {
            @Override
            public List<String> values(String column) {
                return values.apply(column);
            }

            @Override
            public List<String> keys(String column) {
                return keys == null ? List.of() : keys.keys(info.name(), column, whenLoaded);
            }

            @Override
            public List<KeySample.Value> keyValues(String column, String key) {
                return keys == null ? List.of() : keys.values(info.name(), column, key, whenLoaded);
            }
        };
    }
}
