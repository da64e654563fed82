package org.inquest.app.ui.slice;

import java.util.List;
import org.inquest.analysis.filter.KeySample;
import org.inquest.connectors.catalog.TableInfo;

/** Checks and completes filter text against a table, in memory (no query), so it can run on every keystroke. */
public interface FilterChecker {
    FilterCheck check(String text, TableInfo table);

    /** Suggestions at {@code caret}, with what {@code lookups} knows of values and keys. */
    CompletionProposal complete(String text, int caret, TableInfo table, Lookups lookups);

    /**
     * What completion knows beyond the table's columns, already loaded (answers are in memory; a lookup that is
     * not loaded yet answers empty).
     */
    @FunctionalInterface
    interface Lookups {
        /** The known values of {@code column}. */
        List<String> values(String column);

        /** The keys of JSON column {@code column}. */
        default List<String> keys(String column) {
            return List.of();
        }

        /** The values of {@code key} in JSON column {@code column}. */
        default List<KeySample.Value> keyValues(String column, String key) {
            return List.of();
        }
    }

    /** Replace [{@code from}, {@code to}) with one of {@code items}' insert texts. */
    record CompletionProposal(int from, int to, List<Item> items) {
        public static final CompletionProposal NONE = new CompletionProposal(0, 0, List.of());
    }

    record Item(String insertText, String label, String detail) {
    }
}
