package org.inquest.connectors.ingest;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import org.inquest.connectors.error.InputException;

/**
 * Decides a file's format from its content (the extension only breaks ties and catches files that are not what
 * they claim). Refuses, with one line naming the file, what no reader can use: an empty file, a truncated
 * Parquet file, binary content that is not Parquet, or a {@code .json}/{@code .parquet} file whose content is
 * something else.
 */
public final class FormatDetector {
    private static final byte[] PARQUET_MAGIC = "PAR1".getBytes(StandardCharsets.US_ASCII);
    private static final int SAMPLE = 64 * 1024;

    private FormatDetector() {
    }

    public static SourceFormat detect(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new InputException(file + ": no such file");
        }
        if (!Files.isReadable(file)) {
            throw new InputException(file + ": not readable");
        }
        try {
            long size = Files.size(file);
            if (size == 0) {
                throw new InputException(file + ": file is empty");
            }
            byte[] head = head(file);
            String extension = extension(file);
            if (startsWith(head, PARQUET_MAGIC)) {
                if (size < 12 || !Arrays.equals(tail(file, 4), PARQUET_MAGIC)) {
                    throw new InputException(file + ": truncated Parquet file (no footer)");
                }
                return SourceFormat.PARQUET;
            }
            if (extension.equals("parquet") || extension.equals("pq")) {
                throw new InputException(file + ": not a Parquet file (no PAR1 header)");
            }
            int start = skipBomAndWhitespace(head);
            if (start == head.length) {
                throw new InputException(file + ": file has no content (only whitespace)");
            }
            if (containsNul(head)) {
                throw new InputException(file + ": binary content that is not Parquet; expected CSV, Parquet or JSON");
            }
            byte first = head[start];
            if (first == '{' && firstLineIsWholeJson(head, start)) {
                return SourceFormat.JSON_LINES;
            }
            if (first == '[' || first == '{') {
                requireClosed(file, size);
                return SourceFormat.JSON;
            }
            if (extension.equals("json") || extension.equals("jsonl") || extension.equals("ndjson")) {
                throw new InputException(file + ": not JSON (the first character is '" + (char) first + "')");
            }
            return SourceFormat.CSV;
        } catch (IOException e) {
            throw new InputException(file + ": cannot read: " + e.getMessage(), e);
        }
    }

    /**
     * Refuses a JSON document whose last non-blank character does not close it: the file was cut (a JSON Lines
     * file's cut last line is quarantined instead, so it is not checked here). Reads at most the last 64 KiB.
     */
    private static void requireClosed(Path file, long size) throws IOException {
        byte[] tail = tail(file, (int) Math.min(size, SAMPLE));
        int i = tail.length - 1;
        while (i >= 0 && (tail[i] == ' ' || tail[i] == '\t' || tail[i] == '\r' || tail[i] == '\n')) {
            i--;
        }
        if (i >= 0 && tail[i] != '}' && tail[i] != ']') {
            throw new InputException(file + ": " + FilePosition.of(file, size - tail.length + i)
                    + ": truncated JSON (the file ends inside a value that is never closed)");
        }
    }

    private static byte[] head(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(SAMPLE);
        }
    }

    private static byte[] tail(Path file, int n) throws IOException {
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r")) {
            byte[] bytes = new byte[n];
            raf.seek(raf.length() - n);
            raf.readFully(bytes);
            return bytes;
        }
    }

    /** True when the first line parses as one complete JSON object on its own: JSON Lines rather than one object. */
    private static boolean firstLineIsWholeJson(byte[] head, int start) {
        int end = start;
        while (end < head.length && head[end] != '\n') {
            end++;
        }
        if (end == head.length && head.length == SAMPLE) {
            return true; // a first line longer than the sample: only JSON Lines has lines that long
        }
        try (JsonParser parser = new JsonFactory().createParser(head, start, end - start)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return false;
            }
            parser.skipChildren();
            return parser.nextToken() == null;
        } catch (IOException e) {
            return false;
        }
    }

    private static int skipBomAndWhitespace(byte[] bytes) {
        int i = 0;
        if (bytes.length >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB && (bytes[2] & 0xff) == 0xBF) {
            i = 3;
        }
        while (i < bytes.length && (bytes[i] == ' ' || bytes[i] == '\t' || bytes[i] == '\r' || bytes[i] == '\n')) {
            i++;
        }
        return i;
    }

    private static boolean containsNul(byte[] bytes) {
        for (byte b : bytes) {
            if (b == 0) {
                return true;
            }
        }
        return false;
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        return bytes.length >= prefix.length && Arrays.equals(Arrays.copyOf(bytes, prefix.length), prefix);
    }

    private static String extension(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1);
    }
}
