package org.inquest.app.ui.slice;

import java.util.List;
import org.inquest.connectors.catalog.TableInfo;

/** Checks and completes filter text against a table, in memory (no query), so it can run on every keystroke. */
public interface FilterChecker {
    FilterCheck check(String text, TableInfo table);

    /** Suggestions at {@code caret}; {@code values} gives the known values of a column for value completion. */
    CompletionProposal complete(String text, int caret, TableInfo table,
            java.util.function.Function<String, List<String>> values);

    /** Replace [{@code from}, {@code to}) with one of {@code items}' insert texts. */
    record CompletionProposal(int from, int to, List<Item> items) {
        public static final CompletionProposal NONE = new CompletionProposal(0, 0, List.of());
    }

    record Item(String insertText, String label, String detail) {
    }
}
