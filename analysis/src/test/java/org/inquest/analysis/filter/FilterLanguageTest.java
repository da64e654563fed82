package org.inquest.analysis.filter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.List;
import org.inquest.analysis.filter.FilterSyntaxException.Problem;
import org.inquest.analysis.filter.Operand.ColumnRef;
import org.inquest.analysis.filter.Operand.NumberLiteral;
import org.inquest.analysis.slice.SqlFragment;
import org.inquest.connectors.catalog.ColumnInfo;
import org.inquest.connectors.catalog.ColumnRole;
import org.inquest.connectors.catalog.FeatureKind;
import org.inquest.connectors.catalog.TableInfo;
import org.inquest.connectors.error.UsageException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class FilterLanguageTest {
    static final TableInfo TABLE = new TableInfo("t", "predictions", 0, List.of(
            new ColumnInfo("id", "INTEGER", ColumnRole.ID, null),
            new ColumnInfo("name", "VARCHAR", ColumnRole.FEATURE, FeatureKind.CATEGORICAL),
            new ColumnInfo("age", "INTEGER", ColumnRole.FEATURE, FeatureKind.NUMERICAL),
            new ColumnInfo("score", "DOUBLE", ColumnRole.SCORE, null),
            new ColumnInfo("flag", "BOOLEAN", ColumnRole.FEATURE, FeatureKind.CATEGORICAL),
            new ColumnInfo("ts", "TIMESTAMP", ColumnRole.TIMESTAMP, null),
            new ColumnInfo("odd col", "VARCHAR", ColumnRole.FEATURE, FeatureKind.CATEGORICAL),
            new ColumnInfo("timestamp", "TIMESTAMP WITH TIME ZONE", ColumnRole.FEATURE, FeatureKind.CATEGORICAL),
            new ColumnInfo("tags", "VARCHAR[]", ColumnRole.FEATURE, FeatureKind.CATEGORICAL)));

    @ParameterizedTest
    @ValueSource(strings = {
        "age > 5",
        "age >= 5 AND name = 'x'",
        "age <> 5",
        "age != -5.50",
        "a OR b AND c",
        "(a OR b) AND c",
        "a AND (b AND c)",
        "a OR (b OR c)",
        "NOT a AND b",
        "NOT (a AND b)",
        "NOT NOT a",
        "name IN ('a', 'b''c', '')",
        "name NOT IN ('a')",
        "age BETWEEN 1 AND 2 AND name LIKE 'x%'",
        "age NOT BETWEEN -1 AND 1e3",
        "name NOT LIKE '%''%'",
        "name IS NULL OR name IS NOT NULL",
        "\"odd col\" = 'v'",
        "\"with \"\"quote\"\"\" = 'v'",
        "\"and\" = 1",
        "flag",
        "TRUE",
        "flag = FALSE",
        "ts >= TIMESTAMP '2026-01-01 00:00:00' AND ts < timestamp '2026-01-02T12:30:05.25'",
        "timestamp > DATE '2026-01-01'",
        "ts > '2026-01-01'",
        "5 < age",
        "age = score",
        "  age\n>\t5  ",
        "größe > 1",
    })
    void validFormsRoundTripThroughCanonicalText(String text) {
        Expr parsed = FilterLanguage.parse(text);
        String canonical = FilterLanguage.canonical(parsed);
        Expr reparsed = FilterLanguage.parse(canonical);
        assertEquals(parsed.withoutPositions(), reparsed.withoutPositions(), canonical);
        assertEquals(canonical, FilterLanguage.canonical(reparsed));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "age   >   5|age > 5",
        "age <> 5|age != 5",
        "a or b and c|a OR b AND c",
        "(a or b) and c|(a OR b) AND c",
        "((a))|a",
        "a and (b and c)|a AND (b AND c)",
        "(a and b) and c|a AND b AND c",
        "not (a or b)|NOT (a OR b)",
        "name in ('a','b')|name IN ('a', 'b')",
        "ts > timestamp '2026-01-01T08:00:00+02:00'|ts > TIMESTAMP '2026-01-01 06:00:00'",
        "ts > timestamp '2026-01-01'|ts > TIMESTAMP '2026-01-01 00:00:00'",
        "x = 1.50|x = 1.50",
        "\"plain\" = 1|plain = 1",
        "\"select\" = 1|select = 1",
        "\"not\" = 1|\"not\" = 1",
    })
    void canonicalTextIsNormalised(String text, String canonical) {
        assertEquals(canonical, FilterLanguage.canonical(FilterLanguage.parse(text)));
    }

    @Test
    void precedenceAndPositionsAreRecorded() {
        Expr e = FilterLanguage.parse("a = 1 OR b = 2 AND c = 3");
        Expr.Or or = assertInstanceOf(Expr.Or.class, e);
        assertInstanceOf(Expr.And.class, or.right());
        Expr.Comparison first = assertInstanceOf(Expr.Comparison.class, or.left());
        assertEquals(new Span(0, 5), first.span());
        assertEquals(new Span(0, 1), ((ColumnRef) first.left()).span());
        assertEquals(new Span(4, 1), ((NumberLiteral) first.right()).span());
        assertEquals(new Span(0, 24), e.span());
        Expr.And and = assertInstanceOf(Expr.And.class, FilterLanguage.parse("x BETWEEN -2 AND 3 AND y"));
        Expr.Between b = assertInstanceOf(Expr.Between.class, and.left());
        assertEquals(new BigDecimal("-2"), ((NumberLiteral) b.low()).value());
        assertEquals(new Span(10, 2), b.low().span());
    }

    @Test
    void betweenBindsItsOwnAnd() {
        Expr.And and = assertInstanceOf(Expr.And.class, FilterLanguage.parse("x BETWEEN 1 AND 3 AND y"));
        assertInstanceOf(Expr.Between.class, and.left());
        assertInstanceOf(Expr.Truth.class, and.right());
    }

    /** Each bad text fails with the exact 0-based position and length of the fault. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "''|EMPTY|0|1",
        "'   '|EMPTY|0|1",
        "age =|SYNTAX|5|1",
        "age = 'abc|UNTERMINATED_STRING|6|4",
        "\"age = 1|UNTERMINATED_IDENTIFIER|0|8",
        "age == 5|SYNTAX|5|1",
        "(age > 5|SYNTAX|8|1",
        "age > 5)|SYNTAX|7|1",
        "age > 5 age|SYNTAX|8|3",
        "age 5|SYNTAX|4|1",
        "age = NULL|SYNTAX|6|4",
        "age IS 5|SYNTAX|7|1",
        "age NOT 5|SYNTAX|8|1",
        "age IN 5|SYNTAX|7|1",
        "age IN (1, age)|SYNTAX|11|3",
        "age IN (1 2)|SYNTAX|10|1",
        "age BETWEEN 1 OR 2|SYNTAX|14|2",
        "age > 5 AND|SYNTAX|11|1",
        "AND age > 5|SYNTAX|0|3",
        "age > 5 ! 3|BAD_CHARACTER|8|1",
        "age > 5; --|BAD_CHARACTER|7|1",
        "age > 12abc|BAD_LITERAL|6|5",
        "ts > TIMESTAMP '2026-13-01'|BAD_LITERAL|15|12",
        "ts > DATE 'soon'|BAD_LITERAL|10|6",
        "\"\" = 1|SYNTAX|0|2",
        "age > - x|SYNTAX|8|1",
    })
    void invalidFormsFailAtTheirPosition(String text, Problem problem, int position, int length) {
        FilterSyntaxException e = assertThrows(FilterSyntaxException.class, () -> FilterLanguage.parse(text));
        assertEquals(problem, e.problem(), e.getMessage());
        assertEquals(position, e.position(), e.getMessage());
        assertEquals(length, e.length(), e.getMessage());
        assertTrue(e.getMessage().startsWith("invalid filter at position " + (position + 1) + ": "), e.getMessage());
        assertEquals(2, e.exitCode());
        assertInstanceOf(UsageException.class, e);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        // classic injection tails: the ';' is not part of the language
        "name = 'x'; drop table t; --|BAD_CHARACTER|10",
        "\"name\"; --|BAD_CHARACTER|6",
        // typographic quotes are not quotes
        "name = \u2019x\u2019|BAD_CHARACTER|7",
        "\u201Cname\u201D = 'x'|BAD_CHARACTER|0",
        "name = `x`|BAD_CHARACTER|7",
        // SQL comments and other statement syntax
        "name = 'x' -- comment|SYNTAX|11",
        "name = 'x' /* c */|BAD_CHARACTER|11",
        "name = 'x' UNION SELECT 1|SYNTAX|11",
    })
    void injectionAttemptsAreSyntaxErrors(String text, Problem problem, int position) {
        FilterSyntaxException e = assertThrows(FilterSyntaxException.class, () -> FilterLanguage.parse(text));
        assertEquals(problem, e.problem(), e.getMessage());
        assertEquals(position, e.position(), e.getMessage());
    }

    @Test
    void typographicQuoteErrorSaysWhatToTypeInstead() {
        FilterSyntaxException e = assertThrows(FilterSyntaxException.class,
                () -> FilterLanguage.parse("name = \u2019x\u2019"));
        assertEquals("invalid filter at position 8: unexpected character '\u2019' (U+2019); strings use straight"
                + " single quotes '...'", e.getMessage());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "agee > 5|UNKNOWN_COLUMN|0|4",
        "age > 5 AND nmae = 'x'|UNKNOWN_COLUMN|12|4",
        "\"odd  col\" = 'x'|UNKNOWN_COLUMN|0|10",
        "age = 'abc'|TYPE_MISMATCH|6|5",
        "name = 5|TYPE_MISMATCH|7|1",
        "flag = 1|TYPE_MISMATCH|7|1",
        "age LIKE 'a%'|TYPE_MISMATCH|0|3",
        "name LIKE name|TYPE_MISMATCH|10|4",
        "ts > 'yesterday'|TYPE_MISMATCH|5|11",
        "ts > 5|TYPE_MISMATCH|5|1",
        "age IN (1, 'two')|TYPE_MISMATCH|11|5",
        "age BETWEEN 1 AND 'x'|TYPE_MISMATCH|18|3",
        "age = name|TYPE_MISMATCH|0|10",
        "1 = 1|TYPE_MISMATCH|0|5",
        "age|TYPE_MISMATCH|0|3",
        "tags = 'a'|TYPE_MISMATCH|7|3",
        "5 IS NULL|TYPE_MISMATCH|0|1",
    })
    void checksColumnsAndTypesWithPositions(String text, Problem problem, int position, int length) {
        Expr parsed = FilterLanguage.parse(text);
        FilterSyntaxException e = assertThrows(FilterSyntaxException.class, () -> FilterLanguage.check(parsed, TABLE));
        assertEquals(problem, e.problem(), e.getMessage());
        assertEquals(position, e.position(), e.getMessage());
        assertEquals(length, e.length(), e.getMessage());
    }

    @Test
    void aBareValueIsNotACondition() {
        FilterSyntaxException e = assertThrows(FilterSyntaxException.class,
                () -> FilterLanguage.check(FilterLanguage.parse("'x'"), TABLE));
        assertEquals(Problem.SYNTAX, e.problem());
        assertEquals(0, e.position());
        assertEquals(3, e.length());
    }

    @Test
    void unknownColumnMessageNamesTheColumnAndOneBasedPosition() {
        FilterSyntaxException e = assertThrows(FilterSyntaxException.class,
                () -> FilterLanguage.prepare("age > 5 AND nmae = 'x'", TABLE));
        assertEquals("invalid filter at position 13: unknown column 'nmae' in table t (did you mean name?)",
                e.getMessage());
        assertEquals("invalid --current-where at position 13: unknown column 'nmae' in table t (did you mean name?)",
                e.in("--current-where").getMessage());
    }

    @Test
    void caseInsensitiveColumnsResolveToTheTablesSpelling() {
        FilterLanguage.Filter f = FilterLanguage.prepare("AGE > 5 and \"Odd Col\" = 'v'", TABLE);
        assertEquals("age > 5 AND \"odd col\" = 'v'", f.canonical());
        assertEquals("(\"age\" > ?) AND (\"odd col\" = ?)", f.sql().sql());
        assertEquals(List.of(5L, "v"), f.sql().parameters());
    }

    @Test
    void compiledSqlCarriesEveryLiteralAsAParameter() {
        SqlFragment f = FilterLanguage.compile(FilterLanguage.parse(
                "name IN ('a', 'b''; drop table t; --') AND NOT age BETWEEN 1 AND 2.5 OR flag OR ts >= '2026-01-01'"
                        + " OR timestamp < TIMESTAMP '2026-02-01 10:00:00' OR name NOT LIKE '%x' OR score IS NULL"),
                TABLE);
        assertEquals("((\"name\" IN (?, ?)) AND (NOT (\"age\" BETWEEN ? AND ?))) OR (\"flag\")"
                + " OR (\"ts\" >= CAST(? AS TIMESTAMP)) OR (\"timestamp\" < CAST(? AS TIMESTAMPTZ))"
                + " OR (\"name\" NOT LIKE ?) OR (\"score\" IS NULL)", f.sql());
        assertEquals(List.of("a", "b'; drop table t; --", 1L, 2.5, "2026-01-01 00:00:00", "2026-02-01 10:00:00+00",
                "%x"), f.parameters());
    }

    @Test
    void timestampsAcceptCommonSpellings() {
        assertEquals(LocalDateTime.of(2026, 1, 1, 0, 0), Timestamps.parseTimestamp("2026-01-01"));
        assertEquals(LocalDateTime.of(2026, 1, 1, 8, 30), Timestamps.parseTimestamp("2026-01-01 08:30"));
        assertEquals(LocalDateTime.of(2026, 1, 1, 8, 30, 5, 250_000_000),
                Timestamps.parseTimestamp("2026-01-01T08:30:05.25"));
        assertEquals(LocalDateTime.of(2025, 12, 31, 23, 0), Timestamps.parseTimestamp("2026-01-01T00:00:00+01:00"));
        assertEquals(LocalDateTime.of(2026, 1, 1, 0, 0), Timestamps.parseTimestamp("2026-01-01 00:00:00Z"));
        assertEquals(null, Timestamps.parseTimestamp("2026-02-30"));
        assertEquals(null, Timestamps.parseTimestamp("yesterday"));
        assertEquals("2026-01-01 08:30:05.25", Timestamps.format(LocalDateTime.of(2026, 1, 1, 8, 30, 5, 250_000_000)));
    }
}
