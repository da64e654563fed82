package org.inquest.connectors.ingest;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import org.duckdb.DuckDBConnection;
import org.inquest.connectors.error.InputException;
import org.inquest.connectors.traces.TraceFileLoader;
import org.inquest.connectors.traces.TraceFormat;

/**
 * {@code --kind traces}: OTLP JSON or Jaeger JSON files, streamed into a spans table by
 * {@link TraceFileLoader} (ADR 0070) inside the transaction {@link Importer} opened for the file.
 */
final class TraceKindImporter implements KindImporter {
    private static final int EDGE = 4096;

    /**
     * Refuses, before anything is imported, a file that is empty, does not start with a JSON object, or does not end
     * with one (the usual sign of a truncated export). Deeper damage is found while streaming, and the file's
     * transaction is rolled back then.
     */
    @Override
    public void preflight(ImportSession session, Path file) {
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            throw new InputException(file + ": cannot read the file (missing or not a regular file)");
        }
        try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
            long length = in.length();
            int first = firstNonSpace(in, 0, Math.min(length, EDGE), true);
            if (first < 0) {
                throw new InputException(file + ": the file is empty");
            }
            if (first != '{') {
                throw new InputException(file + ": not a trace file (expected a JSON object at the start, found '"
                        + (char) first + "')");
            }
            int last = firstNonSpace(in, Math.max(0, length - EDGE), length, false);
            if (last != '}') {
                throw new InputException(file + ": truncated (the last JSON object is not closed)");
            }
        } catch (IOException e) {
            throw new InputException(file + ": cannot read the file: " + e.getMessage(), e);
        }
    }

    /** The first (or, backwards, the last) byte in [from, to) that is not JSON whitespace or a BOM; -1 if none. */
    private static int firstNonSpace(RandomAccessFile in, long from, long to, boolean forward) throws IOException {
        byte[] buffer = new byte[(int) (to - from)];
        in.seek(from);
        in.readFully(buffer);
        for (int k = 0; k < buffer.length; k++) {
            int b = buffer[forward ? k : buffer.length - 1 - k] & 0xff;
            boolean space = b == ' ' || b == '\n' || b == '\r' || b == '\t' || b == 0xef || b == 0xbb || b == 0xbf;
            if (!space) {
                return b;
            }
        }
        return -1;
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
