package org.inquest.analysis.segments;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.stream.Collectors;

/**
 * A set of rows defined by one column = value or two of them. A null value is shown as {@code (null)}. Names are
 * built through a value renderer so a report can show redacted columns as pseudonyms.
 */
public record Segment(Map<String, String> conditions) {
    public static final String NULL_VALUE = "(null)";

    public Segment {
        conditions = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(conditions));
    }

    public static Segment of(String column, String value) {
        return new Segment(Map.of(column, value));
    }

    public int size() {
        return conditions.size();
    }

    /** {@code region=EU} or {@code region=EU & channel=web}, values passed through {@code render(column, value)}. */
    public String name(BiFunction<String, String, String> render) {
        return conditions.entrySet().stream().map(e -> e.getKey() + "=" + render.apply(e.getKey(), e.getValue()))
                .collect(Collectors.joining(" & "));
    }

    public String name() {
        return name((column, value) -> value);
    }

    /** Whether every condition of {@code this} is also a condition of {@code other}. */
    public boolean isParentOf(Segment other) {
        return other.size() > size() && other.conditions.entrySet().containsAll(conditions.entrySet());
    }
}
