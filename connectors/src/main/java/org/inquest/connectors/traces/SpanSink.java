package org.inquest.connectors.traces;

/** Where a trace reader delivers what it finds: spans that are usable, and spans it had to set aside. */
public interface SpanSink {
    void accept(Span span);

    /**
     * A span that cannot be stored (no id, no times, end before start). It goes to the quarantine with
     * {@code line} and {@code reason}; the rest of the file is still imported.
     */
    void reject(long line, String raw, String reason);
}
