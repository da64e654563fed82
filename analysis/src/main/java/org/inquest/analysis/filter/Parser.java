package org.inquest.analysis.filter;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.inquest.analysis.filter.FilterSyntaxException.Problem;
import org.inquest.analysis.filter.Operand.BooleanLiteral;
import org.inquest.analysis.filter.Operand.ColumnRef;
import org.inquest.analysis.filter.Operand.DateLiteral;
import org.inquest.analysis.filter.Operand.Literal;
import org.inquest.analysis.filter.Operand.NumberLiteral;
import org.inquest.analysis.filter.Operand.TextLiteral;
import org.inquest.analysis.filter.Operand.TimestampLiteral;

/**
 * Recursive descent over the token list, one method per grammar rule (lowest precedence first):
 *
 * <pre>
 * filter     := or EOF
 * or         := and ( OR and )*
 * and        := not ( AND not )*
 * not        := NOT not | primary
 * primary    := '(' or ')' | operand [ tail ]
 * tail       := cmp operand | [NOT] IN '(' literal (',' literal)* ')' | [NOT] BETWEEN operand AND operand
 *             | [NOT] LIKE operand | IS [NOT] NULL
 * operand    := column | literal
 * column     := ( IDENTIFIER | QUOTED_IDENTIFIER ) [ '[' STRING ']' ]    -- a key of a JSON column
 * literal    := STRING | ['-'] NUMBER | TRUE | FALSE | TIMESTAMP STRING | DATE STRING
 * </pre>
 *
 * {@code TIMESTAMP} and {@code DATE} are not reserved: they introduce a literal only when a string follows, so
 * columns called {@code timestamp} or {@code date} need no quotes. While parsing, the parser remembers what it
 * would have accepted at the end of the input; that is what completion offers.
 */
final class Parser {
    /** Expectation markers (besides keyword and punctuation spellings) for completion. */
    static final String COLUMN = "<column>";
    static final String VALUE = "<value>";

    /** Deepest nesting of NOT and parentheses accepted; deeper input is refused rather than overflowing the stack. */
    static final int MAX_DEPTH = 200;
    /** Largest decimal exponent/scale accepted in a number literal (doubles stop near 1e308). */
    private static final int MAX_SCALE = 400;

    private final List<Token> tokens;
    private int depth;
    /** Most AND/OR operators accepted in one filter. */
    static final int MAX_OPERATORS = 1000;
    private int operators;
    private int index;
    private final Set<String> expectedAtEnd = new LinkedHashSet<>();
    /** The subject column of the predicate being parsed when a value was expected at the end, for completion. */
    private String valueColumnAtEnd;
    /** The column just written when operators were expected at the end, for completion. */
    private String subjectAtEnd;
    private String currentSubject;
    /** The key of the current subject ({@code column['key']}), null when it has none. */
    private String currentKey;
    /** The key of the subject when a value was expected at the end, for completion. */
    private String valueKeyAtEnd;
    /** Whether the subject written when operators were expected at the end has a key (its type is then open). */
    private boolean subjectKeyedAtEnd;
    /** The column whose key was expected at the end ({@code column[} then the end), for completion. */
    private String keyColumnAtEnd;

    private Parser(List<Token> tokens) {
        this.tokens = tokens;
    }

    static Expr parse(String text) {
        if (text == null || text.isBlank()) {
            throw new FilterSyntaxException(Problem.EMPTY, 0, 1, "empty filter");
        }
        return new Parser(Lexer.tokenize(text)).filter();
    }

    /** What the grammar accepts after {@code prefix}: keyword/punctuation spellings plus COLUMN/VALUE markers. */
    record Expectation(Set<String> expected, String valueColumn, String subject, String valueKey,
                       boolean subjectKeyed, String keyColumn) {
        Expectation(Set<String> expected, String valueColumn, String subject) {
            this(expected, valueColumn, subject, null, false, null);
        }
    }

