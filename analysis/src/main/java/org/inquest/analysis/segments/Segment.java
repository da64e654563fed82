package org.inquest.analysis.segments;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.stream.Collectors;

/**
 * A set of rows defined by one column = value or two of them; for a numerical column the "value" is a range of
 * the reference's quantiles ({@link Bin}), named like {@code income in (42000, 58000]}. A null value is shown as
 * {@code (null)}. Names are built through a value renderer so a report can show redacted columns as pseudonyms.
 *
 * @param conditions column → value (for a binned column, the range's label, e.g. {@code (42000, 58000]})
 * @param bins       column → range, for the conditions on numerical columns (not for their null segment)
 */
public record Segment(Map<String, String> conditions, Map<String, Bin> bins) {
    public static final String NULL_VALUE = "(null)";

    /** A right-closed range (lower, upper] of a numerical column; a null bound is unbounded. */
    public record Bin(Double lower, Double upper) {
        /** {@code (42000, 58000]}, {@code (-inf, 21000]} or {@code (120000, +inf)}, bounds to six digits. */
        public String label() {
            return "(" + (lower == null ? "-inf" : number(lower)) + ", " + (upper == null ? "+inf)"
                    : number(upper) + "]");
        }

        /** Whether a value falls in the range. */
        public boolean contains(double value) {
            return (lower == null || value > lower) && (upper == null || value <= upper);
        }

        static String number(double v) {
            if (Double.isInfinite(v) || Double.isNaN(v)) {
                return Double.toString(v);
            }
            // Six significant digits: the edges are interpolated quantiles (89.10000000000218 reads 89.1); the
            // range itself keeps the exact bounds.
            return new BigDecimal(v).round(new java.math.MathContext(6)).stripTrailingZeros().toPlainString();
        }
    }

    public Segment {
        conditions = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(conditions));
        bins = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(bins));
    }

    public Segment(Map<String, String> conditions) {
        this(conditions, Map.of());
    }

    public static Segment of(String column, String value) {
        return new Segment(Map.of(column, value));
    }

    public int size() {
        return conditions.size();
    }

    /**
     * {@code region=EU}, {@code income in (42000, 58000]} or {@code region=EU & channel=web}, values passed through
     * {@code render(column, value)}.
     */
    public String name(BiFunction<String, String, String> render) {
        return conditions.entrySet().stream().map(e -> e.getKey() + (bins.containsKey(e.getKey()) ? " in " : "=")
                + render.apply(e.getKey(), e.getValue())).collect(Collectors.joining(" & "));
    }

    public String name() {
        return name((column, value) -> value);
    }

    /** The single-condition segment of one of this segment's columns (with its range when binned). */
    public Segment part(String column) {
        Bin bin = bins.get(column);
        return new Segment(Map.of(column, conditions.get(column)), bin == null ? Map.of() : Map.of(column, bin));
    }

    /** Whether every condition of {@code this} is also a condition of {@code other}. */
    public boolean isParentOf(Segment other) {
        return other.size() > size() && other.conditions.entrySet().containsAll(conditions.entrySet());
    }
}
