package org.inquest.connectors.traces;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads Jaeger JSON: the UI/API export {@code {"data": [trace, ...]}} or a single trace object ({@code traceID},
 * {@code spans}, {@code processes}). Jaeger writes {@code processes} after {@code spans}, so the spans of one
 * trace are held until its end (memory is bounded by the largest trace, not by the file). Times are microseconds.
 * A span's parent is its first {@code CHILD_OF} reference in the same trace, else its first {@code FOLLOWS_FROM}
 * one, else the legacy {@code parentSpanID} field.
 */
final class JaegerJsonReader {
    private final JsonFactory factory;
    private final SpanSink sink;
    private final JsonValues.Writer shared;
    private final JsonValues.EventFormat logs = new JsonValues.EventFormat("timestamp", 1000L, null, "fields", "log",
            (p, g) -> writeTagObject(p, g, null, "event"));

    JaegerJsonReader(JsonFactory factory, SpanSink sink) {
        this.factory = factory;
        this.sink = sink;
        this.shared = new JsonValues.Writer(factory);
    }

    /** Reads the rest of a root object; the parser is on one of its field names and ends on its END_OBJECT. */
    void readRootFrom(JsonParser p) throws IOException {
        TraceBuffer root = new TraceBuffer();
        for (JsonToken t = p.currentToken(); t != JsonToken.END_OBJECT; t = p.nextToken()) {
            String field = p.currentName();
            p.nextToken();
            if ("data".equals(field) && p.currentToken() == JsonToken.START_ARRAY) {
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    if (p.currentToken() == JsonToken.START_OBJECT) {
                        TraceBuffer trace = new TraceBuffer();
                        while (p.nextToken() != JsonToken.END_OBJECT) {
                            String f = p.currentName();
                            p.nextToken();
                            readTraceField(p, f, trace);
                        }
                        trace.flush();
                    } else {
                        p.skipChildren();
                    }
                }
            } else {
                readTraceField(p, field, root);
            }
        }
        root.flush();
    }

    private void readTraceField(JsonParser p, String field, TraceBuffer trace) throws IOException {
        switch (field) {
            case "traceID" -> trace.traceId = JsonValues.readString(p);
            case "spans" -> {
                if (p.currentToken() == JsonToken.START_ARRAY) {
                    while (p.nextToken() != JsonToken.END_ARRAY) {
                        trace.spans.add(readSpan(p));
                    }
                } else {
                    p.skipChildren();
                }
            }
            case "processes" -> {
                if (p.currentToken() == JsonToken.START_OBJECT) {
                    while (p.nextToken() != JsonToken.END_OBJECT) {
                        String id = p.currentName();
                        p.nextToken();
                        trace.processes.put(id, readProcess(p));
                    }
                } else {
                    p.skipChildren();
                }
            }
            default -> p.skipChildren();
        }
    }

    private Process readProcess(JsonParser p) throws IOException {
        Process process = new Process();
        if (p.currentToken() != JsonToken.START_OBJECT) {
            p.skipChildren();
            return process;
        }
        while (p.nextToken() != JsonToken.END_OBJECT) {
            String field = p.currentName();
            p.nextToken();
            if ("serviceName".equals(field)) {
                process.service = JsonValues.readString(p);
            } else if ("tags".equals(field)) {
                process.tagsJson = tags(p, null);
            } else {
                p.skipChildren();
            }
        }
        return process;
    }

    private PendingSpan readSpan(JsonParser p) throws IOException {
        PendingSpan s = new PendingSpan();
        s.line = p.currentTokenLocation().getLineNr();
        if (p.currentToken() != JsonToken.START_OBJECT) {
            p.skipChildren();
            s.problem = "span is not a JSON object";
            return s;
        }
        while (p.nextToken() != JsonToken.END_OBJECT) {
            String field = p.currentName();
            p.nextToken();
            try {
                switch (field) {
                    case "traceID" -> s.traceId = JsonValues.readString(p);
                    case "spanID" -> s.spanId = JsonValues.readString(p);
                    case "parentSpanID" -> s.legacyParent = JsonValues.readString(p);
                    case "operationName" -> s.name = JsonValues.readString(p);
                    case "references" -> readReferences(p, s);
                    case "startTime" -> s.startMicros = JsonValues.readLong(p, field);
                    case "duration" -> s.durationMicros = JsonValues.readLong(p, field);
                    case "tags" -> s.tagsJson = tags(p, s);
                    case "logs" -> s.logsJson = logs(p);
                    case "processID" -> s.processId = JsonValues.readString(p);
                    case "process" -> s.process = readProcess(p);
                    default -> p.skipChildren();
                }
            } catch (JsonValues.BadSpanException e) {
                if (s.problem == null) {
                    s.problem = e.getMessage();
                }
            }
        }
        return s;
    }

    private static void readReferences(JsonParser p, PendingSpan s) throws IOException {
        JsonValues.forEachObject(p, () -> {
            String[] ref = new String[3];
            while (p.nextToken() != JsonToken.END_OBJECT) {
                String field = p.currentName();
                p.nextToken();
                switch (field) {
                    case "refType" -> ref[0] = JsonValues.readString(p);
                    case "traceID" -> ref[1] = JsonValues.readString(p);
                    case "spanID" -> ref[2] = JsonValues.readString(p);
                    default -> p.skipChildren();
                }
            }
            s.references.add(ref);
        });
    }

    /**
     * Jaeger {@code [{key, type, value}]} as one JSON object; numbers and booleans written as strings (older
     * exporters do) are restored to their type. When {@code span} is given, the tags Inquest reads meaning from
     * ({@code span.kind}, {@code error}, {@code otel.status_code}, {@code otel.status_description}) are captured.
     */
    private String tags(JsonParser p, PendingSpan span) throws IOException {
        if (p.currentToken() != JsonToken.START_ARRAY) {
            p.skipChildren();
            return "{}";
        }
        writeTagObject(p, shared.begin(), span, null);
        return shared.text();
    }

    /** Writes a tag list as an object; returns the value of the {@code event} key when there is one. */
    private String writeTagObject(JsonParser p, JsonGenerator g, PendingSpan span, String eventKey) throws IOException {
        String[] event = new String[1];
        JsonValues.writeEntries(p, g, (entry, out) -> {
            String value = writeTag(entry, out, span, eventKey);
            event[0] = value != null ? value : event[0];
        });
        return event[0];
    }

    /**
     * One {@code {key, type, value}} tag as a field of the object being written; returns the value as text when
     * the key is {@code eventKey}, else null.
     */
    private static String writeTag(JsonParser p, JsonGenerator g, PendingSpan span, String eventKey)
            throws IOException {
        String key = null;
        String type = null;
        Object value = null;
        while (p.nextToken() != JsonToken.END_OBJECT) {
            String field = p.currentName();
            JsonToken t = p.nextToken();
            switch (field) {
                case "key" -> key = JsonValues.readString(p);
                case "type" -> type = JsonValues.readString(p);
                case "value" -> value = switch (t) {
                    case VALUE_TRUE -> Boolean.TRUE;
                    case VALUE_FALSE -> Boolean.FALSE;
                    case VALUE_NUMBER_INT -> p.getLongValue();
                    case VALUE_NUMBER_FLOAT -> p.getDoubleValue();
                    case VALUE_NULL -> null;
                    case VALUE_STRING -> p.getText();
                    default -> {
                        p.skipChildren();
                        yield null;
                    }
                };
                default -> p.skipChildren();
            }
        }
        if (key == null) {
            return null;
        }
        value = typed(type, value);
        g.writeFieldName(key);
        if (value == null) {
            g.writeNull();
        } else if (value instanceof Boolean b) {
            g.writeBoolean(b);
        } else if (value instanceof Long l) {
            g.writeNumber(l);
        } else if (value instanceof Double d && Double.isFinite(d)) {
            g.writeNumber(d);
        } else {
            g.writeString(value.toString());
        }
        if (span != null) {
            span.capture(key, value);
        }
        return key.equals(eventKey) && value != null ? value.toString() : null;
    }

    private static Object typed(String type, Object value) {
        if (!(value instanceof String s) || type == null) {
            return value;
        }
        try {
            return switch (type.toLowerCase(Locale.ROOT)) {
                case "int64" -> Long.parseLong(s.trim());
                case "float64" -> Double.parseDouble(s.trim());
                case "bool" -> Boolean.parseBoolean(s.trim());
                default -> s;
            };
        } catch (NumberFormatException e) {
            return s;
        }
    }

    /** Jaeger logs as events: {@code [{"time_unix_nano", "attributes", "name" (the "event" field, else "log")}]}. */
    private String logs(JsonParser p) throws IOException {
        return JsonValues.writeEvents(p, shared, logs);
    }

    private static final class Process {
        String service;
        String tagsJson;
    }

    private static final class PendingSpan {
        long line;
        String problem;
        String traceId;
        String spanId;
        String legacyParent;
        String name;
        final List<String[]> references = new ArrayList<>(2);
        Long startMicros;
        Long durationMicros;
        String tagsJson = "{}";
        String logsJson = "[]";
        String processId;
        Process process;
        String kind;
        int status;
        String statusMessage;

        void capture(String key, Object value) {
            if (value == null) {
                return;
            }
            switch (key) {
                case "span.kind" -> kind = value.toString().toUpperCase(Locale.ROOT);
                case "error" -> {
                    if (Boolean.TRUE.equals(value) || "true".equalsIgnoreCase(value.toString())) {
                        status = 2;
                    }
                }
                case "otel.status_code" -> {
                    String code = value.toString().toUpperCase(Locale.ROOT);
                    if (code.equals("ERROR")) {
                        status = 2;
                    } else if (code.equals("OK") && status != 2) {
                        status = 1;
                    }
                }
                case "otel.status_description" -> statusMessage = value.toString();
                default -> {
                }
            }
        }
    }

    private final class TraceBuffer {
        String traceId;
        final List<PendingSpan> spans = new ArrayList<>();
        final Map<String, Process> processes = new HashMap<>();

        void flush() {
            for (PendingSpan s : spans) {
                Span span = resolve(s);
                if (span != null) {
                    sink.accept(span);
                }
            }
            spans.clear();
        }

        private Span resolve(PendingSpan s) {
            String problem = s.problem;
            String trace = null;
            String spanId = null;
            String parent = null;
            String refType = null;
            try {
                trace = Ids.normalize(s.traceId != null ? s.traceId : traceId);
                spanId = Ids.normalize(s.spanId);
                for (String wanted : new String[] {Span.CHILD_OF, Span.FOLLOWS_FROM}) {
                    for (String[] ref : s.references) {
                        boolean sameTrace = ref[1] == null || trace == null || trace.equals(Ids.normalize(ref[1]));
                        if (parent == null && wanted.equalsIgnoreCase(ref[0]) && sameTrace) {
                            parent = Ids.normalize(ref[2]);
                            refType = parent == null ? null : wanted;
                        }
                    }
                }
                if (parent == null && s.legacyParent != null) {
                    parent = Ids.normalize(s.legacyParent);
                    refType = parent == null ? null : Span.CHILD_OF;
                }
            } catch (IllegalArgumentException e) {
                problem = problem == null ? e.getMessage() : problem;
            }
            if (problem == null) {
                problem = trace == null ? "span has no traceID" : spanId == null ? "span has no spanID"
                        : s.startMicros == null ? "span has no startTime" : s.durationMicros == null
                        ? "span has no duration" : s.durationMicros < 0 ? "span has a negative duration" : null;
            }
            if (problem != null) {
                sink.reject(s.line, spanId == null ? null : "spanID " + spanId, problem);
                return null;
            }
            Process process = s.process != null ? s.process : processes.get(s.processId);
            String service = process == null || process.service == null ? OtlpJsonReader.UNKNOWN_SERVICE
                    : process.service;
            long start = s.startMicros * 1000L;
            return new Span(trace, spanId, parent, refType, service, s.name == null ? "" : s.name, s.kind, start,
                    start + s.durationMicros * 1000L, s.status, s.statusMessage, s.tagsJson, s.logsJson,
                    process == null ? null : process.tagsJson, s.line);
        }
    }
}
