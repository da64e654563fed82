package org.inquest.connectors.traces;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads the body of one OTLP/JSON {@code ExportTraceServiceRequest} token by token: {@code resourceSpans[]} →
 * {@code resource} + {@code scopeSpans[]} (or the older {@code instrumentationLibrarySpans[]}) → {@code spans[]}.
 * Only one span is held at a time, except when a {@code resourceSpans} element lists its spans before its
 * {@code resource} (legal JSON, unusual in practice): those spans wait until the service name is known.
 */
final class OtlpJsonReader {
    static final String UNKNOWN_SERVICE = "unknown_service";
    private static final String[] KINDS = {"UNSPECIFIED", "INTERNAL", "SERVER", "CLIENT", "PRODUCER", "CONSUMER"};

    private final JsonFactory factory;
    private final SpanSink sink;
    private final JsonValues.Writer shared;
    private final JsonValues.EventFormat events = new JsonValues.EventFormat("timeUnixNano", 1, "name",
            "attributes", null, (p, g) -> {
                writeKeyValues(p, g, false);
                return null;
            });
    /** The {@code service.name} met by the last {@link #writeKeyValues} call at the top of an attribute list. */
    private String lastServiceName;

    OtlpJsonReader(JsonFactory factory, SpanSink sink) {
        this.factory = factory;
        this.sink = sink;
        this.shared = new JsonValues.Writer(factory);
    }

