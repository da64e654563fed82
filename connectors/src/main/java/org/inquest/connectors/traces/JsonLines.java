package org.inquest.connectors.traces;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.io.JsonEOFException;
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

    /** How the quarantine's reason for a JSON Lines file's cut last line starts, whatever the kind of table. */
    public static final String CUT_AT_END = "truncated JSON (file ends mid-object";
    private static final JsonFactory FACTORY = new JsonFactory();

    /**
     * The reason a line that ends inside a JSON value is quarantined: at the end of the file it is the tail of a
     * write that never finished (a collector killed mid-line), elsewhere a torn line. {@code column} is where the
     * input ran out (1-based).
     */
    public static String cutReason(boolean endOfFile, int column) {
        return (endOfFile ? CUT_AT_END : "truncated JSON (line ends mid-object") + " at column " + column + ")";
    }

    /**
     * Where {@code line} runs out inside a JSON value (the 1-based column after its last character), or 0 when it
     * is not a cut-off beginning of JSON: it parses, or it fails on a character before its end.
     */
    public static int cutColumn(String line) {
        try (JsonParser p = FACTORY.createParser(line)) {
            while (p.nextToken() != null) {
                // read to the end or the first fault
            }
            return 0;
        } catch (JsonEOFException e) {
            return e.getLocation() == null ? line.length() + 1 : e.getLocation().getColumnNr();
        } catch (IOException e) {
            return 0;
        }
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
