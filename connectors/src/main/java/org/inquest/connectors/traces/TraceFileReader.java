package org.inquest.connectors.traces;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.io.JsonEOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Reads a trace file of either format, detected from content: each root object is handed to the OTLP reader when
 * it has {@code resourceSpans}, to the Jaeger reader when it has {@code data}, {@code traceID}, {@code spans} or
 * {@code processes}. Everything is streamed with Jackson's {@link JsonParser}; no file is ever held whole.
 *
 * <p>Two ways through a file ({@link JsonLines} decides which): a <b>document</b> (one object, possibly
 * pretty-printed over many lines) is one parse, and a JSON syntax error anywhere refuses the file with its line and
 * column; <b>JSON Lines</b> (one request per line, as the collector's file exporter writes) are parsed line by line,
 * and a line that is not valid JSON goes to the quarantine whole — none of its spans is kept, with its line number,
 * its raw text and the parser's message — while the other lines are imported.
 */
public final class TraceFileReader {
    private static final Set<String> JAEGER_FIELDS = Set.of("data", "traceID", "spans", "processes");
    /** Longest raw text (bytes) of a bad line kept in the quarantine; the rest is cut with a marker. */
    static final int MAX_RAW = 8192;
    // The caller owns the stream (it hashes the whole file), so the parser must not close it.
    private final JsonFactory factory = JsonFactory.builder().disable(StreamReadFeature.AUTO_CLOSE_SOURCE).build();

    /**
     * Delivers every span of a document file {@code in} to {@code sink} and returns the format of the first object.
     * Throws {@link MalformedTraceException} when the file is empty, not JSON, truncated, or not a trace document.
     */
    public TraceFormat read(InputStream in, SpanSink sink) throws IOException {
        TraceFormat first = null;
        try (JsonParser p = factory.createParser(in)) {
            Roots roots = new Roots(sink);
            JsonToken t;
            while ((t = p.nextToken()) != null) {
                long line = p.currentTokenLocation().getLineNr();
                TraceFormat format = roots.read(p, t);
                if (format == null) {
                    if (first == null) {
                        throw notTraces(p.currentTokenLocation());
                    }
                    sink.reject(line, null, "object is neither an OTLP request nor a Jaeger trace");
                } else if (first == null) {
                    first = format;
                }
            }
        } catch (JsonProcessingException e) {
            throw syntax(e);
        }
        if (first == null) {
            throw new MalformedTraceException("the file is empty", 1, 1);
        }
        return first;
    }

    /**
     * Delivers the spans of a JSON Lines file line by line. A line that is not valid JSON, not an object, or an
     * object of neither format is quarantined whole; the spans of a good line reach {@code sink} only once the
     * line has parsed to its end. Throws {@link MalformedTraceException} when no line is a trace document.
     */
    public TraceFormat readLines(InputStream in, SpanSink sink) throws IOException {
        ByteLines lines = new ByteLines(in);
        LineBuffer buffer = new LineBuffer(sink);
        Roots roots = new Roots(buffer);
        TraceFormat first = null;
        long firstBadLine = 0;
        String firstProblem = null;
        long number = 0;
        // A line cut short is held back until the next non-blank line shows whether the file went on after it.
        long cutLine = 0;
        String cutRaw = null;
        int cutColumn = 0;
        while (lines.next()) {
            number++;
            byte[] bytes = lines.buffer();
            int from = lines.start();
            int length = lines.length();
            if (number == 1 && length >= 3 && bytes[from] == (byte) 0xEF && bytes[from + 1] == (byte) 0xBB
                    && bytes[from + 2] == (byte) 0xBF) {
                from += 3;
                length -= 3;
            }
            if (blank(bytes, from, length)) {
                continue;
            }
            if (cutRaw != null) {
                sink.reject(cutLine, cutRaw, JsonLines.cutReason(false, cutColumn));
                cutRaw = null;
            }
            buffer.begin(number);
            String problem = null;
            int cutAt = 0;
            TraceFormat format = null;
            try (JsonParser p = factory.createParser(bytes, from, length)) {
                JsonToken t;
                while ((t = p.nextToken()) != null) {
                    TraceFormat f = roots.read(p, t);
                    if (f == null) {
                        problem = "object is neither an OTLP request nor a Jaeger trace";
                        break;
                    }
                    format = format == null ? f : format;
                }
            } catch (JsonEOFException e) {
                cutAt = e.getLocation() == null ? length + 1 : e.getLocation().getColumnNr();
                problem = JsonLines.cutReason(false, cutAt);
            } catch (JsonProcessingException e) {
                JsonLocation at = e.getLocation();
                problem = "not valid JSON at column " + (at == null ? -1 : at.getColumnNr()) + ": " + message(e);
            } catch (MalformedTraceException e) {
                problem = e.getMessage();
            }
            if (problem == null) {
                buffer.commit();
                first = first == null ? format : first;
            } else {
                buffer.discard();
                if (cutAt > 0) {
                    cutLine = number;
                    cutRaw = raw(bytes, from, length);
                    cutColumn = cutAt;
                } else {
                    sink.reject(number, raw(bytes, from, length), problem);
                }
                if (firstProblem == null) {
                    firstBadLine = number;
                    firstProblem = problem;
                }
            }
        }
        if (cutRaw != null) {
            sink.reject(cutLine, cutRaw, JsonLines.cutReason(true, cutColumn));
            if (cutLine == firstBadLine) {
                firstProblem = JsonLines.cutReason(true, cutColumn);
            }
        }
        if (first == null) {
            throw firstProblem == null ? new MalformedTraceException("the file is empty", 1, 1)
                    : new MalformedTraceException("no line is an OTLP request or a Jaeger trace (line "
                            + firstBadLine + ": " + firstProblem + ")", firstBadLine, 1);
        }
        return first;
    }

    /** Reads root values with one OTLP and one Jaeger reader bound to a sink. */
    private final class Roots {
        private final OtlpJsonReader otlp;
        private final JaegerJsonReader jaeger;

        Roots(SpanSink sink) {
            otlp = new OtlpJsonReader(factory, sink);
            jaeger = new JaegerJsonReader(factory, sink);
        }

        /** Reads the root value starting at {@code t}; its format, or null when it is an object of neither. */
        TraceFormat read(JsonParser p, JsonToken t) throws IOException {
            if (t != JsonToken.START_OBJECT) {
                throw new MalformedTraceException("expected a JSON object, found " + describe(t),
                        p.currentTokenLocation().getLineNr(), p.currentTokenLocation().getColumnNr());
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
            return format;
        }
    }

    /** Holds one line's spans and rejections until the line is known to be good; line numbers are the file's. */
    private static final class LineBuffer implements SpanSink {
        private final SpanSink target;
        private final List<Span> spans = new ArrayList<>();
        private final List<Object[]> rejected = new ArrayList<>();
        private long line;

        LineBuffer(SpanSink target) {
            this.target = target;
        }

        void begin(long fileLine) {
            line = fileLine;
            spans.clear();
            rejected.clear();
        }

        @Override
        public void accept(Span span) {
            spans.add(span);
        }

        @Override
        public void reject(long lineInText, String raw, String reason) {
            rejected.add(new Object[] {raw, reason});
        }

        void commit() {
            for (Span s : spans) {
                target.accept(s);
            }
            for (Object[] r : rejected) {
                target.reject(line, (String) r[0], (String) r[1]);
            }
            spans.clear();
            rejected.clear();
        }

        void discard() {
            spans.clear();
            rejected.clear();
        }
    }

    /** Jackson's message on one line, without the "[Source: REDACTED ...; " noise inside its positions. */
    private static String message(JsonProcessingException e) {
        return e.getOriginalMessage().replace('\n', ' ').replaceAll("\\[Source: [^;\\]]*; ", "[");
    }

    /** The raw text of a bad line for the quarantine, cut after {@value #MAX_RAW} bytes. */
    private static String raw(byte[] bytes, int from, int length) {
        if (length <= MAX_RAW) {
            return new String(bytes, from, length, StandardCharsets.UTF_8);
        }
        return new String(bytes, from, MAX_RAW, StandardCharsets.UTF_8) + "… (" + (length - MAX_RAW)
                + " more bytes)";
    }

    private static boolean blank(byte[] bytes, int from, int length) {
        for (int i = from; i < from + length; i++) {
            byte b = bytes[i];
            if (b != ' ' && b != '\t' && b != '\r') {
                return false;
            }
        }
        return true;
    }

    private static String describe(JsonToken t) {
        return switch (t) {
            case START_ARRAY -> "an array";
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
            default -> t.asString() == null ? t.name() : "'" + t.asString() + "'";
        };
    }

    private static MalformedTraceException notTraces(JsonLocation at) {
        return new MalformedTraceException("neither OTLP JSON (no 'resourceSpans') nor Jaeger JSON (no 'data',"
                + " 'traceID' or 'spans')", at.getLineNr(), at.getColumnNr());
    }

    private static MalformedTraceException syntax(JsonProcessingException e) {
        JsonLocation at = e.getLocation();
        return new MalformedTraceException(message(e),
                at == null ? -1 : at.getLineNr(), at == null ? -1 : at.getColumnNr());
    }
}
