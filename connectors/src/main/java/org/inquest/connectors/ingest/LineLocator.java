package org.inquest.connectors.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.inquest.connectors.error.InputException;

/**
 * Turns byte offsets of line starts (as DuckDB's CSV reader reports them for the lines it refused) into exact
 * 1-based line numbers, by counting the newlines before each offset in one streamed pass. Runs only for a file with
 * refused lines, and stops reading at the last offset; memory stays constant whatever the file size.
 */
final class LineLocator {
    private LineLocator() {
    }

    /** The line of each offset; {@code offsets} sorted ascending (duplicates allowed). */
    static long[] linesAt(Path file, long[] offsets, CancelHandle cancel) {
        long[] lines = new long[offsets.length];
        if (offsets.length == 0) {
            return lines;
        }
        byte[] buffer = new byte[1 << 20];
        long position = 0;
        long newlines = 0;
        int next = 0;
        try (InputStream in = Files.newInputStream(file)) {
            int n;
            while (next < offsets.length && (n = in.read(buffer)) > 0) {
                cancel.check();
                for (int i = 0; i < n; i++) {
                    while (next < offsets.length && offsets[next] == position + i) {
                        lines[next++] = newlines + 1;
                    }
                    if (buffer[i] == '\n') {
                        newlines++;
                    }
                }
                position += n;
            }
        } catch (IOException e) {
            throw new InputException(file + ": cannot read: " + e.getMessage(), e);
        }
        while (next < offsets.length) {
            lines[next++] = newlines + 1;
        }
        return lines;
    }
}
