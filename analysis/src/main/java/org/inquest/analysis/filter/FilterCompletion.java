package org.inquest.analysis.filter;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.inquest.analysis.filter.Completion.Kind;
import org.inquest.analysis.filter.Completion.Suggestion;
import org.inquest.connectors.catalog.ColumnInfo;
import org.inquest.connectors.catalog.TableInfo;

/**
 * Completion for the filter bar: parses the text before the caret (minus the word being typed) and offers what
 * the grammar would accept next — columns, keywords, operators — filtered by the typed prefix and, for operators,
 * by the type of the column just written (no LIKE after a number). Never throws for incomplete input.
 */
final class FilterCompletion {
    private FilterCompletion() {
    }

    static Completion complete(String text, int caret, TableInfo table) {
        int at = Math.max(0, Math.min(caret, text.length()));
        String before = text.substring(0, at);
        try {
            Lexer.tokenize(before);
        } catch (FilterSyntaxException e) {
            return unterminated(text, at, e, table);
        }
        int wordStart = at;
        while (wordStart > 0 && Lexer.isIdentifierPart(before.charAt(wordStart - 1))) {
            wordStart--;
        }
        if (wordStart < at && !Lexer.isIdentifierStart(before.charAt(wordStart))) {
            // a number is being typed: only values can complete it (no column or keyword starts with a digit)
            return number(text, before, wordStart, at, table);
        }
        int wordEnd = at;
        while (wordEnd < text.length() && Lexer.isIdentifierPart(text.charAt(wordEnd))) {
            wordEnd++;
        }
        String prefix = before.substring(wordStart);
        Parser.Expectation expected = expectation(before.substring(0, wordStart));
        if (expected.keyColumn() != null && prefix.isEmpty()) {
            return keys(table, expected.keyColumn(), at, at, "");
        }
        List<Suggestion> suggestions = new ArrayList<>();
        if (expected.expected().contains(Parser.COLUMN)) {
            suggestions.addAll(columns(table, prefix, false));
        }
        ValueType valueType = typeOf(table, expected.valueColumn());
        if (expected.expected().contains(Parser.VALUE)) {
            if (valueType == ValueType.BOOLEAN || valueType == null) {
                addKeyword(suggestions, "TRUE", prefix);
                addKeyword(suggestions, "FALSE", prefix);
            }
            if (valueType == ValueType.TIMESTAMP) {
                addKeyword(suggestions, "TIMESTAMP", prefix);
                addKeyword(suggestions, "DATE", prefix);
            }
        }
        // a keyed value's type comes from what it is compared with (ADR 0073): every operator fits
        ValueType subjectType = expected.subjectKeyed() ? null : typeOf(table, expected.subject());
        for (String item : expected.expected()) {
            if (item.equals(Parser.COLUMN) || item.equals(Parser.VALUE)) {
                continue;
            }
            if (!fits(item, subjectType)) {
                continue;
            }
            boolean word = Character.isLetter(item.charAt(0));
            if (word) {
                addKeyword(suggestions, item, prefix);
            } else if (prefix.isEmpty()) {
                boolean operator = !item.equals("(") && !item.equals(")") && !item.equals(",");
                suggestions.add(new Suggestion(operator ? Kind.OPERATOR : Kind.PUNCTUATION, item, item, null));
            }
        }
        return new Completion(wordStart, wordEnd, prefix, suggestions, expected.valueColumn(), expected.valueKey(),
                null);
    }

    /**
     * A key of JSON column {@code column} is being typed (after {@code column[}, in quotes from {@code from} when
     * the quote is open). The keys themselves are the caller's to look up; the range runs through the closing
     * {@code ']} when the text after the caret already has them, so picking a key never doubles them.
     */
    private static Completion keys(TableInfo table, String column, int from, int at, String typed) {
        ColumnInfo info = columnInfo(table, column);
        if (info == null || !KeyedValues.isJson(info.sqlType())) {
            return new Completion(at, at, "", List.of(), null);
        }
        return new Completion(from, at, typed, List.of(), null, null, info.name());
    }

    /** Where a key string open at {@code open} ends with its {@code ']}, searching from {@code at}; else {@code at}. */
    private static int keyEnd(String text, int open, int at) {
        int i = Math.max(at, open + 1);
        while (i < text.length()) {
            if (text.charAt(i) == '\'') {
                if (i + 1 < text.length() && text.charAt(i + 1) == '\'') {
                    i += 2;
                    continue;
                }
                int j = i + 1;
                while (j < text.length() && Character.isWhitespace(text.charAt(j))) {
                    j++;
                }
                return j < text.length() && text.charAt(j) == ']' ? j + 1 : i + 1;
            }
            if (text.charAt(i) == ']' || text.charAt(i) == '[') {
                return at;
            }
            i++;
        }
        return at;
    }

