package org.inquest.analysis.filter;

import java.util.List;

/**
 * What may be typed at a caret position in a filter. Replacing the text in [{@code replaceFrom},
 * {@code replaceTo}) with a suggestion's {@code insertText} completes the word being typed ({@code prefix}).
 * {@code valueColumn} names the column whose values fit at the caret (the caller looks the values up itself), or
 * is null when no value is expected there.
 */
public record Completion(int replaceFrom, int replaceTo, String prefix, List<Suggestion> suggestions,
                         String valueColumn) {
    public Completion {
        suggestions = List.copyOf(suggestions);
    }

    /** One thing that fits. */
    public record Suggestion(Kind kind, String insertText, String label, String detail) {
    }

    public enum Kind {
        COLUMN, KEYWORD, OPERATOR, PUNCTUATION
    }
}