    static Expectation expectationAfter(String prefix) {
        Parser p = new Parser(Lexer.tokenize(prefix));
        try {
            p.filter();
        } catch (FilterSyntaxException e) {
            if (p.current().kind() != TokenKind.EOF) {
                return new Expectation(Set.of(), null, null);
            }
        }
        return new Expectation(p.expectedAtEnd, p.valueColumnAtEnd, p.subjectAtEnd, p.valueKeyAtEnd,
                p.subjectKeyedAtEnd, p.keyColumnAtEnd);
    }

    private Expr filter() {
        Expr e = or();
        if (current().kind() != TokenKind.EOF) {
            if (current().kind() == TokenKind.RPAREN) {
                throw error(current(), "unmatched ')'");
            }
            throw error(current(), "expected AND, OR or the end of the filter, found " + current().describe());
        }
        return e;
    }

    private Expr or() {
        Expr left = and();
        while (acceptOperator(TokenKind.OR)) {
            Expr right = and();
            left = new Expr.Or(left, right, left.span().to(right.span()));
        }
        return left;
    }

    private Expr and() {
        Expr left = not();
        while (acceptOperator(TokenKind.AND)) {
            Expr right = not();
            left = new Expr.And(left, right, left.span().to(right.span()));
        }
        return left;
    }

    private Expr not() {
        Token start = current();
        if (accept(TokenKind.NOT)) {
            enter(start);
            Expr operand = not();
            depth--;
            return new Expr.Not(operand, start.span().to(operand.span()));
        }
        return primary();
    }

    /** AND/OR, counted: more than {@link #MAX_OPERATORS} of them is refused (the tree walkers stay bounded). */
    private boolean acceptOperator(TokenKind kind) {
        Token at = current();
        if (!accept(kind)) {
            return false;
        }
        if (++operators > MAX_OPERATORS) {
            throw error(at, "the filter has more than " + MAX_OPERATORS + " AND/OR operators");
        }
        return true;
    }

    private void enter(Token at) {
        if (++depth > MAX_DEPTH) {
            throw error(at, "the filter is nested more than " + MAX_DEPTH + " levels deep");
        }
    }

    private Expr primary() {
        Token open = current();
        if (accept(TokenKind.LPAREN)) {
            enter(open);
            Expr inner = or();
            depth--;
            if (!accept(TokenKind.RPAREN)) {
                throw error(current(), current().kind() == TokenKind.EOF
                        ? "missing ')' to close the '(' at position " + (open.position() + 1)
                        : "expected ')', AND or OR, found " + current().describe());
            }
            return inner;
        }
        currentSubject = null;
        currentKey = null;
        Operand subject = operand("a column, a value, NOT or '('");
        currentSubject = subject instanceof ColumnRef c ? c.name() : null;
        currentKey = subject instanceof ColumnRef c ? c.key() : null;
        return tail(subject);
    }

