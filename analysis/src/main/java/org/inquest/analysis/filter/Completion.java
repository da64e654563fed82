package org.inquest.analysis.filter;

import java.util.List;

/**
 * What may be typed at a caret position in a filter. Replacing the text in [{@code replaceFrom},
 * {@code replaceTo}) with a suggestion's {@code insertText} completes the word being typed ({@code prefix}).
 * {@code valueColumn} names the column whose values fit at the caret (the caller looks the values up itself), or
 * is null when no value is expected there; {@code valueKey} is set when that column was written with a key
 * ({@code attributes['http.route'] = }): the values are that key's. {@code keyColumn} names the JSON column whose
 * keys fit at the caret ({@code attributes['}), the caller looking them up too; {@link #keyInsert} writes one.
 */
public record Completion(int replaceFrom, int replaceTo, String prefix, List<Suggestion> suggestions,
                         String valueColumn, String valueKey, String keyColumn) {
    public Completion {
        suggestions = List.copyOf(suggestions);
    }

    public Completion(int replaceFrom, int replaceTo, String prefix, List<Suggestion> suggestions,
                      String valueColumn) {
        this(replaceFrom, replaceTo, prefix, suggestions, valueColumn, null, null);
    }

    /** The text that completes a key at this completion's range: quoted as the language reads it, bracket closed. */
    public static String keyInsert(String key) {
        return CanonicalText.string(key) + "]";
    }

    /** One thing that fits. */
    public record Suggestion(Kind kind, String insertText, String label, String detail) {
    }

    public enum Kind {
        COLUMN, KEYWORD, OPERATOR, PUNCTUATION
    }
}
