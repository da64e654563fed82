package org.inquest.analysis.filter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.inquest.analysis.filter.Operand.BooleanLiteral;
import org.inquest.analysis.filter.Operand.ColumnRef;
import org.inquest.analysis.filter.Operand.DateLiteral;
import org.inquest.analysis.filter.Operand.Literal;
import org.inquest.analysis.filter.Operand.NumberLiteral;
import org.inquest.analysis.filter.Operand.TextLiteral;
import org.inquest.analysis.filter.Operand.TimestampLiteral;
import org.junit.jupiter.api.Test;

/**
 * Generated inputs (fixed seeds, so failures reproduce): random trees survive printing and re-parsing unchanged,
 * and random text either parses (and then round-trips) or fails with a {@link FilterSyntaxException} — never any
 * other exception.
 */
class FilterFuzzTest {
    private static final String[] NAMES = {"a", "age", "timestamp", "date", "and", "NULL", "odd col", "x\"y", "größe",
        "_1", "1st", "in", "select", "", "'"};
    private static final String[] STRINGS = {"", "x", "o'hara", "'; drop table t; --", "\"", "%_", "\u2019", "\n"};

    private final Random random = new Random(20260101);

    @Test
    void randomTreesRoundTripThroughCanonicalText() {
        for (int i = 0; i < 3000; i++) {
            Expr tree = expr(4);
            String text = FilterLanguage.canonical(tree);
            Expr parsed;
            try {
                parsed = FilterLanguage.parse(text);
            } catch (FilterSyntaxException e) {
                fail("canonical text does not parse: " + text + " — " + e.getMessage());
                return;
            }
            assertEquals(tree, parsed.withoutPositions(), text);
        }
    }

    @Test
    void randomTextNeverFailsWithAnythingButASyntaxError() {
        String[] pieces = {"a", "b", " ", "(", ")", "'", "\"", "=", "!", "<", ">", "-", ",", ".", "1", "2e", "e9",
            "AND", "OR", "NOT", "IN", "BETWEEN", "IS", "NULL", "LIKE", "TRUE", "timestamp", "DATE", "'2026-01-01'",
            ";", "\u2019", "\u201C", "--", "/*", "9999999999999999999999", "1e99999999999", "\t", "_", "ä"};
        int parsed = 0;
        for (int i = 0; i < 8000; i++) {
            StringBuilder sb = new StringBuilder();
            int n = 1 + random.nextInt(12);
            for (int k = 0; k < n; k++) {
                sb.append(pieces[random.nextInt(pieces.length)]);
                if (random.nextBoolean()) {
                    sb.append(' ');
                }
            }
            String text = sb.toString();
            try {
                Expr e = FilterLanguage.parse(text);
                parsed++;
                assertEquals(e.withoutPositions(), FilterLanguage.parse(FilterLanguage.canonical(e)).withoutPositions(),
                        text);
                try {
                    FilterLanguage.compile(e, FilterLanguageTest.TABLE);
                } catch (FilterSyntaxException expected) {
                    assertPositionInside(expected, text);
                }
            } catch (FilterSyntaxException e) {
                assertPositionInside(e, text);
            } catch (RuntimeException | StackOverflowError e) {
                fail("'" + text + "' threw " + e);
            }
            try {
                FilterLanguage.complete(text, random.nextInt(text.length() + 1), FilterLanguageTest.TABLE);
            } catch (RuntimeException e) {
                fail("completion of '" + text + "' threw " + e);
            }
        }
        assertTrue(parsed > 200, "too few random texts parsed to mean anything: " + parsed);
    }

    @Test
    void deepNestingIsRefusedNotAStackOverflow() {
        String deep = "(".repeat(5000) + "a" + ")".repeat(5000);
        FilterSyntaxException e = assertThrows(FilterSyntaxException.class, () -> FilterLanguage.parse(deep));
        assertEquals(Parser.MAX_DEPTH, e.position());
        String nots = "NOT ".repeat(5000) + "a";
        assertThrows(FilterSyntaxException.class, () -> FilterLanguage.parse(nots));
        String ok = "(".repeat(100) + "a" + ")".repeat(100);
        assertEquals("a", FilterLanguage.canonical(FilterLanguage.parse(ok)));
    }

