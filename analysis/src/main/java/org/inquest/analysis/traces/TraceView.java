package org.inquest.analysis.traces;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * One trace as {@code inquest trace show} reports it (the contract's field names). Spans are in depth-first tree
 * order; {@code start_ms} counts from the trace's first span start.
 */
@JsonPropertyOrder({"trace_id", "duration_ms", "span_count", "warnings", "spans"})
public record TraceView(@JsonProperty("trace_id") String traceId, @JsonProperty("duration_ms") double durationMs,
        @JsonProperty("span_count") int spanCount, @JsonProperty("warnings") List<String> warnings,
        @JsonProperty("spans") List<SpanView> spans) {

    public TraceView {
        warnings = List.copyOf(warnings);
        spans = List.copyOf(spans);
    }

    /** One span of the waterfall. {@code critical_ms} is the total length of its critical-path sections. */
    @JsonPropertyOrder({"span_id", "parent_span_id", "service", "name", "start_ms", "duration_ms", "self_ms", "depth",
        "critical", "critical_ms", "kind", "status", "ref_type"})
    public record SpanView(@JsonProperty("span_id") String spanId,
            @JsonProperty("parent_span_id") String parentSpanId, @JsonProperty("service") String service,
            @JsonProperty("name") String name, @JsonProperty("start_ms") double startMs,
            @JsonProperty("duration_ms") double durationMs, @JsonProperty("self_ms") double selfMs,
            @JsonProperty("depth") int depth, @JsonProperty("critical") boolean critical,
            @JsonProperty("critical_ms") double criticalMs, @JsonProperty("kind") String kind,
            @JsonProperty("status") int status, @JsonProperty("ref_type") String refType) {
    }
}
