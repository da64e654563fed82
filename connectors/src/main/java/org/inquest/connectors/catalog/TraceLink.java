package org.inquest.connectors.catalog;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * How rows of a predictions table find their traces in a spans table (ADR 0077). Two kinds:
 * <ul>
 * <li>by trace id ({@code attribute} null): the predictions' {@code column} (null: the {@code trace_id} role
 * column) equals the span's {@code trace_id};</li>
 * <li>by attribute: the predictions' {@code column} (null: the {@code id} role column) equals the value of the
 * span attribute {@code attribute} (e.g. {@code request.id}) on any span of the trace.</li>
 * </ul>
 * A link as the user states it; {@code LinkedPredictions} checks it against the tables and compiles it to SQL.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"by", "column", "attribute"})
public record TraceLink(@JsonProperty("column") String column, @JsonProperty("attribute") String attribute) {
    /** The default: the trace_id role column against the span's trace_id. */
    public static final TraceLink TRACE_ID = new TraceLink(null, null);

    public TraceLink {
        column = blankToNull(column);
        attribute = blankToNull(attribute);
    }

    /** Linked by the value of the span attribute {@code key}, compared with {@code column} (null: the id role). */
    public static TraceLink byAttribute(String key, String column) {
        if (key == null || key.isBlank()) {
            throw new org.inquest.connectors.error.UsageException("the link attribute key is empty");
        }
        return new TraceLink(column, key.strip());
    }

    @JsonProperty("by")
    public String by() {
        return attribute == null ? "trace_id" : "attribute";
    }

    @JsonIgnore
    public boolean byTraceId() {
        return attribute == null;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
