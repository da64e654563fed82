package org.inquest.analysis.filter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class FilterCompletionTest {
    private static List<String> inserts(Completion c) {
        return c.suggestions().stream().map(Completion.Suggestion::insertText).toList();
    }

    @Test
    void emptyTextOffersColumnsNotAndParenthesis() {
        Completion c = FilterLanguage.complete("", 0, FilterLanguageTest.TABLE);
        List<String> s = inserts(c);
        assertTrue(s.containsAll(List.of("id", "name", "age", "\"odd col\"", "NOT", "(")), s.toString());
        assertFalse(s.contains("AND"), s.toString());
        assertEquals(0, c.replaceFrom());
    }

    @Test
    void aPrefixFiltersColumnsAndKeywordsCaseInsensitively() {
        Completion c = FilterLanguage.complete("age > 5 an", 10, FilterLanguageTest.TABLE);
        assertEquals(List.of("AND"), inserts(c));
        assertEquals(8, c.replaceFrom());
        assertEquals(10, c.replaceTo());
        assertEquals("an", c.prefix());

        Completion col = FilterLanguage.complete("age > 5 AND Na", 14, FilterLanguageTest.TABLE);
        assertEquals(List.of("name"), inserts(col));
    }

    @Test
    void afterAColumnComeOperatorsThatFitItsType() {
        List<String> afterNumber = inserts(FilterLanguage.complete("age ", 4, FilterLanguageTest.TABLE));
        assertTrue(afterNumber.containsAll(List.of("=", "!=", "<", ">=", "IN", "BETWEEN", "IS", "NOT")),
                afterNumber.toString());
        assertFalse(afterNumber.contains("LIKE"), afterNumber.toString());
        List<String> afterText = inserts(FilterLanguage.complete("name ", 5, FilterLanguageTest.TABLE));
        assertTrue(afterText.contains("LIKE"), afterText.toString());
        List<String> afterBool = inserts(FilterLanguage.complete("flag ", 5, FilterLanguageTest.TABLE));
        assertFalse(afterBool.contains("<"), afterBool.toString());
        assertTrue(afterBool.contains("AND"), afterBool.toString());
    }

    @Test
    void aValuePositionNamesTheColumnWhoseValuesFit() {
        Completion eq = FilterLanguage.complete("age > 5 AND name = ", 19, FilterLanguageTest.TABLE);
        assertEquals("name", eq.valueColumn());
        Completion in = FilterLanguage.complete("name IN ('a', ", 14, FilterLanguageTest.TABLE);
        assertEquals("name", in.valueColumn());
        Completion open = FilterLanguage.complete("name = 'al", 10, FilterLanguageTest.TABLE);
        assertEquals("name", open.valueColumn());
        assertEquals("al", open.prefix());
        assertEquals(7, open.replaceFrom());
        Completion ts = FilterLanguage.complete("ts >= ", 6, FilterLanguageTest.TABLE);
        assertTrue(inserts(ts).containsAll(List.of("TIMESTAMP", "DATE")), inserts(ts).toString());
        Completion fresh = FilterLanguage.complete("age = 5 AND ", 12, FilterLanguageTest.TABLE);
        assertEquals(null, fresh.valueColumn());
    }

    @Test
    void anOpenQuotedNameCompletesToAQuotedColumn() {
        Completion c = FilterLanguage.complete("age > 1 AND \"odd", 16, FilterLanguageTest.TABLE);
        assertEquals(List.of("\"odd col\""), inserts(c));
        assertEquals(12, c.replaceFrom());
    }

    @Test
    void insideAWordTheWholeWordIsReplaced() {
        Completion c = FilterLanguage.complete("nam = 'x'", 2, FilterLanguageTest.TABLE);
        assertEquals(0, c.replaceFrom());
        assertEquals(3, c.replaceTo());
        assertEquals(List.of("name"), inserts(c));
    }

    @Test
    void garbageBeforeTheCaretGivesNoSuggestionsAndNoException() {
        assertEquals(List.of(), inserts(FilterLanguage.complete("age > > ", 8, FilterLanguageTest.TABLE)));
        assertEquals(List.of(), inserts(FilterLanguage.complete("age ; ", 6, FilterLanguageTest.TABLE)));
    }
}