    private Expr tail(Operand subject) {
        Token t = current();
        for (TokenKind k : new TokenKind[] {TokenKind.EQ, TokenKind.NE, TokenKind.LT, TokenKind.LE, TokenKind.GT,
                TokenKind.GE}) {
            if (accept(k)) {
                Operand right = operand("a value or a column after " + t.value());
                return new Expr.Comparison(subject, CompareOp.of(k), right, subject.span().to(right.span()));
            }
        }
        if (accept(TokenKind.IS)) {
            boolean negated = accept(TokenKind.NOT);
            Token nul = current();
            if (!accept(TokenKind.NULL)) {
                throw error(nul, "expected NULL after IS" + (negated ? " NOT" : "") + ", found " + nul.describe());
            }
            return new Expr.IsNull(subject, negated, subject.span().to(nul.span()));
        }
        boolean negated = false;
        Token notToken = current();
        if (accept(TokenKind.NOT)) {
            negated = true;
            if (!(check(TokenKind.IN) || check(TokenKind.BETWEEN) || check(TokenKind.LIKE))) {
                throw error(current(), "expected IN, BETWEEN or LIKE after NOT, found " + current().describe());
            }
        }
        if (accept(TokenKind.IN)) {
            return inList(subject, negated);
        }
        if (accept(TokenKind.BETWEEN)) {
            Operand low = operand("a lower bound after BETWEEN");
            Token and = current();
            if (!accept(TokenKind.AND)) {
                throw error(and, "expected AND between the bounds of BETWEEN, found " + and.describe());
            }
            Operand high = operand("an upper bound after AND");
            return new Expr.Between(subject, low, high, negated, subject.span().to(high.span()));
        }
        if (accept(TokenKind.LIKE)) {
            Operand pattern = operand("a pattern after LIKE");
            return new Expr.Like(subject, pattern, negated, subject.span().to(pattern.span()));
        }
        if (negated) {
            throw error(notToken, "NOT here must be followed by IN, BETWEEN or LIKE");
        }
        // A bare operand: a boolean column or TRUE/FALSE (the checker rejects anything else). Operators are
        // what could have followed it, so record them for completion.
        for (String op : new String[] {"=", "!=", "<", "<=", ">", ">=", "IN", "NOT", "BETWEEN", "LIKE", "IS"}) {
            expectAtEnd(op);
        }
        if (current().kind() == TokenKind.EOF) {
            subjectAtEnd = currentSubject;
            subjectKeyedAtEnd = currentKey != null;
        }
        TokenKind k = current().kind();
        if (k == TokenKind.IDENTIFIER || k == TokenKind.QUOTED_IDENTIFIER || k == TokenKind.STRING
                || k == TokenKind.NUMBER || k == TokenKind.TRUE || k == TokenKind.FALSE || k == TokenKind.NULL
                || k == TokenKind.LPAREN || k == TokenKind.MINUS || k == TokenKind.NOT) {
            throw error(current(), "expected an operator (=, !=, <, <=, >, >=, IN, BETWEEN, LIKE, IS) after "
                    + describe(subject) + ", found " + current().describe());
        }
        return new Expr.Truth(subject, subject.span());
    }

    private Expr inList(Operand subject, boolean negated) {
        Token open = current();
        if (!accept(TokenKind.LPAREN)) {
            throw error(open, "expected '(' after IN, found " + open.describe());
        }
        List<Literal> values = new ArrayList<>();
        do {
            Operand o = operand("a value in the IN list");
            if (!(o instanceof Literal literal)) {
                throw error(o.span(), "IN lists hold values, not columns: write strings in single quotes");
            }
            values.add(literal);
        } while (accept(TokenKind.COMMA));
        Token close = current();
        if (!accept(TokenKind.RPAREN)) {
            throw error(close, "expected ',' or ')' in the IN list, found " + close.describe());
        }
        return new Expr.InList(subject, values, negated, subject.span().to(close.span()));
    }

    private Operand operand(String what) {
        Token t = current();
        expectAtEnd(COLUMN);
        expectAtEnd(VALUE);
        if (t.kind() == TokenKind.EOF && currentSubject != null) {
            valueColumnAtEnd = currentSubject;
            valueKeyAtEnd = currentKey;
        }
        switch (t.kind()) {
            case IDENTIFIER -> {
                Token next = tokens.get(index + 1);
                if (next.kind() == TokenKind.STRING && (t.value().equalsIgnoreCase("TIMESTAMP")
                        || t.value().equalsIgnoreCase("DATE"))) {
                    index += 2;
                    return typedLiteral(t, next);
                }
                index++;
                return column(t);
            }
            case QUOTED_IDENTIFIER -> {
                index++;
                return column(t);
            }
            case STRING -> {
                index++;
                return new TextLiteral(t.value(), t.span());
            }
            case NUMBER -> {
                index++;
                return new NumberLiteral(number(t.value(), t.span()), t.span());
            }
            case MINUS -> {
                index++;
                Token n = current();
                if (n.kind() != TokenKind.NUMBER) {
                    throw error(n, "expected a number after '-', found " + n.describe());
                }
                index++;
                Span span = t.span().to(n.span());
                return new NumberLiteral(number("-" + n.value(), span), span);
            }
            case TRUE, FALSE -> {
                index++;
                return new BooleanLiteral(t.kind() == TokenKind.TRUE, t.span());
            }
            case NULL -> throw error(t, "NULL is not a value to compare with: write IS NULL or IS NOT NULL");
            default -> throw error(t, "expected " + what + ", found " + t.describe());
        }
    }

