package org.inquest.analysis.traces;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * Latency of one operation (service, span name) over a set of spans, in milliseconds. Quantiles use linear
 * interpolation (numpy's default, DuckDB's {@code quantile_cont}); self time is the span's duration minus the
 * union of its children's intervals clipped to it.
 */
@JsonPropertyOrder({"service", "name", "count", "errors", "p50_ms", "p95_ms", "p99_ms", "self_p50_ms", "self_p95_ms",
    "self_p99_ms", "mean_ms", "total_self_ms"})
public record OperationStats(@JsonProperty("service") String service, @JsonProperty("name") String name,
        @JsonProperty("count") long count, @JsonProperty("errors") long errors, @JsonProperty("p50_ms") double p50,
        @JsonProperty("p95_ms") double p95, @JsonProperty("p99_ms") double p99,
        @JsonProperty("self_p50_ms") double selfP50, @JsonProperty("self_p95_ms") double selfP95,
        @JsonProperty("self_p99_ms") double selfP99, @JsonProperty("mean_ms") double mean,
        @JsonProperty("total_self_ms") double totalSelf) {
}