    /**
     * The caret ends a number being typed (digits from {@code start}; a '.' or '-' before them belongs to it): the
     * value column there, with the number as prefix, so known values can complete it; nothing else fits.
     */
    private static Completion number(String text, String before, int start, int at, TableInfo table) {
        int from = start;
        while (from > 0 && (Character.isDigit(before.charAt(from - 1)) || before.charAt(from - 1) == '.')) {
            from--;
        }
        if (from > 0 && before.charAt(from - 1) == '-') {
            from--;
        }
        int to = at;
        while (to < text.length() && (Lexer.isIdentifierPart(text.charAt(to)) || text.charAt(to) == '.')) {
            to++;
        }
        Parser.Expectation expected = expectation(before.substring(0, from));
        if (!expected.expected().contains(Parser.VALUE)) {
            return new Completion(at, at, "", List.of(), null);
        }
        return new Completion(from, to, before.substring(from), List.of(), expected.valueColumn(),
                expected.valueKey(), null);
    }

    /** The caret is inside an open quote: a column name being typed, or a value (no suggestions, value column). */
    private static Completion unterminated(String text, int at, FilterSyntaxException e, TableInfo table) {
        String before = text.substring(0, at);
        int open = e.position();
        String typed = before.substring(Math.min(open + 1, before.length()));
        if (e.problem() == FilterSyntaxException.Problem.UNTERMINATED_IDENTIFIER) {
            Parser.Expectation expected = expectation(before.substring(0, open));
            List<Suggestion> cols = expected.expected().contains(Parser.COLUMN)
                    ? columns(table, typed.replace("\"\"", "\""), true) : List.of();
            return new Completion(open, at, typed, cols, null);
        }
        if (e.problem() == FilterSyntaxException.Problem.UNTERMINATED_STRING) {
            Parser.Expectation expected = expectation(before.substring(0, open));
            if (expected.keyColumn() != null) {
                Completion c = keys(table, expected.keyColumn(), open, at, typed.replace("''", "'"));
                return c.keyColumn() == null ? c : new Completion(open, keyEnd(text, open, at), c.prefix(),
                        List.of(), null, null, c.keyColumn());
            }
            return new Completion(open, at, typed.replace("''", "'"), List.of(), expected.valueColumn(),
                    expected.valueKey(), null);
        }
        return new Completion(at, at, "", List.of(), null);
    }

    private static Parser.Expectation expectation(String context) {
        try {
            return Parser.expectationAfter(context);
        } catch (FilterSyntaxException e) {
            return new Parser.Expectation(java.util.Set.of(), null, null);
        }
    }

    private static List<Suggestion> columns(TableInfo table, String prefix, boolean alwaysQuote) {
        List<Suggestion> out = new ArrayList<>();
        String p = prefix.toLowerCase(Locale.ROOT);
        for (ColumnInfo c : table.columns()) {
            if (c.name().toLowerCase(Locale.ROOT).startsWith(p)) {
                String insert = alwaysQuote ? "\"" + c.name().replace("\"", "\"\"") + "\""
                        : CanonicalText.identifier(c.name());
                out.add(new Suggestion(Kind.COLUMN, insert, c.name(), c.sqlType()));
            }
        }
        return out;
    }

    private static void addKeyword(List<Suggestion> out, String keyword, String prefix) {
        if (keyword.startsWith(prefix.toUpperCase(Locale.ROOT))
                && out.stream().noneMatch(s -> s.insertText().equals(keyword))) {
            out.add(new Suggestion(Kind.KEYWORD, keyword, keyword, null));
        }
    }

    /** Operators that make sense after a column of {@code type} (all of them when unknown). */
    private static boolean fits(String item, ValueType type) {
        if (type == null) {
            return true;
        }
        return switch (item) {
            case "LIKE" -> type == ValueType.TEXT;
            case "<", "<=", ">", ">=", "BETWEEN" -> type != ValueType.BOOLEAN && type != ValueType.OTHER;
            case "=", "!=", "IN" -> type != ValueType.OTHER;
            case "NOT" -> type != ValueType.OTHER;
            default -> true;
        };
    }

    private static ValueType typeOf(TableInfo table, String column) {
        ColumnInfo info = columnInfo(table, column);
        return info == null ? null : ValueType.ofSqlType(info.sqlType());
    }

    /** The column named {@code column}, by exact name first, then ignoring case (as the checker resolves). */
    private static ColumnInfo columnInfo(TableInfo table, String column) {
        if (column == null) {
            return null;
        }
        return table.column(column)
                .or(() -> table.columns().stream().filter(c -> c.name().equalsIgnoreCase(column)).findFirst())
                .orElse(null);
    }
}
