package org.inquest.analysis.filter;

import java.util.List;
import java.util.Locale;
import org.inquest.analysis.filter.FilterSyntaxException.Problem;
import org.inquest.analysis.filter.Operand.BooleanLiteral;
import org.inquest.analysis.filter.Operand.ColumnRef;
import org.inquest.analysis.filter.Operand.DateLiteral;
import org.inquest.analysis.filter.Operand.Literal;
import org.inquest.analysis.filter.Operand.NumberLiteral;
import org.inquest.analysis.filter.Operand.TimestampLiteral;

/**
 * {@code column['key']}: one value of a JSON column (span attributes, for instance). A JSON value has no type the
 * table declares, so the literal it is compared with decides: text compares the value's text, a number compares it
 * as a DOUBLE, a boolean as a BOOLEAN, a timestamp as a TIMESTAMP — a value that does not convert (or a missing
 * key) is NULL and matches nothing, as SQL comparisons with NULL do. The key reaches DuckDB as a JSON-pointer
 * parameter ({@code /http.route}; {@code ~} and {@code /} escaped as RFC 6901 says), never as SQL text.
 */
public final class KeyedValues {
    private KeyedValues() {
    }

    static boolean isJson(String sqlType) {
        return sqlType.toUpperCase(Locale.ROOT).equals("JSON");
    }

    /** The class every literal compared with one keyed value must share. */
    static ValueType classOf(Literal literal) {
        if (literal instanceof NumberLiteral) {
            return ValueType.NUMBER;
        }
        if (literal instanceof BooleanLiteral) {
            return ValueType.BOOLEAN;
        }
        if (literal instanceof TimestampLiteral || literal instanceof DateLiteral) {
            return ValueType.TIMESTAMP;
        }
        return ValueType.TEXT;
    }

    /** The literals compared with {@code ref} are all of one class (e.g. not {@code IN (1, 'a')}). */
    static void requireComparable(ColumnRef ref, List<? extends Literal> literals) {
        ValueType first = classOf(literals.get(0));
        for (Literal l : literals) {
            if (classOf(l) != first) {
                throw new FilterSyntaxException(Problem.TYPE_MISMATCH, l.span().start(), l.span().length(),
                        CanonicalText.operand(ref) + " is compared with " + first.words() + " and with "
                                + CanonicalText.operand(l) + ", which is " + l.typeName()
                                + ": use values of one kind");
            }
        }
    }

    /** The JSON pointer of {@code key} (RFC 6901): {@code /} then the key with {@code ~} → {@code ~0}, {@code /} → {@code ~1}. */
    public static String pointer(String key) {
        return "/" + key.replace("~", "~0").replace("/", "~1");
    }

    /** The SQL of the keyed value read as {@code type} (null: as text); one {@code ?} for the pointer. */
    static String sql(String quotedColumn, ValueType type) {
        String text = "json_extract_string(" + quotedColumn + ", ?)";
        if (type == null) {
            return text;
        }
        return switch (type) {
            case NUMBER -> "TRY_CAST(" + text + " AS DOUBLE)";
            case BOOLEAN -> "TRY_CAST(" + text + " AS BOOLEAN)";
            case TIMESTAMP -> "TRY_CAST(" + text + " AS TIMESTAMP)";
            default -> text;
        };
    }
}
