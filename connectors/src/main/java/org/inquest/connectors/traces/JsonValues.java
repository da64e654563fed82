package org.inquest.connectors.traces;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.UncheckedIOException;

/** Small streaming helpers shared by the two trace readers. */
final class JsonValues {
    private JsonValues() {
    }

    /** A number that may be written as a JSON number or a string (OTLP writes 64-bit integers as strings). */
    static long readLong(JsonParser p, String field) throws IOException {
        JsonToken t = p.currentToken();
        if (t == JsonToken.VALUE_NUMBER_INT) {
            return p.getLongValue();
        }
        if (t == JsonToken.VALUE_NUMBER_FLOAT) {
            return (long) p.getDoubleValue();
        }
        if (t == JsonToken.VALUE_STRING) {
            String text = p.getText().trim();
            try {
                return Long.parseLong(text);
            } catch (NumberFormatException e) {
                throw new BadSpanException(field + " '" + text + "' is not an integer");
            }
        }
        if (t == JsonToken.VALUE_NULL) {
            throw new BadSpanException(field + " is null");
        }
        p.skipChildren();
        throw new BadSpanException(field + " is not a number");
    }

    /** A string field, or null for JSON null; other values are skipped and read as null. */
    static String readString(JsonParser p) throws IOException {
        JsonToken t = p.currentToken();
        if (t == JsonToken.VALUE_STRING) {
            return p.getText();
        }
        if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
            p.skipChildren();
            return null;
        }
        return t == JsonToken.VALUE_NULL ? null : p.getText();
    }

    /** Reads one object of an array; the parser is on its START_OBJECT and must be left on its END_OBJECT. */
    interface ObjectReader {
        void read() throws IOException;
    }

    /**
     * Calls {@code reader} for every object element of the array the parser is on (other elements are skipped);
     * leaves the parser on END_ARRAY. A value that is not an array is skipped whole.
     */
    static void forEachObject(JsonParser p, ObjectReader reader) throws IOException {
        if (p.currentToken() != JsonToken.START_ARRAY) {
            p.skipChildren();
            return;
        }
        while (p.nextToken() != JsonToken.END_ARRAY) {
            if (p.currentToken() != JsonToken.START_OBJECT) {
                p.skipChildren();
                continue;
            }
            reader.read();
        }
    }

    /** Writes one entry of a key/value list (an OTLP {@code KeyValue}, a Jaeger tag) as a field of an object. */
    interface EntryWriter {
        /** The parser is on the entry's START_OBJECT and must be left on its END_OBJECT. */
        void write(JsonParser p, JsonGenerator g) throws IOException;
    }

    /**
     * A key/value list — OTLP attributes and Jaeger tags are both {@code [{key, ..value..}, ...]} — as one JSON
     * object: the parser is on START_ARRAY and is left on END_ARRAY; elements that are not objects are skipped.
     */
    static void writeEntries(JsonParser p, JsonGenerator g, EntryWriter entry) throws IOException {
        g.writeStartObject();
        forEachObject(p, () -> entry.write(p, g));
        g.writeEndObject();
    }

    /** Writes an event's attribute list and returns the event's name when the list carries it (Jaeger's "event"). */
    interface EventAttributes {
        String write(JsonParser p, JsonGenerator g) throws IOException;
    }

    /**
     * Where each format keeps an event's parts: OTLP {@code events[]} have {@code timeUnixNano}, {@code name},
     * {@code attributes}; Jaeger {@code logs[]} have {@code timestamp} (µs) and {@code fields}, named by their
     * {@code event} field or else {@code defaultName}.
     */
    record EventFormat(String timeField, long nanosPerUnit, String nameField, String attributesField,
            String defaultName, EventAttributes attributes) {
    }

    /**
     * An event list as {@code [{"time_unix_nano": n, "attributes": {...}, "name": s}]}, the one events column of both
     * formats. A bad event time is kept as null: it must not abandon the span mid-array.
     */
    static String writeEvents(JsonParser p, Writer shared, EventFormat format) throws IOException {
        if (p.currentToken() != JsonToken.START_ARRAY) {
            p.skipChildren();
            return "[]";
        }
        JsonGenerator g = shared.begin();
        g.writeStartArray();
        forEachObject(p, () -> {
            g.writeStartObject();
            String name = null;
            while (p.nextToken() != JsonToken.END_OBJECT) {
                String field = p.currentName();
                p.nextToken();
                if (field.equals(format.timeField())) {
                    g.writeFieldName("time_unix_nano");
                    try {
                        g.writeNumber(readLong(p, field) * format.nanosPerUnit());
                    } catch (BadSpanException e) {
                        g.writeNull();
                    }
                } else if (field.equals(format.nameField())) {
                    name = readString(p);
                } else if (field.equals(format.attributesField()) && p.currentToken() == JsonToken.START_ARRAY) {
                    g.writeFieldName("attributes");
                    String named = format.attributes().write(p, g);
                    name = name == null ? named : name;
                } else {
                    p.skipChildren();
                }
            }
            if (name != null || format.defaultName() != null) {
                g.writeStringField("name", name != null ? name : format.defaultName());
            }
            g.writeEndObject();
        });
        g.writeEndArray();
        return shared.text();
    }

    /**
     * Renders JSON values to text with one generator reused for every value (creating a generator per span
     * attribute list was a large share of import time). {@link #begin()} before each value, {@link #text()} after.
     */
    static final class Writer implements AutoCloseable {
        private final JsonFactory factory;
        private final StringBuilder buffer = new StringBuilder(256);
        JsonGenerator g;

        Writer(JsonFactory factory) {
            this.factory = factory;
            g = newGenerator();
        }

        private JsonGenerator newGenerator() {
            try {
                JsonGenerator generator = factory.createGenerator(new java.io.Writer() {
                    @Override
                    public void write(char[] chars, int off, int len) {
                        buffer.append(chars, off, len);
                    }

                    @Override
                    public void write(String str, int off, int len) {
                        buffer.append(str, off, off + len);
                    }

                    @Override
                    public void flush() {
                    }

                    @Override
                    public void close() {
                    }
                });
                generator.setRootValueSeparator(null);
                return generator;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** Starts a new value; a generator left inside a value by an earlier failure is replaced. */
        JsonGenerator begin() {
            if (!g.getOutputContext().inRoot()) {
                g = newGenerator();
            }
            flushQuietly();
            buffer.setLength(0);
            return g;
        }

        /** The value written since {@link #begin()}. */
        String text() {
            flushQuietly();
            String text = buffer.toString();
            buffer.setLength(0);
            return text;
        }

        private void flushQuietly() {
            try {
                g.flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void close() {
            try {
                g.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** One span is unusable; the reader quarantines it and goes on. */
    static final class BadSpanException extends RuntimeException {
        BadSpanException(String message) {
            super(message, null, false, false);
        }
    }
}