    @Test
    void longFlatChainsWorkUpToTheOperatorLimit() {
        String chain = String.join(" AND ", java.util.Collections.nCopies(Parser.MAX_OPERATORS + 1, "age > 1"));
        FilterLanguage.Filter f = FilterLanguage.prepare(chain, FilterLanguageTest.TABLE);
        assertEquals(chain, f.canonical());
        assertEquals(Parser.MAX_OPERATORS + 1, f.sql().parameters().size());
        String mixed = String.join(" OR ", java.util.Collections.nCopies(Parser.MAX_OPERATORS + 1, "flag"));
        assertEquals(mixed, FilterLanguage.canonical(FilterLanguage.parse(mixed)));
        String tooLong = chain + " AND age > 1";
        FilterSyntaxException e = assertThrows(FilterSyntaxException.class, () -> FilterLanguage.parse(tooLong));
        // the k-th " AND " starts at 12k - 4 ("age > 1" is 7 characters, " AND " 5)
        assertEquals(12 * (Parser.MAX_OPERATORS + 1) - 4, e.position());
    }

    @Test
    void outOfRangeNumbersAreLiteralErrors() {
        for (String text : List.of("age > 1e99999999999", "age > 1e400", "age > -1e400")) {
            FilterSyntaxException e = assertThrows(FilterSyntaxException.class, () -> FilterLanguage.parse(text));
            assertEquals(FilterSyntaxException.Problem.BAD_LITERAL, e.problem(), text);
            assertEquals(6, e.position(), text);
        }
    }

    private static void assertPositionInside(FilterSyntaxException e, String text) {
        assertTrue(e.position() >= 0 && e.position() <= text.length(), e.getMessage() + " in '" + text + "'");
        assertTrue(e.position() + e.length() <= Math.max(text.length(), e.position() + 1),
                e.getMessage() + " in '" + text + "'");
    }

    private Expr expr(int depth) {
        int choice = depth == 0 ? 3 + random.nextInt(6) : random.nextInt(9);
        return switch (choice) {
            case 0 -> new Expr.Or(expr(depth - 1), expr(depth - 1), Span.NONE);
            case 1 -> new Expr.And(expr(depth - 1), expr(depth - 1), Span.NONE);
            case 2 -> new Expr.Not(expr(depth - 1), Span.NONE);
            case 3 -> new Expr.Comparison(operand(), CompareOp.values()[random.nextInt(6)], operand(), Span.NONE);
            case 4 -> {
                List<Literal> values = new ArrayList<>();
                for (int i = 0, n = 1 + random.nextInt(3); i < n; i++) {
                    values.add(literal());
                }
                yield new Expr.InList(operand(), values, random.nextBoolean(), Span.NONE);
            }
            case 5 -> new Expr.Between(operand(), operand(), operand(), random.nextBoolean(), Span.NONE);
            case 6 -> new Expr.IsNull(operand(), random.nextBoolean(), Span.NONE);
            case 7 -> new Expr.Like(operand(), operand(), random.nextBoolean(), Span.NONE);
            default -> new Expr.Truth(operand(), Span.NONE);
        };
    }

    private Operand operand() {
        if (random.nextBoolean()) {
            String name = NAMES[random.nextInt(NAMES.length)];
            return new ColumnRef(name.isEmpty() ? "e" : name, Span.NONE);
        }
        return literal();
    }

    private Literal literal() {
        return switch (random.nextInt(5)) {
            case 0 -> new TextLiteral(STRINGS[random.nextInt(STRINGS.length)], Span.NONE);
            case 1 -> new NumberLiteral(new BigDecimal(BigDecimal.valueOf(random.nextGaussian() * 1000)
                    .stripTrailingZeros().toString()), Span.NONE);
            case 2 -> new BooleanLiteral(random.nextBoolean(), Span.NONE);
            case 3 -> new TimestampLiteral(LocalDateTime.of(2026, 1 + random.nextInt(12), 1 + random.nextInt(28),
                    random.nextInt(24), random.nextInt(60), random.nextInt(60), random.nextInt(3) * 250_000_000),
                    Span.NONE);
            default -> new DateLiteral(LocalDate.of(2000 + random.nextInt(50), 1 + random.nextInt(12),
                    1 + random.nextInt(28)), Span.NONE);
        };
    }
}
