package org.inquest.analysis.traces;

import org.inquest.analysis.slice.SqlFragment;
import org.inquest.connectors.error.UsageException;

/**
 * A condition on one span attribute ({@code attributes} is a JSON object, ADR 0070): the key and the value travel as
 * JDBC parameters (the key inside a JSON path {@code $."key"}), never as SQL text. A value that reads as a number is
 * compared as a number ({@code http.status_code >= 500}), anything else as text.
 */
public record AttributeFilter(String key, Op op, String value) {
    /** The comparisons offered; {@code EXISTS} ignores the value. */
    public enum Op {
        EQ("="), NE("!="), LT("<"), LE("<="), GT(">"), GE(">="), CONTAINS("contains"), EXISTS("exists");

        private final String symbol;

        Op(String symbol) {
            this.symbol = symbol;
        }

        public String symbol() {
            return symbol;
        }

        @Override
        public String toString() {
            return symbol;
        }
    }

    public AttributeFilter {
        if (key == null || key.isBlank()) {
            throw new UsageException("attribute filter: the attribute key is empty");
        }
        key = key.strip();
        if (key.indexOf('"') >= 0) {
            throw new UsageException("attribute filter: a key cannot contain '\"' (" + key + ")");
        }
        if (op == null) {
            op = Op.EQ;
        }
        if (op != Op.EXISTS && (value == null || value.isEmpty())) {
            throw new UsageException("attribute filter: '" + key + " " + op.symbol() + "' needs a value");
        }
    }

    /** The condition on a spans table row, parameterised. */
    public SqlFragment condition() {
        String path = "$.\"" + key + "\"";
        if (op == Op.EXISTS) {
            return SqlFragment.of("json_extract(attributes, ?) IS NOT NULL", path);
        }
        if (op == Op.CONTAINS) {
            return SqlFragment.of("contains(json_extract_string(attributes, ?), ?)", path, value);
        }
        Double number = number(value);
        String sqlOp = switch (op) {
            case EQ -> "=";
            case NE -> "<>";
            case LT -> "<";
            case LE -> "<=";
            case GT -> ">";
            case GE -> ">=";
            default -> throw new IllegalStateException(op.name());
        };
        if (number != null) {
            return SqlFragment.of("TRY_CAST(json_extract_string(attributes, ?) AS DOUBLE) " + sqlOp + " ?", path,
                    number);
        }
        return SqlFragment.of("json_extract_string(attributes, ?) " + sqlOp + " ?", path, value);
    }

    private static Double number(String text) {
        try {
            double d = Double.parseDouble(text.strip());
            return Double.isFinite(d) ? d : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    @Override
    public String toString() {
        return op == Op.EXISTS ? key + " exists" : key + " " + op.symbol() + " " + value;
    }
}
