package org.inquest.connectors.traces;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.StringWriter;
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

    /** Collects JSON text with a generator over a string buffer; one per value being built. */
    static final class Writer implements AutoCloseable {
        private final StringWriter buffer = new StringWriter(128);
        final JsonGenerator g;

        Writer(JsonFactory factory) {
            try {
                g = factory.createGenerator(buffer);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        String text() {
            try {
                g.flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return buffer.toString();
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
