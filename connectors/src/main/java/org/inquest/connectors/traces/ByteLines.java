package org.inquest.connectors.traces;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * The lines of a stream as byte ranges of one reusable buffer, never decoded: Jackson's UTF-8 byte parser is
 * faster than parsing decoded {@code String}s, and a JSON Lines trace file is read line by line. After
 * {@link #next()}, the line is {@code buffer()[start() .. start() + length())}, without its {@code \n} or
 * {@code \r\n}; it stays valid until the next call. The buffer grows to the longest line.
 */
final class ByteLines {
    private final InputStream in;
    private byte[] buffer = new byte[1 << 16];
    private int filled;
    private int nextFrom;
    private int lineStart;
    private int lineLength;
    private boolean eof;

    ByteLines(InputStream in) {
        this.in = in;
    }

    /** Moves to the next line; false at the end of the stream. */
    boolean next() throws IOException {
        int from = nextFrom;
        int i = from;
        while (true) {
            while (i < filled && buffer[i] != '\n') {
                i++;
            }
            if (i < filled) {
                line(from, i);
                nextFrom = i + 1;
                return true;
            }
            if (eof) {
                if (from >= filled) {
                    return false;
                }
                line(from, filled);
                nextFrom = filled;
                return true;
            }
            // keep the unfinished line at the front of the buffer, doubling it when the line fills it
            int pending = filled - from;
            if (from > 0) {
                System.arraycopy(buffer, from, buffer, 0, pending);
            } else if (pending == buffer.length) {
                buffer = Arrays.copyOf(buffer, buffer.length * 2);
            }
            filled = pending;
            i = pending;
            from = 0;
            int read = in.read(buffer, filled, buffer.length - filled);
            if (read < 0) {
                eof = true;
            } else {
                filled += read;
            }
        }
    }

    private void line(int from, int end) {
        int stop = end > from && buffer[end - 1] == '\r' ? end - 1 : end;
        lineStart = from;
        lineLength = stop - from;
    }

    byte[] buffer() {
        return buffer;
    }

    int start() {
        return lineStart;
    }

    int length() {
        return lineLength;
    }
}