    /** The column just read, or {@code column['key']} when a bracket follows. */
    private ColumnRef column(Token name) {
        Token open = current();
        if (!accept(TokenKind.LBRACKET)) {
            return new ColumnRef(name.value(), name.span());
        }
        Token key = current();
        if (key.kind() == TokenKind.EOF) {
            keyColumnAtEnd = name.value();
        }
        if (key.kind() != TokenKind.STRING) {
            throw error(key, "expected a key in single quotes after '[', found " + key.describe());
        }
        index++;
        Token close = current();
        if (!accept(TokenKind.RBRACKET)) {
            throw error(close, "expected ']' to close the '[' at position " + (open.position() + 1) + ", found "
                    + close.describe());
        }
        return new ColumnRef(name.value(), key.value(), name.span().to(close.span()));
    }

    /** A number literal; an exponent beyond what a number can hold is a fault of the literal. */
    private static BigDecimal number(String text, Span span) {
        try {
            BigDecimal value = new BigDecimal(text);
            if (Math.abs((long) value.scale()) > MAX_SCALE || Double.isInfinite(value.doubleValue())) {
                throw new NumberFormatException(text);
            }
            return value;
        } catch (NumberFormatException | ArithmeticException e) {
            throw new FilterSyntaxException(Problem.BAD_LITERAL, span.start(), span.length(),
                    "number '" + text + "' is out of range");
        }
    }

    private Literal typedLiteral(Token keyword, Token string) {
        Span span = keyword.span().to(string.span());
        if (keyword.value().equalsIgnoreCase("DATE")) {
            LocalDate d = Timestamps.parseDate(string.value());
            if (d == null) {
                throw new FilterSyntaxException(Problem.BAD_LITERAL, string.position(), string.length(),
                        "invalid date '" + string.value() + "' (expected yyyy-mm-dd)");
            }
            return new DateLiteral(d, span);
        }
        LocalDateTime ts = Timestamps.parseTimestamp(string.value());
        if (ts == null) {
            throw new FilterSyntaxException(Problem.BAD_LITERAL, string.position(), string.length(),
                    "invalid timestamp '" + string.value() + "' (expected yyyy-mm-dd[ hh:mm[:ss[.fff]]][offset])");
        }
        return new TimestampLiteral(ts, span);
    }

    private static String describe(Operand o) {
        return o instanceof ColumnRef c ? "column " + CanonicalText.identifier(c.name()) : CanonicalText.operand(o);
    }

    private Token current() {
        return tokens.get(index);
    }

    /** True when the current token is {@code kind}; remembers the kind as acceptable if input ends here. */
    private boolean check(TokenKind kind) {
        if (current().kind() == TokenKind.EOF) {
            expectAtEnd(kind.text());
        }
        return current().kind() == kind;
    }

    private boolean accept(TokenKind kind) {
        if (check(kind)) {
            index++;
            return true;
        }
        return false;
    }

    private void expectAtEnd(String what) {
        if (current().kind() == TokenKind.EOF) {
            expectedAtEnd.add(what);
        }
    }

    private static FilterSyntaxException error(Token at, String message) {
        return error(at.span(), message);
    }

    private static FilterSyntaxException error(Span at, String message) {
        return new FilterSyntaxException(Problem.SYNTAX, at.start(), at.length(), message);
    }
}
