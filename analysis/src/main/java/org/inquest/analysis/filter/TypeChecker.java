package org.inquest.analysis.filter;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.inquest.analysis.filter.FilterSyntaxException.Problem;
import org.inquest.analysis.filter.Operand.BooleanLiteral;
import org.inquest.analysis.filter.Operand.ColumnRef;
import org.inquest.analysis.filter.Operand.DateLiteral;
import org.inquest.analysis.filter.Operand.Literal;
import org.inquest.analysis.filter.Operand.NumberLiteral;
import org.inquest.analysis.filter.Operand.TextLiteral;
import org.inquest.analysis.filter.Operand.TimestampLiteral;
import org.inquest.connectors.catalog.ColumnInfo;
import org.inquest.connectors.catalog.TableInfo;

/**
 * Checks a tree against a table: every column exists (matched exactly, else case-insensitively when that is
 * unambiguous, as DuckDB does), and every comparison pairs values of one {@link ValueType}. Returns the tree with
 * column names spelled as the table spells them. A plain string compared with a timestamp column must read as a
 * timestamp; the error points at the string when it does not.
 */
final class TypeChecker {
    private final TableInfo table;

    private TypeChecker(TableInfo table) {
        this.table = table;
    }

    static Expr check(Expr e, TableInfo table) {
        return new TypeChecker(table).expr(e);
    }

    private Expr expr(Expr e) {
        if (e instanceof Expr.Or || e instanceof Expr.And) {
            List<Expr> nodes = Chains.nodes(e);
            Expr checked = expr(Chains.left(nodes.get(0)));
            for (Expr node : nodes) {
                Expr right = expr(Chains.right(node));
                checked = node instanceof Expr.Or ? new Expr.Or(checked, right, node.span())
                        : new Expr.And(checked, right, node.span());
            }
            return checked;
        }
        if (e instanceof Expr.Not not) {
            return new Expr.Not(expr(not.operand()), not.span());
        }
        if (e instanceof Expr.Comparison c) {
            Operand left = resolve(c.left());
            Operand right = resolve(c.right());
            if (keyed(left) || keyed(right)) {
                ColumnRef ref = (ColumnRef) (keyed(left) ? left : right);
                Operand other = keyed(left) ? right : left;
                if (!(other instanceof Literal literal)) {
                    throw mismatch(c.span(), "compare " + CanonicalText.operand(ref) + " with a value, not with a"
                            + " column");
                }
                KeyedValues.requireComparable(ref, List.of(literal));
            } else if (left instanceof ColumnRef l && right instanceof ColumnRef r) {
                ValueType lt = typeOf(l);
                ValueType rt = typeOf(r);
                if (lt != rt || lt == ValueType.OTHER) {
                    throw mismatch(c.span(), "cannot compare column " + describe(l) + " with column " + describe(r));
                }
            } else if (left instanceof ColumnRef l) {
                requireValue(l, (Literal) right);
            } else if (right instanceof ColumnRef r) {
                requireValue(r, (Literal) left);
            } else {
                throw mismatch(c.span(), "a comparison needs a column on at least one side");
            }
            return new Expr.Comparison(left, c.op(), right, c.span());
        }
        if (e instanceof Expr.InList in) {
            ColumnRef subject = subjectColumn(in.subject(), "IN");
            if (subject.keyed()) {
                KeyedValues.requireComparable(subject, in.values());
            } else {
                for (Literal v : in.values()) {
                    requireValue(subject, v);
                }
            }
            return new Expr.InList(subject, in.values(), in.negated(), in.span());
        }
        if (e instanceof Expr.Between b) {
            ColumnRef subject = subjectColumn(b.subject(), "BETWEEN");
            Operand low = resolve(b.low());
            Operand high = resolve(b.high());
            if (subject.keyed()) {
                for (Operand bound : List.of(low, high)) {
                    if (!(bound instanceof Literal)) {
                        throw mismatch(bound.span(), "the bounds of " + CanonicalText.operand(subject)
                                + " BETWEEN must be values");
                    }
                }
                KeyedValues.requireComparable(subject, List.of((Literal) low, (Literal) high));
                return new Expr.Between(subject, low, high, b.negated(), b.span());
            }
            for (Operand bound : List.of(low, high)) {
                if (bound instanceof ColumnRef col) {
                    if (typeOf(col) != typeOf(subject) || typeOf(col) == ValueType.OTHER) {
                        throw mismatch(col.span(), "cannot compare column " + describe(subject) + " with column "
                                + describe(col));
                    }
                } else {
                    requireValue(subject, (Literal) bound);
                }
            }
            return new Expr.Between(subject, low, high, b.negated(), b.span());
        }
        if (e instanceof Expr.IsNull n) {
            return new Expr.IsNull(subjectColumn(n.subject(), "IS NULL"), n.negated(), n.span());
        }
        if (e instanceof Expr.Like l) {
            ColumnRef subject = subjectColumn(l.subject(), "LIKE");
            if (!subject.keyed() && typeOf(subject) != ValueType.TEXT) {
                throw mismatch(subject.span(), "LIKE needs a text column, but " + describe(subject) + " is "
                        + sqlType(subject));
            }
            if (!(l.pattern() instanceof TextLiteral)) {
                throw mismatch(l.pattern().span(), "the pattern after LIKE must be a string in single quotes");
            }
            return new Expr.Like(subject, l.pattern(), l.negated(), l.span());
        }
        Expr.Truth t = (Expr.Truth) e;
        Operand o = resolve(t.operand());
        if (o instanceof ColumnRef col) {
            if (!col.keyed() && typeOf(col) != ValueType.BOOLEAN) {
                throw mismatch(col.span(), "column " + describe(col) + " is " + sqlType(col)
                        + ", not a boolean: compare it with a value (e.g. " + CanonicalText.identifier(col.name())
                        + " = ...)");
            }
        } else if (!(o instanceof BooleanLiteral)) {
            throw new FilterSyntaxException(Problem.SYNTAX, o.span().start(), o.span().length(),
                    "expected a condition, found the value " + CanonicalText.operand(o));
        }
        return new Expr.Truth(o, t.span());
    }

