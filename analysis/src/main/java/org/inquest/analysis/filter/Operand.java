package org.inquest.analysis.filter;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;

/** Something a predicate compares: a column or a literal value. */
public sealed interface Operand permits Operand.ColumnRef, Operand.Literal {
    Span span();

    Operand withoutPositions();

    /**
     * A column, by the name as written (quotes removed); with a {@code key}, one field of a JSON column, written
     * {@code attributes['http.route']} (the value under that key, compared as the literal it meets).
     */
    record ColumnRef(String name, String key, Span span) implements Operand {
        public ColumnRef(String name, Span span) {
            this(name, null, span);
        }

        @Override
        public ColumnRef withoutPositions() {
            return new ColumnRef(name, key, Span.NONE);
        }

        /** True for {@code column['key']}. */
        public boolean keyed() {
            return key != null;
        }
    }

    /** A literal value; it only ever reaches DuckDB as a JDBC parameter. */
    sealed interface Literal extends Operand
            permits TextLiteral, NumberLiteral, BooleanLiteral, TimestampLiteral, DateLiteral {
        @Override
        Literal withoutPositions();

        /** The value's type in words, for error messages. */
        String typeName();
    }

    record TextLiteral(String value, Span span) implements Literal {
        @Override
        public TextLiteral withoutPositions() {
            return new TextLiteral(value, Span.NONE);
        }

        @Override
        public String typeName() {
            return "text";
        }
    }

    /** A number exactly as written (scale kept, so {@code 1.50} prints back as {@code 1.50}). */
    record NumberLiteral(BigDecimal value, Span span) implements Literal {
        @Override
        public NumberLiteral withoutPositions() {
            return new NumberLiteral(value, Span.NONE);
        }

        @Override
        public String typeName() {
            return "a number";
        }
    }

    record BooleanLiteral(boolean value, Span span) implements Literal {
        @Override
        public BooleanLiteral withoutPositions() {
            return new BooleanLiteral(value, Span.NONE);
        }

        @Override
        public String typeName() {
            return "a boolean";
        }
    }

    /** {@code TIMESTAMP '2026-01-01 00:00:00'}; an offset in the text is converted to UTC when parsed. */
    record TimestampLiteral(LocalDateTime value, Span span) implements Literal {
        @Override
        public TimestampLiteral withoutPositions() {
            return new TimestampLiteral(value, Span.NONE);
        }

        @Override
        public String typeName() {
            return "a timestamp";
        }
    }

    /** {@code DATE '2026-01-01'}. */
    record DateLiteral(LocalDate value, Span span) implements Literal {
        @Override
        public DateLiteral withoutPositions() {
            return new DateLiteral(value, Span.NONE);
        }

        @Override
        public String typeName() {
            return "a date";
        }
    }

    static BigDecimal number(String text) {
        return new BigDecimal(text);
    }
}
