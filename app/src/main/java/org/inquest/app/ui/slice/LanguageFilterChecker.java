package org.inquest.app.ui.slice;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.inquest.analysis.filter.Completion;
import org.inquest.analysis.filter.FilterLanguage;
import org.inquest.analysis.filter.FilterSyntaxException;
import org.inquest.analysis.filter.KeySample;
import org.inquest.connectors.catalog.TableInfo;

/**
 * The slice bar's checker: the contract's filter language from {@code analysis} (the same parser, checker and
 * completion the command line uses), plus value completion from the values the pickers loaded, and keys and
 * their values of JSON columns ({@code attributes['http.route'] = '/v1/score'}) from {@link KeyLookups}.
 */
public final class LanguageFilterChecker implements FilterChecker {
    @Override
    public FilterCheck check(String text, TableInfo table) {
        try {
            return FilterCheck.ok(FilterLanguage.prepare(text, table).canonical());
        } catch (FilterSyntaxException e) {
            return FilterCheck.fault(e.position(), e.length(), e.getMessage());
        } catch (RuntimeException e) {
            return FilterCheck.fault(0, Math.max(1, text.length()), e.getMessage());
        }
    }

    @Override
    public CompletionProposal complete(String text, int caret, TableInfo table, Lookups lookups) {
        Completion c = FilterLanguage.complete(text, caret, table);
        List<Item> items = new ArrayList<>();
        String typed = c.prefix().toLowerCase(Locale.ROOT);
        if (c.keyColumn() != null) {
            for (String key : lookups.keys(c.keyColumn())) {
                if (key.toLowerCase(Locale.ROOT).startsWith(typed)) {
                    items.add(new Item(Completion.keyInsert(key), key, "key of " + c.keyColumn()));
                }
            }
            return new CompletionProposal(c.replaceFrom(), c.replaceTo(), items);
        }
        if (c.valueColumn() != null) {
            boolean inQuote = c.replaceFrom() < text.length() && text.charAt(c.replaceFrom()) == '\'';
            if (c.valueKey() != null) {
                String detail = c.valueColumn() + "['" + c.valueKey() + "']";
                for (KeySample.Value v : lookups.keyValues(c.valueColumn(), c.valueKey())) {
                    if (v.label().toLowerCase(Locale.ROOT).startsWith(typed)) {
                        // inside quotes the value is text, whatever it is stored as (it compares as text then)
                        items.add(new Item(inQuote ? FilterText.string(v.label()) : v.literal(), v.label(), detail));
                    }
                }
            } else if (inQuote || c.prefix().isEmpty() || !isNumberStart(c.prefix().charAt(0))) {
                // (the pickers' values are text: a number being typed is not one of them)
                for (String v : lookups.values(c.valueColumn())) {
                    if (v.toLowerCase(Locale.ROOT).startsWith(typed)) {
                        items.add(new Item(FilterText.string(v), v, c.valueColumn()));
                    }
                }
            }
            if (!items.isEmpty()) {
                int to = inQuote ? closingQuote(text, c.replaceFrom(), caret) : c.replaceTo();
                return new CompletionProposal(c.replaceFrom(), to, items);
            }
        }
        for (Completion.Suggestion s : c.suggestions()) {
            items.add(new Item(s.insertText(), s.label(), s.detail() == null ? s.kind().name().toLowerCase(
                    Locale.ROOT) : s.detail()));
        }
        return new CompletionProposal(c.replaceFrom(), c.replaceTo(), items);
    }

    private static boolean isNumberStart(char c) {
        return Character.isDigit(c) || c == '-' || c == '.';
    }

    /** When the caret is inside a string already closed later, replace through the closing quote. */
    private static int closingQuote(String text, int open, int caret) {
        int close = text.indexOf('\'', Math.max(open + 1, caret));
        return close < 0 ? caret : close + 1;
    }
}
