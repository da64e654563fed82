package org.inquest.analysis.report;

import java.util.List;
import org.inquest.analysis.filter.Expr;
import org.inquest.analysis.filter.FilterLanguage;
import org.inquest.analysis.filter.Operand;
import org.inquest.analysis.filter.Operand.ColumnRef;
import org.inquest.analysis.filter.Operand.Literal;
import org.inquest.analysis.filter.Operand.TextLiteral;

/**
 * Redacts a slice's filter text for display: every literal compared with a redacted column (=, IN, BETWEEN, LIKE)
 * becomes that value's pseudonym, and the filter is written back in canonical form. The filter that was actually
 * applied is unchanged; only what the report shows is.
 */
public final class FilterRedaction {
    private FilterRedaction() {
    }

    public static String redact(String where, Redactor redactor) {
        if (where == null || redactor.columns().isEmpty()) {
            return where;
        }
        return FilterLanguage.canonical(rewrite(FilterLanguage.parse(where), redactor));
    }

    private static Expr rewrite(Expr e, Redactor r) {
        if (e instanceof Expr.Or or) {
            return new Expr.Or(rewrite(or.left(), r), rewrite(or.right(), r), or.span());
        }
        if (e instanceof Expr.And and) {
            return new Expr.And(rewrite(and.left(), r), rewrite(and.right(), r), and.span());
        }
        if (e instanceof Expr.Not not) {
            return new Expr.Not(rewrite(not.operand(), r), not.span());
        }
        if (e instanceof Expr.Comparison c) {
            return new Expr.Comparison(operand(c.left(), c.right(), r), c.op(), operand(c.right(), c.left(), r),
                    c.span());
        }
        if (e instanceof Expr.InList in) {
            return new Expr.InList(in.subject(), in.values().stream().map(v -> (Literal) operand(v, in.subject(), r))
                    .toList(), in.negated(), in.span());
        }
        if (e instanceof Expr.Between b) {
            return new Expr.Between(b.subject(), operand(b.low(), b.subject(), r), operand(b.high(), b.subject(), r),
                    b.negated(), b.span());
        }
        if (e instanceof Expr.Like like) {
            return new Expr.Like(like.subject(), operand(like.pattern(), like.subject(), r), like.negated(),
                    like.span());
        }
        return e; // IS NULL and bare boolean columns carry no value
    }

    /** {@code value} as shown when it is compared with {@code other}: a pseudonym if other is a redacted column. */
    private static Operand operand(Operand value, Operand other, Redactor r) {
        if (value instanceof Literal literal && other instanceof ColumnRef column && r.redacts(column.name())) {
            return new TextLiteral(r.value(column.name(), text(literal)), literal.span());
        }
        return value;
    }

    private static String text(Literal literal) {
        if (literal instanceof TextLiteral t) {
            return t.value();
        }
        if (literal instanceof Operand.NumberLiteral n) {
            return n.value().toPlainString();
        }
        if (literal instanceof Operand.BooleanLiteral bool) {
            return Boolean.toString(bool.value());
        }
        if (literal instanceof Operand.TimestampLiteral t) {
            return t.value().toString();
        }
        return ((Operand.DateLiteral) literal).value().toString();
    }

    /** The command line with each filter argument redacted (the value after a {@code --*-where} flag). */
    public static String command(List<String> args, Redactor r) {
        StringBuilder b = new StringBuilder("inquest report");
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            boolean filter = i > 0 && args.get(i - 1).endsWith("-where");
            if (arg.endsWith("-where") && arg.contains("=")) {
                int eq = arg.indexOf('=');
                arg = arg.substring(0, eq + 1) + redact(arg.substring(eq + 1), r);
            } else if (filter) {
                arg = redact(arg, r);
            }
            b.append(' ').append(shellQuote(arg));
        }
        return b.toString();
    }

    /** POSIX shell quoting: bare when safe, else single quotes with embedded quotes spliced. */
    static String shellQuote(String arg) {
        if (!arg.isEmpty() && arg.matches("[A-Za-z0-9_./:=,@%+-]+")) {
            return arg;
        }
        return "'" + arg.replace("'", "'\"'\"'") + "'";
    }
}
