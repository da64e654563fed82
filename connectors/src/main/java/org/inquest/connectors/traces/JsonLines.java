package org.inquest.connectors.traces;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Tells a JSON Lines trace file (one request per line) from a JSON document, before reading it: the name ends in
 * {@code .jsonl} or {@code .ndjson}, or the first line ends with {@code }} and the next non-blank line starts with
 * {@code {}. In a single JSON document that boundary cannot occur (objects inside an array are separated by a
 * comma), so a pretty-printed file is never taken for lines. Only bytes up to the second line are read.
 */
public final class JsonLines {
    private JsonLines() {
    }

    public static boolean detect(Path file) throws IOException {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".jsonl") || name.endsWith(".ndjson")) {
            return true;
        }
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            int b;
            int lastBeforeNewline = -1;
            while ((b = in.read()) != -1 && b != '\n') {
                if (!isSpace(b)) {
                    lastBeforeNewline = b;
                }
            }
            if (b == -1 || lastBeforeNewline != '}') {
                return false;
            }
            while ((b = in.read()) != -1 && isSpace(b)) {
                // blank lines between requests
            }
            return b == '{';
        }
    }

    private static boolean isSpace(int b) {
        return b == ' ' || b == '\t' || b == '\r' || b == '\n';
    }
}
