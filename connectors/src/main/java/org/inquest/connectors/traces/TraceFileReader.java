package org.inquest.connectors.traces;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import java.io.IOException;
import java.io.InputStream;
import java.util.Set;

/**
 * Reads a trace file of either format, detected from content: the root values are read one after another (so a
 * file holding one object and a file holding one object per line are the same case), and each root object is
 * handed to the OTLP reader when it has {@code resourceSpans}, to the Jaeger reader when it has {@code data},
 * {@code traceID}, {@code spans} or {@code processes}. Everything is streamed with Jackson's {@link JsonParser};
 * no file is ever held whole.
 */
public final class TraceFileReader {
    private static final Set<String> JAEGER_FIELDS = Set.of("data", "traceID", "spans", "processes");
    // The caller owns the stream (it hashes the whole file), so the parser must not close it.
    private final JsonFactory factory = JsonFactory.builder().disable(StreamReadFeature.AUTO_CLOSE_SOURCE).build();

    /**
     * Delivers every span of {@code in} to {@code sink} and returns the format of the first object. Throws
     * {@link MalformedTraceException} when the file is empty, not JSON, truncated, or not a trace document.
     */
    public TraceFormat read(InputStream in, SpanSink sink) throws IOException {
        TraceFormat first = null;
        try (JsonParser p = factory.createParser(in)) {
            OtlpJsonReader otlp = new OtlpJsonReader(factory, sink);
            JaegerJsonReader jaeger = new JaegerJsonReader(factory, sink);
            JsonToken t;
            while ((t = p.nextToken()) != null) {
                long line = p.currentTokenLocation().getLineNr();
                if (t != JsonToken.START_OBJECT) {
                    throw malformed("expected a JSON object, found " + describe(t), p.currentTokenLocation());
                }
                TraceFormat format = null;
                while (format == null && p.nextToken() == JsonToken.FIELD_NAME) {
                    String field = p.currentName();
                    if ("resourceSpans".equals(field)) {
                        format = TraceFormat.OTLP_JSON;
                        otlp.readRequestFrom(p);
                    } else if (JAEGER_FIELDS.contains(field)) {
                        format = TraceFormat.JAEGER_JSON;
                        jaeger.readRootFrom(p);
                    } else {
                        p.nextToken();
                        p.skipChildren();
                    }
                }
                if (format == null) {
                    if (first == null) {
                        throw malformed("neither OTLP JSON (no 'resourceSpans') nor Jaeger JSON (no 'data', 'traceID'"
                                + " or 'spans')", p.currentTokenLocation());
                    }
                    sink.reject(line, null, "object is neither an OTLP request nor a Jaeger trace");
                } else if (first == null) {
                    first = format;
                }
            }
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            throw new MalformedTraceException(e.getOriginalMessage().replace('\n', ' '),
                    at == null ? -1 : at.getLineNr(), at == null ? -1 : at.getColumnNr());
        }
        if (first == null) {
            throw new MalformedTraceException("the file is empty", 1, 1);
        }
        return first;
    }

    private static String describe(JsonToken t) {
        return switch (t) {
            case START_ARRAY -> "an array";
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
            default -> t.asString() == null ? t.name() : "'" + t.asString() + "'";
        };
    }

    private static MalformedTraceException malformed(String message, JsonLocation at) {
        return new MalformedTraceException(message, at.getLineNr(), at.getColumnNr());
    }
}
