package org.inquest.connectors.traces;

/**
 * The file is not a usable trace document at all (not JSON, truncated, neither OTLP nor Jaeger). The importer turns
 * it into exit 3 naming the file and position; nothing of the file is kept.
 */
public final class MalformedTraceException extends RuntimeException {
    private final long line;
    private final long column;

    public MalformedTraceException(String message, long line, long column) {
        super(message);
        this.line = line;
        this.column = column;
    }

    public long line() {
        return line;
    }

    public long column() {
        return column;
    }
}
