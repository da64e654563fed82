package org.inquest.analysis.filter;

import java.util.List;
import org.inquest.analysis.filter.Operand.Literal;

/**
 * The typed syntax tree of a filter. Every node carries the {@link Span} it was parsed from; parentheses are not
 * nodes (the tree's shape records grouping, and {@link CanonicalText} puts back only the parentheses it needs).
 */
public sealed interface Expr permits Expr.Or, Expr.And, Expr.Not, Expr.Comparison, Expr.InList, Expr.Between,
        Expr.IsNull, Expr.Like, Expr.Truth {
    Span span();

    /** The same tree with every span set to {@link Span#NONE}: equal trees then mean equal filters. */
    Expr withoutPositions();

    record Or(Expr left, Expr right, Span span) implements Expr {
        @Override
        public Expr withoutPositions() {
            return new Or(left.withoutPositions(), right.withoutPositions(), Span.NONE);
        }
    }

    record And(Expr left, Expr right, Span span) implements Expr {
        @Override
        public Expr withoutPositions() {
            return new And(left.withoutPositions(), right.withoutPositions(), Span.NONE);
        }
    }

    record Not(Expr operand, Span span) implements Expr {
        @Override
        public Expr withoutPositions() {
            return new Not(operand.withoutPositions(), Span.NONE);
        }
    }

    /** {@code left op right}; at least one side must be a column (checked against the table). */
    record Comparison(Operand left, CompareOp op, Operand right, Span span) implements Expr {
        @Override
        public Expr withoutPositions() {
            return new Comparison(left.withoutPositions(), op, right.withoutPositions(), Span.NONE);
        }
    }

    /** {@code subject [NOT] IN (v1, v2, ...)}. */
    record InList(Operand subject, List<Literal> values, boolean negated, Span span) implements Expr {
        public InList {
            values = List.copyOf(values);
        }

        @Override
        public Expr withoutPositions() {
            return new InList(subject.withoutPositions(), values.stream().map(Literal::withoutPositions).toList(),
                    negated, Span.NONE);
        }
    }

    /** {@code subject [NOT] BETWEEN low AND high}, bounds included as in SQL. */
    record Between(Operand subject, Operand low, Operand high, boolean negated, Span span) implements Expr {
        @Override
        public Expr withoutPositions() {
            return new Between(subject.withoutPositions(), low.withoutPositions(), high.withoutPositions(), negated,
                    Span.NONE);
        }
    }

    /** {@code subject IS [NOT] NULL}. */
    record IsNull(Operand subject, boolean negated, Span span) implements Expr {
        @Override
        public Expr withoutPositions() {
            return new IsNull(subject.withoutPositions(), negated, Span.NONE);
        }
    }

    /** {@code subject [NOT] LIKE pattern}, SQL wildcards {@code %} and {@code _}. */
    record Like(Operand subject, Operand pattern, boolean negated, Span span) implements Expr {
        @Override
        public Expr withoutPositions() {
            return new Like(subject.withoutPositions(), pattern.withoutPositions(), negated, Span.NONE);
        }
    }

    /** An operand standing alone as a condition: a boolean column, or {@code TRUE}/{@code FALSE}. */
    record Truth(Operand operand, Span span) implements Expr {
        @Override
        public Expr withoutPositions() {
            return new Truth(operand.withoutPositions(), Span.NONE);
        }
    }
}
