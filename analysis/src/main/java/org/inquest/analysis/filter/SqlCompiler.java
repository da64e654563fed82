package org.inquest.analysis.filter;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.inquest.analysis.filter.Operand.BooleanLiteral;
import org.inquest.analysis.filter.Operand.ColumnRef;
import org.inquest.analysis.filter.Operand.DateLiteral;
import org.inquest.analysis.filter.Operand.Literal;
import org.inquest.analysis.filter.Operand.NumberLiteral;
import org.inquest.analysis.filter.Operand.TextLiteral;
import org.inquest.analysis.filter.Operand.TimestampLiteral;
import org.inquest.analysis.slice.SqlFragment;
import org.inquest.connectors.catalog.TableInfo;
import org.inquest.connectors.workspace.Identifiers;

/**
 * Turns a checked tree into a {@link SqlFragment}. The SQL text is assembled only from constants and
 * {@link Identifiers#quote quoted} column names; every literal becomes a {@code ?} parameter. Timestamp values
 * travel as canonical strings inside {@code CAST(? AS TIMESTAMP)} (or {@code TIMESTAMPTZ} with an explicit UTC
 * offset for zoned columns), so the comparison does not depend on the JDBC driver's or the session's time zone.
 */
final class SqlCompiler {
    private final TableInfo table;
    private final StringBuilder sql = new StringBuilder();
    private final List<Object> parameters = new ArrayList<>();

    private SqlCompiler(TableInfo table) {
        this.table = table;
    }

    /** {@code checked} must come from {@link TypeChecker#check}: column names are the table's own. */
    static SqlFragment compile(Expr checked, TableInfo table) {
        SqlCompiler c = new SqlCompiler(table);
        c.expr(checked);
        return new SqlFragment(c.sql.toString(), c.parameters);
    }

    private void expr(Expr e) {
        if (e instanceof Expr.Or || e instanceof Expr.And) {
            // (a) OR (b) OR (c): AND and OR are associative (also with NULLs), and a flat list keeps long
            // chains within DuckDB's expression depth limit. Built left to right, so parameters stay in order.
            List<Expr> nodes = Chains.nodes(e);
            String op = e instanceof Expr.Or ? " OR " : " AND ";
            sql.append('(');
            expr(Chains.left(nodes.get(0)));
            sql.append(')');
            for (Expr node : nodes) {
                sql.append(op).append('(');
                expr(Chains.right(node));
                sql.append(')');
            }
        } else if (e instanceof Expr.Not not) {
            sql.append("NOT (");
            expr(not.operand());
            sql.append(')');
        } else if (e instanceof Expr.Comparison c) {
            boolean keyedLeft = keyed(c.left());
            ValueType as = keyedLeft ? KeyedValues.classOf((Literal) c.right())
                    : keyed(c.right()) ? KeyedValues.classOf((Literal) c.left()) : null;
            String context = as != null ? keyedContext(as) : sqlTypeOf(c.left() instanceof ColumnRef ? c.left()
                    : c.right());
            operand(c.left(), context, as);
            sql.append(' ').append(c.op().sql()).append(' ');
            operand(c.right(), context, as);
        } else if (e instanceof Expr.InList in) {
            ValueType as = keyed(in.subject()) ? KeyedValues.classOf(in.values().get(0)) : null;
            String context = as != null ? keyedContext(as) : sqlTypeOf(in.subject());
            operand(in.subject(), context, as);
            sql.append(in.negated() ? " NOT IN (" : " IN (");
            for (int i = 0; i < in.values().size(); i++) {
                sql.append(i == 0 ? "" : ", ");
                operand(in.values().get(i), context, as);
            }
            sql.append(')');
        } else if (e instanceof Expr.Between b) {
            ValueType as = keyed(b.subject()) ? KeyedValues.classOf((Literal) b.low()) : null;
            String context = as != null ? keyedContext(as) : sqlTypeOf(b.subject());
            operand(b.subject(), context, as);
            sql.append(b.negated() ? " NOT BETWEEN " : " BETWEEN ");
            operand(b.low(), context, as);
            sql.append(" AND ");
            operand(b.high(), context, as);
        } else if (e instanceof Expr.IsNull n) {
            operand(n.subject(), null, null);
            sql.append(n.negated() ? " IS NOT NULL" : " IS NULL");
        } else if (e instanceof Expr.Like l) {
            operand(l.subject(), null, null);
            sql.append(l.negated() ? " NOT LIKE " : " LIKE ");
            operand(l.pattern(), null, null);
        } else {
            Operand o = ((Expr.Truth) e).operand();
            if (o instanceof BooleanLiteral b) {
                sql.append(b.value() ? "TRUE" : "FALSE");
            } else {
                operand(o, null, ValueType.BOOLEAN);
            }
        }
    }

