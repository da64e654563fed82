package org.inquest.connectors.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import org.inquest.connectors.error.InputException;

/**
 * One streamed pass over a source file that computes its SHA-256 for the lineage and, on the way, turns byte
 * offsets of line starts (as DuckDB's CSV reader reports them for rejected lines) into exact 1-based line numbers
 * by counting the newlines before each offset. Memory stays constant whatever the file size.
 */
public final class SourceDigest {
    private final String sha256;
    private final long size;
    private final long[] lineAtOffset;

    private SourceDigest(String sha256, long size, long[] lineAtOffset) {
        this.sha256 = sha256;
        this.size = size;
        this.lineAtOffset = lineAtOffset;
    }

    /** Digests {@code file}; {@code offsets} must be sorted ascending (duplicates allowed). */
    public static SourceDigest of(Path file, long[] offsets, CancelHandle cancel) {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
        long[] lines = new long[offsets.length];
        byte[] buffer = new byte[1 << 20];
        long position = 0;
        long newlines = 0;
        int next = 0;
        try (InputStream in = Files.newInputStream(file)) {
            int n;
            while ((n = in.read(buffer)) > 0) {
                cancel.check();
                sha.update(buffer, 0, n);
                if (next < offsets.length) {
                    for (int i = 0; i < n; i++) {
                        while (next < offsets.length && offsets[next] == position + i) {
                            lines[next++] = newlines + 1;
                        }
                        if (buffer[i] == '\n') {
                            newlines++;
                        }
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
        return new SourceDigest(HexFormat.of().formatHex(sha.digest()), position, lines);
    }

    public String sha256() {
        return sha256;
    }

    public long size() {
        return size;
    }

    /** The 1-based line numbers of the requested offsets, in the order given. */
    public long[] lines() {
        return Arrays.copyOf(lineAtOffset, lineAtOffset.length);
    }
}
