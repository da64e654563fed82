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