    private static boolean keyed(Operand o) {
        return o instanceof ColumnRef c && c.keyed();
    }

    /** The column type a literal compared with a keyed value converts to: timestamps need their cast. */
    private static String keyedContext(ValueType as) {
        return as == ValueType.TIMESTAMP ? "TIMESTAMP" : null;
    }

    private String sqlTypeOf(Operand o) {
        return o instanceof ColumnRef c ? table.column(c.name()).orElseThrow().sqlType() : null;
    }

    /**
     * A column (quoted), a keyed value of a JSON column read as {@code keyedAs} (text when null), or a literal (a
     * parameter); {@code columnType} is the type a literal is compared with.
     */
    private void operand(Operand o, String columnType, ValueType keyedAs) {
        if (o instanceof ColumnRef c) {
            if (c.keyed()) {
                sql.append(KeyedValues.sql(Identifiers.quote(c.name()), keyedAs));
                parameters.add(KeyedValues.pointer(c.key()));
            } else {
                sql.append(Identifiers.quote(c.name()));
            }
            return;
        }
        Literal literal = (Literal) o;
        boolean temporal = columnType != null && ValueType.ofSqlType(columnType) == ValueType.TIMESTAMP;
        if (temporal) {
            String text;
            if (literal instanceof TimestampLiteral t) {
                text = Timestamps.format(t.value());
            } else if (literal instanceof DateLiteral d) {
                text = Timestamps.format(d.value().atStartOfDay());
            } else {
                text = Timestamps.format(Timestamps.parseTimestamp(((TextLiteral) literal).value()));
            }
            boolean zoned = ValueType.isZoned(columnType);
            // Nanosecond columns get nanosecond bounds; every other timestamp type compares at microseconds.
            boolean nanos = columnType.equalsIgnoreCase("TIMESTAMP_NS");
            sql.append(zoned ? "CAST(? AS TIMESTAMPTZ)" : nanos ? "CAST(? AS TIMESTAMP_NS)" : "CAST(? AS TIMESTAMP)");
            parameters.add(zoned ? text + "+00" : text);
            return;
        }
        sql.append('?');
        parameters.add(value(literal));
    }

    /** The JDBC parameter for a non-temporal literal. */
    static Object value(Literal literal) {
        if (literal instanceof TextLiteral t) {
            return t.value();
        }
        if (literal instanceof BooleanLiteral b) {
            return b.value();
        }
        if (literal instanceof NumberLiteral n) {
            return number(n.value());
        }
        if (literal instanceof TimestampLiteral t) {
            return Timestamps.format(t.value());
        }
        return ((DateLiteral) literal).value().toString();
    }

    /** Whole numbers that fit travel as BIGINT, others as DOUBLE (DuckDB compares them with any numeric type). */
    private static Object number(BigDecimal value) {
        try {
            return value.stripTrailingZeros().scale() <= 0 ? (Object) value.longValueExact() : value.doubleValue();
        } catch (ArithmeticException tooLarge) {
            return value.doubleValue();
        }
    }
}
