package org.inquest.analysis.filter;

import java.util.List;
import java.util.stream.Collectors;
import org.inquest.analysis.filter.Operand.BooleanLiteral;
import org.inquest.analysis.filter.Operand.ColumnRef;
import org.inquest.analysis.filter.Operand.DateLiteral;
import org.inquest.analysis.filter.Operand.NumberLiteral;
import org.inquest.analysis.filter.Operand.TextLiteral;
import org.inquest.analysis.filter.Operand.TimestampLiteral;

/**
 * Writes a syntax tree back as filter text: keywords upper case, single spaces, {@code !=} for inequality, column
 * names bare when the lexer would read them back as the same identifier (else double-quoted), and only the
 * parentheses that precedence requires. Parsing the output gives the same tree (without positions).
 */
public final class CanonicalText {
    private static final int OR = 1;
    private static final int AND = 2;
    private static final int NOT = 3;
    private static final int PREDICATE = 4;

    private CanonicalText() {
    }

    public static String of(Expr e) {
        return write(e, OR);
    }

    /** {@code e} written so that it parses back as one unit in a context of precedence {@code context}. */
    private static String write(Expr e, int context) {
        String text;
        if (e instanceof Expr.Or || e instanceof Expr.And) {
            // Chains are left-associative: a right operand of the same operator needs parentheses.
            boolean or = e instanceof Expr.Or;
            List<Expr> nodes = Chains.nodes(e);
            StringBuilder sb = new StringBuilder(write(Chains.left(nodes.get(0)), or ? OR : AND));
            for (Expr node : nodes) {
                sb.append(or ? " OR " : " AND ").append(write(Chains.right(node), or ? AND : NOT));
            }
            text = sb.toString();
        } else if (e instanceof Expr.Not not) {
            text = "NOT " + write(not.operand(), NOT);
        } else if (e instanceof Expr.Comparison c) {
            text = operand(c.left()) + " " + c.op().text() + " " + operand(c.right());
        } else if (e instanceof Expr.InList in) {
            text = operand(in.subject()) + (in.negated() ? " NOT IN (" : " IN (")
                    + in.values().stream().map(CanonicalText::operand).collect(Collectors.joining(", ")) + ")";
        } else if (e instanceof Expr.Between b) {
            text = operand(b.subject()) + (b.negated() ? " NOT BETWEEN " : " BETWEEN ") + operand(b.low()) + " AND "
                    + operand(b.high());
        } else if (e instanceof Expr.IsNull n) {
            text = operand(n.subject()) + (n.negated() ? " IS NOT NULL" : " IS NULL");
        } else if (e instanceof Expr.Like l) {
            text = operand(l.subject()) + (l.negated() ? " NOT LIKE " : " LIKE ") + operand(l.pattern());
        } else {
            text = operand(((Expr.Truth) e).operand());
        }
        return precedence(e) < context ? "(" + text + ")" : text;
    }

    private static int precedence(Expr e) {
        if (e instanceof Expr.Or) {
            return OR;
        }
        if (e instanceof Expr.And) {
            return AND;
        }
        return e instanceof Expr.Not ? NOT : PREDICATE;
    }

    public static String operand(Operand o) {
        if (o instanceof ColumnRef c) {
            return c.keyed() ? identifier(c.name()) + "[" + string(c.key()) + "]" : identifier(c.name());
        }
        if (o instanceof TextLiteral t) {
            return string(t.value());
        }
        if (o instanceof NumberLiteral n) {
            return n.value().toString();
        }
        if (o instanceof BooleanLiteral b) {
            return b.value() ? "TRUE" : "FALSE";
        }
        if (o instanceof TimestampLiteral t) {
            return "TIMESTAMP " + string(Timestamps.format(t.value()));
        }
        return "DATE " + string(((DateLiteral) o).value().toString());
    }

    /** A string literal: single quotes, inner quotes doubled. */
    public static String string(String value) {
        return "'" + value.replace("'", "''") + "'";
    }

    /**
     * A column name as the filter language writes it: bare when it is a plain identifier that is not a keyword,
     * else double-quoted with inner quotes doubled. Used by completion to insert names that parse.
     */
    public static String identifier(String name) {
        boolean bare = !name.isEmpty() && Lexer.isIdentifierStart(name.codePointAt(0))
                && name.codePoints().allMatch(Lexer::isIdentifierPart) && TokenKind.keyword(name) == null;
        return bare ? name : "\"" + name.replace("\"", "\"\"") + "\"";
    }
}