    private ColumnRef subjectColumn(Operand o, String operator) {
        Operand r = resolve(o);
        if (!(r instanceof ColumnRef col)) {
            throw mismatch(o.span(), "the left side of " + operator + " must be a column, found "
                    + CanonicalText.operand(o));
        }
        return col;
    }

    /** The literal must be of the column's value type (a string may stand for a timestamp). */
    private void requireValue(ColumnRef column, Literal value) {
        ValueType type = typeOf(column);
        boolean ok = switch (type) {
            case NUMBER -> value instanceof NumberLiteral;
            case TEXT -> value instanceof TextLiteral;
            case BOOLEAN -> value instanceof BooleanLiteral;
            case TIMESTAMP -> value instanceof TimestampLiteral || value instanceof DateLiteral
                    || value instanceof TextLiteral;
            case OTHER -> false;
        };
        if (!ok) {
            String hint = type == ValueType.OTHER ? " (only IS NULL / IS NOT NULL can test this column)"
                    : " (expected " + type.words() + ")";
            throw mismatch(value.span(), "column " + describe(column) + " is " + sqlType(column) + " but "
                    + CanonicalText.operand(value) + " is " + value.typeName() + hint);
        }
        if (type == ValueType.TIMESTAMP && value instanceof TextLiteral text
                && Timestamps.parseTimestamp(text.value()) == null) {
            throw new FilterSyntaxException(Problem.TYPE_MISMATCH, value.span().start(), value.span().length(),
                    "column " + describe(column) + " is " + sqlType(column) + " but '" + text.value()
                            + "' is not a timestamp (expected yyyy-mm-dd[ hh:mm[:ss]])");
        }
    }

    private Operand resolve(Operand o) {
        if (o instanceof ColumnRef c) {
            ColumnInfo column = column(c);
            if (c.keyed() && !KeyedValues.isJson(column.sqlType())) {
                throw mismatch(c.span(), "column " + CanonicalText.identifier(column.name()) + " is "
                        + column.sqlType() + ": only a JSON column (e.g. attributes) has keys to read with ['...']");
            }
            return new ColumnRef(column.name(), c.key(), c.span());
        }
        return o;
    }

    private static boolean keyed(Operand o) {
        return o instanceof ColumnRef c && c.keyed();
    }

    ValueType typeOf(ColumnRef c) {
        return ValueType.ofSqlType(column(c).sqlType());
    }

    private String sqlType(ColumnRef c) {
        return column(c).sqlType();
    }

    private ColumnInfo column(ColumnRef ref) {
        Optional<ColumnInfo> exact = table.column(ref.name());
        if (exact.isPresent()) {
            return exact.get();
        }
        List<ColumnInfo> folded = new ArrayList<>();
        for (ColumnInfo c : table.columns()) {
            if (c.name().toLowerCase(Locale.ROOT).equals(ref.name().toLowerCase(Locale.ROOT))) {
                folded.add(c);
            }
        }
        if (folded.size() == 1) {
            return folded.get(0);
        }
        throw new FilterSyntaxException(Problem.UNKNOWN_COLUMN, ref.span().start(), ref.span().length(),
                "unknown column '" + ref.name() + "' in table " + table.name() + suggestion(ref.name()));
    }

    private String suggestion(String name) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (ColumnInfo c : table.columns()) {
            int d = distance(name.toLowerCase(Locale.ROOT), c.name().toLowerCase(Locale.ROOT));
            if (d < bestDistance) {
                bestDistance = d;
                best = c.name();
            }
        }
        if (best != null && bestDistance <= Math.max(1, Math.min(2, name.length() / 2))) {
            return " (did you mean " + CanonicalText.identifier(best) + "?)";
        }
        List<String> names = table.columns().stream().map(ColumnInfo::name).toList();
        if (names.size() > 15) {
            return " (" + names.size() + " columns: " + String.join(", ", names.subList(0, 15)) + ", …)";
        }
        return " (columns: " + String.join(", ", names) + ")";
    }

    /** Levenshtein distance, for "did you mean". */
    private static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }

    private static String describe(ColumnRef c) {
        return CanonicalText.identifier(c.name());
    }

    private static FilterSyntaxException mismatch(Span at, String message) {
        return new FilterSyntaxException(Problem.TYPE_MISMATCH, at.start(), at.length(), message);
    }
}
