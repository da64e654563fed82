package org.inquest.app.ui.traces;

import java.util.Locale;
import org.inquest.app.ui.slice.FilterText;
import org.inquest.connectors.error.UsageException;

/**
 * The search form's attribute condition (key, comparison, value) written as filter-language text on the spans'
 * {@code attributes} JSON column ({@code attributes['http.status_code'] >= 500}, ADR 0073), so it is parsed,
 * checked and compiled to parameterised SQL like any typed filter. A value that reads as a number is written as a
 * number (compared as one), {@code true}/{@code false} as a boolean, anything else as a quoted string.
 */
public record AttributeCondition(String key, Op op, String value) {
    /** The comparisons offered; {@code LIKE} takes a pattern with {@code %} and {@code _}; {@code EXISTS} no value. */
    public enum Op {
        EQ("="), NE("!="), LT("<"), LE("<="), GT(">"), GE(">="), LIKE("like"), EXISTS("exists");

        private final String symbol;

        Op(String symbol) {
            this.symbol = symbol;
        }

        @Override
        public String toString() {
            return symbol;
        }
    }

    public AttributeCondition {
        if (key == null || key.isBlank()) {
            throw new UsageException("attribute filter: the attribute key is empty");
        }
        key = key.strip();
        op = op == null ? Op.EQ : op;
        if (op != Op.EXISTS && (value == null || value.isEmpty())) {
            throw new UsageException("attribute filter: '" + key + " " + op + "' needs a value");
        }
    }

    /** The condition in the filter language. */
    public String filterText() {
        String operand = "attributes[" + FilterText.string(key) + "]";
        return switch (op) {
            case EXISTS -> operand + " IS NOT NULL";
            case LIKE -> operand + " LIKE " + FilterText.string(value);
            default -> operand + " " + op + " " + literal(value);
        };
    }

    static String literal(String value) {
        String v = value.strip();
        if (v.equalsIgnoreCase("true") || v.equalsIgnoreCase("false")) {
            return v.toLowerCase(Locale.ROOT);
        }
        try {
            double d = Double.parseDouble(v);
            if (Double.isFinite(d) && v.matches("[-+]?[0-9]*\\.?[0-9]+([eE][-+]?[0-9]+)?")) {
                return v;
            }
        } catch (NumberFormatException notANumber) {
            // text
        }
        return FilterText.string(value);
    }
}
