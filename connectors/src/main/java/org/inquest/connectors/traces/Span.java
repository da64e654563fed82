package org.inquest.connectors.traces;

/**
 * One span as both trace formats are reduced to it before it is written to the spans table. Times are
 * nanoseconds since the Unix epoch (Jaeger's microseconds are multiplied by 1,000), ids are lower-case hex, and the
 * attribute, event and resource maps are already rendered as JSON text.
 *
 * @param refType    how the span relates to its parent: {@code CHILD_OF} or {@code FOLLOWS_FROM}; null for a root
 * @param kind       {@code SERVER}, {@code CLIENT}, {@code INTERNAL}, {@code PRODUCER}, {@code CONSUMER} or
 *                   {@code UNSPECIFIED}; null when the source does not say
 * @param statusCode OTLP's status code: 0 unset, 1 ok, 2 error (Jaeger's {@code error=true} tag maps to 2)
 * @param line       the line of the source file where the span begins, for messages
 */
public record Span(String traceId, String spanId, String parentSpanId, String refType, String service, String name,
        String kind, long startNanos, long endNanos, int statusCode, String statusMessage, String attributesJson,
        String eventsJson, String resourceJson, long line) {

    public static final String CHILD_OF = "CHILD_OF";
    public static final String FOLLOWS_FROM = "FOLLOWS_FROM";

    public Span withService(String newService, String newResourceJson) {
        return new Span(traceId, spanId, parentSpanId, refType, newService, name, kind, startNanos, endNanos,
                statusCode, statusMessage, attributesJson, eventsJson, newResourceJson, line);
    }
}
