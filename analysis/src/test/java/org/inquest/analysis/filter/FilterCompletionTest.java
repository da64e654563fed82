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

    private static final org.inquest.connectors.catalog.TableInfo SPANS = new org.inquest.connectors.catalog.TableInfo(
            "spans", "traces", 0, List.of(
                new org.inquest.connectors.catalog.ColumnInfo("name", "VARCHAR",
                        org.inquest.connectors.catalog.ColumnRole.FEATURE, null),
                new org.inquest.connectors.catalog.ColumnInfo("duration_ms", "DOUBLE",
                        org.inquest.connectors.catalog.ColumnRole.FEATURE, null),
                new org.inquest.connectors.catalog.ColumnInfo("attributes", "JSON",
                        org.inquest.connectors.catalog.ColumnRole.FEATURE, null)));

    @Test
    void anOpenKeyOfAJsonColumnNamesTheColumnWhoseKeysFit() {
        String text = "duration_ms > 5 AND attributes['http.st";
        Completion c = FilterLanguage.complete(text, text.length(), SPANS);
        assertEquals("attributes", c.keyColumn());
        assertEquals("http.st", c.prefix());
        assertEquals(text.indexOf('\''), c.replaceFrom(), "from the opening quote");
        assertEquals(text.length(), c.replaceTo());
        assertEquals(null, c.valueColumn());
        // the bracket alone: keys too, inserted after it
        Completion bracket = FilterLanguage.complete("Attributes[", 11, SPANS);
        assertEquals("attributes", bracket.keyColumn(), "the column as the table spells it");
        assertEquals(11, bracket.replaceFrom());
        assertEquals("", bracket.prefix());
    }

    @Test
    void pickingAKeyReplacesThroughAClosingQuoteAndBracketAlreadyThere() {
        String text = "attributes['ht'] = 500";
        Completion c = FilterLanguage.complete(text, 14, SPANS);
        assertEquals("attributes", c.keyColumn());
        assertEquals("ht", c.prefix());
        assertEquals(11, c.replaceFrom(), "the opening quote");
        assertEquals(16, c.replaceTo(), "through the ']'");
        String picked = text.substring(0, c.replaceFrom()) + Completion.keyInsert("http.status_code")
                + text.substring(c.replaceTo());
        assertEquals("attributes['http.status_code'] = 500", picked);
        assertEquals("attributes['http.status_code'] = 500",
                FilterLanguage.prepare(picked, SPANS).canonical(), "the completed text parses and checks");
        // a key with a quote in it is written with the quote doubled, and still reads back as that key
        String quoted = "attributes[" + Completion.keyInsert("it's") + " = 'x'";
        assertEquals("attributes['it''s'] = 'x'", quoted);
        assertEquals(quoted, FilterLanguage.prepare(quoted, SPANS).canonical());
    }

    @Test
    void onlyAJsonColumnHasKeysToComplete() {
        Completion c = FilterLanguage.complete("name['", 6, SPANS);
        assertEquals(null, c.keyColumn());
        assertTrue(c.suggestions().isEmpty());
        assertEquals(null, FilterLanguage.complete("nope['", 6, SPANS).keyColumn());
    }

    @Test
    void aKeyedValuePositionNamesColumnAndKeyAndEveryOperatorFitsAKeyedSubject() {
        Completion value = FilterLanguage.complete("attributes['http.route'] = ", 27, SPANS);
        assertEquals("attributes", value.valueColumn());
        assertEquals("http.route", value.valueKey());
        Completion open = FilterLanguage.complete("attributes['http.route'] = '/ch", 31, SPANS);
        assertEquals("http.route", open.valueKey());
        assertEquals("/ch", open.prefix());
        assertEquals(null, FilterLanguage.complete("name = ", 7, SPANS).valueKey());
        // a number being typed is the prefix of a value (of the key's values), from its first digit or sign
        String typing = "attributes['http.status_code'] >= -5";
        Completion number = FilterLanguage.complete(typing, typing.length(), SPANS);
        assertEquals("http.status_code", number.valueKey());
        assertEquals("-5", number.prefix());
        assertEquals(typing.length() - 2, number.replaceFrom());
        assertTrue(number.suggestions().isEmpty(), "no column or keyword starts with a digit");
        Completion plain = FilterLanguage.complete("duration_ms > 1.5", 17, SPANS);
        assertEquals("duration_ms", plain.valueColumn());
        assertEquals("1.5", plain.prefix());
        assertEquals(14, plain.replaceFrom());
        List<String> operators = inserts(FilterLanguage.complete("attributes['http.status_code'] ", 31, SPANS));
        assertTrue(operators.containsAll(List.of("=", "<", ">=", "BETWEEN", "LIKE", "IN", "IS")), operators.toString());
    }
}
