package org.inquest.connectors.ingest;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import org.duckdb.DuckDBConnection;
import org.inquest.connectors.error.InputException;
import org.inquest.connectors.traces.JsonLines;
import org.inquest.connectors.traces.TraceFileLoader;
import org.inquest.connectors.traces.TraceFormat;

/**
 * {@code --kind traces}: OTLP JSON or Jaeger JSON files, streamed into a spans table by
 * {@link TraceFileLoader} (ADR 0070) inside the transaction {@link Importer} opened for the file.
 */
final class TraceKindImporter implements KindImporter {
    private static final int EDGE = 4096;

    /**
     * Refuses, before anything is imported, a file that is empty or does not start with a JSON object, and a JSON
     * document that does not end with one (the usual sign of a truncated export), naming the line and column. The
     * end of a JSON Lines file is not checked here: its cut last line is quarantined while streaming like any other
     * bad line (ADR 0074), so a collector killed mid-write loses one request, not the file. Deeper damage is found
     * while streaming: the file's transaction is rolled back then.
     */
    @Override
    public void preflight(ImportSession session, Path file) {
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            throw new InputException(file + ": cannot read the file (missing or not a regular file)");
        }
        try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
            long length = in.length();
            long first = firstNonSpace(in, 0, Math.min(length, EDGE), true);
            if (first < 0) {
                throw new InputException(file + ": line 1, column 1: the file is empty");
            }
            int firstByte = byteAt(in, first);
            if (firstByte != '{') {
                throw new InputException(file + ": " + FilePosition.of(file, first) + ": not a trace file (expected a JSON"
                        + " object at the start, found '" + (char) firstByte + "')");
            }
            long last = firstNonSpace(in, Math.max(0, length - EDGE), length, false);
            if (byteAt(in, last) != '}' && !JsonLines.detect(file)) {
                throw new InputException(file + ": " + FilePosition.of(file, last) + ": truncated (the file ends inside a"
                        + " JSON object that is never closed)");
            }
        } catch (IOException e) {
            throw new InputException(file + ": cannot read the file: " + e.getMessage(), e);
        }
    }

    /**
     * The offset of the first (or, backwards, the last) byte in [from, to) that is not JSON whitespace or a BOM;
     * -1 if none.
     */
    private static long firstNonSpace(RandomAccessFile in, long from, long to, boolean forward) throws IOException {
        byte[] buffer = new byte[(int) (to - from)];
        in.seek(from);
        in.readFully(buffer);
        for (int k = 0; k < buffer.length; k++) {
            int at = forward ? k : buffer.length - 1 - k;
            int b = buffer[at] & 0xff;
            boolean space = b == ' ' || b == '\n' || b == '\r' || b == '\t' || b == 0xef || b == 0xbb || b == 0xbf;
            if (!space) {
                return from + at;
            }
        }
        return -1;
    }

    private static int byteAt(RandomAccessFile in, long offset) throws IOException {
        in.seek(offset);
        return in.read();
    }

    @Override
    public FileOutcome importFile(ImportSession session, Path file, long importId) throws SQLException {
        DuckDBConnection connection = session.sql().connection().unwrap(DuckDBConnection.class);
        TraceFileLoader.Loaded loaded = TraceFileLoader.load(connection, session.table(), file, importId,
                session.cancel()::check);
        SourceFormat format = loaded.format() == TraceFormat.OTLP_JSON ? SourceFormat.OTLP_JSON
                : SourceFormat.JAEGER_JSON;
        return new FileOutcome(file, format, importId, loaded.accepted(), loaded.quarantined(), loaded.sizeBytes(),
                loaded.sha256());
    }
}
