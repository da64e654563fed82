package org.inquest.connectors.ingest;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** "line L, column C" of a byte offset in a file, for refusals that name where a file goes wrong. */
final class FilePosition {
    private FilePosition() {
    }

    /** 1-based line and column (columns in bytes) of {@code offset}; reads the file up to it (only on errors). */
    static String of(Path file, long offset) throws IOException {
        long line = 1;
        long lineStart = 0;
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            for (long i = 0; i < offset; i++) {
                if (in.read() == '\n') {
                    line++;
                    lineStart = i + 1;
                }
            }
        }
        return "line " + line + ", column " + (offset - lineStart + 1);
    }
}