    /** Reads the rest of a request object; the parser is on one of its field names, and ends on its END_OBJECT. */
    void readRequestFrom(JsonParser p) throws IOException {
        for (JsonToken t = p.currentToken(); t != JsonToken.END_OBJECT; t = p.nextToken()) {
            String field = p.currentName();
            p.nextToken();
            if ("resourceSpans".equals(field) && p.currentToken() == JsonToken.START_ARRAY) {
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    readResourceSpans(p);
                }
            } else {
                p.skipChildren();
            }
        }
    }

    private void readResourceSpans(JsonParser p) throws IOException {
        if (p.currentToken() != JsonToken.START_OBJECT) {
            p.skipChildren();
            return;
        }
        String service = null;
        String resourceJson = null;
        List<Span> waiting = new ArrayList<>();
        while (p.nextToken() != JsonToken.END_OBJECT) {
            String field = p.currentName();
            p.nextToken();
            switch (field) {
                case "resource" -> {
                    lastServiceName = null;
                    resourceJson = readResource(p);
                    service = lastServiceName;
                }
                case "scopeSpans", "instrumentationLibrarySpans" -> readScopeSpansList(p, service, resourceJson, waiting);
                default -> p.skipChildren();
            }
        }
        for (Span span : waiting) {
            sink.accept(span.withService(service == null ? UNKNOWN_SERVICE : service, resourceJson));
        }
    }

    private String readResource(JsonParser p) throws IOException {
        if (p.currentToken() != JsonToken.START_OBJECT) {
            p.skipChildren();
            return null;
        }
        String json = "{}";
        while (p.nextToken() != JsonToken.END_OBJECT) {
            String field = p.currentName();
            p.nextToken();
            if ("attributes".equals(field)) {
                json = attributes(p);
            } else {
                p.skipChildren();
            }
        }
        return json;
    }

    private void readScopeSpansList(JsonParser p, String service, String resourceJson, List<Span> waiting)
            throws IOException {
        JsonValues.forEachObject(p, () -> {
            while (p.nextToken() != JsonToken.END_OBJECT) {
                String field = p.currentName();
                p.nextToken();
                if ("spans".equals(field) && p.currentToken() == JsonToken.START_ARRAY) {
                    while (p.nextToken() != JsonToken.END_ARRAY) {
                        Span span = readSpan(p);
                        if (span == null) {
                            continue;
                        }
                        if (service != null || resourceJson != null) {
                            sink.accept(span.withService(service == null ? UNKNOWN_SERVICE : service, resourceJson));
                        } else {
                            waiting.add(span);
                        }
                    }
                } else {
                    p.skipChildren();
                }
            }
        });
    }

    /** One span object; null (after quarantining it) when it cannot be stored. */
    private Span readSpan(JsonParser p) throws IOException {
        long line = p.currentTokenLocation().getLineNr();
        if (p.currentToken() != JsonToken.START_OBJECT) {
            p.skipChildren();
            sink.reject(line, null, "span is not a JSON object");
            return null;
        }
        String traceId = null;
        String spanId = null;
        String parentId = null;
        String name = null;
        String kind = null;
        Long start = null;
        Long end = null;
        int status = 0;
        String statusMessage = null;
        String attributes = "{}";
        String events = "[]";
        String problem = null;
        while (p.nextToken() != JsonToken.END_OBJECT) {
            String field = p.currentName();
            p.nextToken();
            try {
                switch (field) {
                    case "traceId" -> traceId = Ids.normalize(JsonValues.readString(p));
                    case "spanId" -> spanId = Ids.normalize(JsonValues.readString(p));
                    case "parentSpanId" -> parentId = Ids.normalize(JsonValues.readString(p));
                    case "name" -> name = JsonValues.readString(p);
                    case "kind" -> kind = kind(p);
                    case "startTimeUnixNano" -> start = JsonValues.readLong(p, field);
                    case "endTimeUnixNano" -> end = JsonValues.readLong(p, field);
                    case "attributes" -> attributes = attributes(p);
                    case "events" -> events = events(p);
                    case "status" -> {
                        if (p.currentToken() == JsonToken.START_OBJECT) {
                            while (p.nextToken() != JsonToken.END_OBJECT) {
                                String sf = p.currentName();
                                p.nextToken();
                                if ("code".equals(sf)) {
                                    status = statusCode(p);
                                } else if ("message".equals(sf)) {
                                    statusMessage = JsonValues.readString(p);
                                } else {
                                    p.skipChildren();
                                }
                            }
                        } else {
                            p.skipChildren();
                        }
                    }
                    default -> p.skipChildren();
                }
            } catch (JsonValues.BadSpanException | IllegalArgumentException e) {
                if (problem == null) {
                    problem = e.getMessage();
                }
            }
        }
        if (problem == null) {
            problem = traceId == null ? "span has no traceId" : spanId == null ? "span has no spanId"
                    : start == null ? "span has no startTimeUnixNano" : end == null ? "span has no endTimeUnixNano"
                    : end < start ? "endTimeUnixNano is before startTimeUnixNano" : null;
        }
        if (problem != null) {
            sink.reject(line, spanId == null ? null : "spanId " + spanId, problem);
            return null;
        }
        return new Span(traceId, spanId, parentId, parentId == null ? null : Span.CHILD_OF, null,
                name == null ? "" : name, kind, start, end, status, statusMessage, attributes, events, null, line);
    }

    private static String kind(JsonParser p) throws IOException {
        if (p.currentToken() == JsonToken.VALUE_NUMBER_INT) {
            int k = p.getIntValue();
            return k >= 0 && k < KINDS.length ? KINDS[k] : "UNSPECIFIED";
        }
        String text = JsonValues.readString(p);
        if (text == null) {
            return null;
        }
        String upper = text.toUpperCase(Locale.ROOT);
        return upper.startsWith("SPAN_KIND_") ? upper.substring("SPAN_KIND_".length()) : upper;
    }

    private static int statusCode(JsonParser p) throws IOException {
        if (p.currentToken() == JsonToken.VALUE_NUMBER_INT) {
            return p.getIntValue();
        }
        String text = JsonValues.readString(p);
        if (text == null) {
            return 0;
        }
        return switch (text.toUpperCase(Locale.ROOT)) {
            case "STATUS_CODE_OK", "OK", "1" -> 1;
            case "STATUS_CODE_ERROR", "ERROR", "2" -> 2;
            default -> 0;
        };
    }

    /** An OTLP {@code KeyValue[]} as one JSON object, each value in its natural JSON type. */
    private String attributes(JsonParser p) throws IOException {
        if (p.currentToken() != JsonToken.START_ARRAY) {
            p.skipChildren();
            return "{}";
        }
        lastServiceName = null;
        writeKeyValues(p, shared.begin(), true);
        return shared.text();
    }

    /** Parser on START_ARRAY of KeyValue objects; writes one JSON object and leaves the parser on END_ARRAY. */
    private void writeKeyValues(JsonParser p, JsonGenerator g, boolean top) throws IOException {
        JsonValues.writeEntries(p, g, (entry, out) -> writeKeyValue(entry, out, top));
    }

    /** One {@code {key, value}} entry, either order; a value before its key is rendered aside until the key. */
    private void writeKeyValue(JsonParser p, JsonGenerator g, boolean top) throws IOException {
        String key = null;
        String pendingValue = null;
        String pendingService = null;
        boolean written = false;
        while (p.nextToken() != JsonToken.END_OBJECT) {
            String field = p.currentName();
            p.nextToken();
            if ("key".equals(field)) {
                key = JsonValues.readString(p);
                if (top && pendingService != null && "service.name".equals(key)) {
                    lastServiceName = pendingService;
                }
                if (pendingValue != null && key != null) {
                    g.writeFieldName(key);
                    g.writeRawValue(pendingValue);
                    written = true;
                }
            } else if ("value".equals(field)) {
                if (key != null) {
                    g.writeFieldName(key);
                    String text = writeAnyValue(p, g);
                    if (top && "service.name".equals(key)) {
                        lastServiceName = text;
                    }
                    written = true;
                } else {
                    // rare: the value comes before its key, so it is rendered aside until the key is known
                    try (JsonValues.Writer tmp = new JsonValues.Writer(factory)) {
                        pendingService = writeAnyValue(p, tmp.begin());
                        pendingValue = tmp.text();
                    }
                }
            } else {
                p.skipChildren();
            }
        }
        if (!written && key != null) {
            g.writeNullField(key);
        }
    }

    /**
     * An OTLP {@code AnyValue} object as a plain JSON value (string, bool, number, array, object or null); returns
     * the string when it was a {@code stringValue}, else null.
     */
    private String writeAnyValue(JsonParser p, JsonGenerator g) throws IOException {
        if (p.currentToken() != JsonToken.START_OBJECT) {
            p.skipChildren();
            g.writeNull();
            return null;
        }
        String stringValue = null;
        boolean wrote = false;
        while (p.nextToken() != JsonToken.END_OBJECT) {
            String field = p.currentName();
            JsonToken t = p.nextToken();
            if (wrote) {
                p.skipChildren();
                continue;
            }
            wrote = true;
            switch (field) {
                case "stringValue", "bytesValue" -> {
                    String s = JsonValues.readString(p);
                    if (s == null) {
                        g.writeNull();
                    } else {
                        g.writeString(s);
                    }
                    stringValue = "stringValue".equals(field) ? s : null;
                }
                case "boolValue" -> g.writeBoolean(t == JsonToken.VALUE_TRUE
                        || (t == JsonToken.VALUE_STRING && "true".equalsIgnoreCase(p.getText())));
                case "intValue" -> {
                    if (t == JsonToken.VALUE_NUMBER_INT) {
                        g.writeNumber(p.getLongValue());
                    } else {
                        String s = JsonValues.readString(p);
                        try {
                            g.writeNumber(Long.parseLong(s.trim()));
                        } catch (RuntimeException e) {
                            g.writeString(s);
                        }
                    }
                }
                case "doubleValue" -> {
                    if (t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_NUMBER_FLOAT) {
                        g.writeNumber(p.getDoubleValue());
                    } else {
                        String s = JsonValues.readString(p);
                        try {
                            double d = Double.parseDouble(s.trim());
                            if (Double.isFinite(d)) {
                                g.writeNumber(d);
                            } else {
                                g.writeString(s);
                            }
                        } catch (RuntimeException e) {
                            g.writeString(String.valueOf(s));
                        }
                    }
                }
                case "arrayValue" -> {
                    g.writeStartArray();
                    if (t == JsonToken.START_OBJECT) {
                        while (p.nextToken() != JsonToken.END_OBJECT) {
                            String af = p.currentName();
                            p.nextToken();
                            if ("values".equals(af) && p.currentToken() == JsonToken.START_ARRAY) {
                                while (p.nextToken() != JsonToken.END_ARRAY) {
                                    writeAnyValue(p, g);
                                }
                            } else {
                                p.skipChildren();
                            }
                        }
                    } else {
                        p.skipChildren();
                    }
                    g.writeEndArray();
                }
                case "kvlistValue" -> {
                    boolean done = false;
                    if (t == JsonToken.START_OBJECT) {
                        while (p.nextToken() != JsonToken.END_OBJECT) {
                            String kf = p.currentName();
                            p.nextToken();
                            if ("values".equals(kf) && p.currentToken() == JsonToken.START_ARRAY && !done) {
                                writeKeyValues(p, g, false);
                                done = true;
                            } else {
                                p.skipChildren();
                            }
                        }
                    } else {
                        p.skipChildren();
                    }
                    if (!done) {
                        g.writeStartObject();
                        g.writeEndObject();
                    }
                }
                default -> {
                    p.skipChildren();
                    g.writeNull();
                }
            }
        }
        if (!wrote) {
            g.writeNull();
        }
        return stringValue;
    }

    /** OTLP {@code Span.Event[]} as {@code [{"time_unix_nano": n, "attributes": {...}, "name": s}]}. */
    private String events(JsonParser p) throws IOException {
        return JsonValues.writeEvents(p, shared, events);
    }
}
