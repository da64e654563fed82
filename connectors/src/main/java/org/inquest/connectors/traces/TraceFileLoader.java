package org.inquest.connectors.traces;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;
import org.inquest.connectors.catalog.Catalog;
import org.inquest.connectors.error.InputException;
import org.inquest.connectors.workspace.Identifiers;
import org.inquest.connectors.workspace.MetadataSchema;

/**
 * Loads one trace file into a spans table ({@link SpanTable}) inside the caller's transaction: spans through
 * DuckDB's appender as the streaming reader delivers them, unusable spans into the quarantine, the table's kind
 * and roles into the catalog. It does not commit and does not write the lineage row — the import command's
 * {@code Importer} does both, so a failure anywhere rolls the whole file back (ADR 0070).
 */
public final class TraceFileLoader {
    private static final int CHECK_EVERY = 10_000;

    private TraceFileLoader() {
    }

    /** What one file contributed, with its size and SHA-256 for the lineage. */
    public record Loaded(TraceFormat format, long accepted, long quarantined, long sizeBytes, String sha256) {
    }

    /**
     * Streams {@code file} into {@code table}; {@code checkpoint} runs every 10,000 spans (the import's cancel
     * check). An unreadable file is an {@link InputException} naming file, line and column.
     */
    public static Loaded load(DuckDBConnection connection, String table, Path file, long importId,
            Runnable checkpoint) throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute(SpanTable.createSql(Identifiers.userTable(table)));
        }
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
        Collector collector;
        TraceFormat format;
        long size;
        boolean lines;
        try {
            lines = JsonLines.detect(file);
        } catch (IOException e) {
            throw new InputException(file + ": cannot read the file: " + e.getMessage(), e);
        }
        try (DuckDBAppender appender = connection.createAppender("main", table);
             InputStream in = new DigestInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16),
                     sha)) {
            size = Files.size(file);
            collector = new Collector(appender, importId, checkpoint);
            format = lines ? new TraceFileReader().readLines(in, collector)
                    : new TraceFileReader().read(in, collector);
            collector.failIfAny();
            in.transferTo(OutputStream.nullOutputStream());
        } catch (MalformedTraceException e) {
            throw new InputException(file + ": line " + e.line() + ", column " + e.column() + ": " + e.getMessage(),
                    e);
        } catch (IOException e) {
            throw new InputException(file + ": cannot read the file: " + e.getMessage(), e);
        }
        writeQuarantine(connection, importId, table, file, collector.rejected);
        new Catalog(connection).saveTable(table, SpanTable.KIND, SpanTable.columns());
        return new Loaded(format, collector.accepted, collector.rejected.size(), size,
                HexFormat.of().formatHex(sha.digest()));
    }

    private static void writeQuarantine(Connection connection, long importId, String table, Path file,
            List<Rejected> rejected) throws SQLException {
        if (rejected.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = connection.prepareStatement(
                "INSERT INTO " + MetadataSchema.QUARANTINE + " VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            for (Rejected r : rejected) {
                ps.setLong(1, importId);
                ps.setString(2, table);
                ps.setString(3, file.toString());
                ps.setLong(4, r.line);
                ps.setString(5, null);
                ps.setString(6, r.raw);
                ps.setString(7, r.reason);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private record Rejected(long line, String raw, String reason) {
    }

    /** Appends accepted spans as they arrive; keeps rejected ones for the quarantine. */
    private static final class Collector implements SpanSink {
        private final DuckDBAppender appender;
        private final long importId;
        private final Runnable checkpoint;
        final List<Rejected> rejected = new ArrayList<>();
        long accepted;
        private SQLException failure;

        Collector(DuckDBAppender appender, long importId, Runnable checkpoint) {
            this.appender = appender;
            this.importId = importId;
            this.checkpoint = checkpoint;
        }

        @Override
        public void accept(Span s) {
            if (failure != null) {
                return;
            }
            try {
                appender.beginRow()
                        .append(s.traceId())
                        .append(s.spanId())
                        .append(s.parentSpanId())
                        .append(s.refType())
                        .append(s.service())
                        .append(s.name())
                        .append(s.kind())
                        .appendEpochMicros(Math.floorDiv(s.startNanos(), 1000L))
                        .appendEpochMicros(Math.floorDiv(s.endNanos(), 1000L))
                        .append((s.endNanos() - s.startNanos()) / 1e6)
                        .append(s.statusCode())
                        .append(s.statusMessage())
                        .append(s.attributesJson())
                        .append(s.eventsJson())
                        .append(s.resourceJson())
                        .append(s.startNanos())
                        .append(s.endNanos())
                        .append(importId)
                        .endRow();
                accepted++;
                if (accepted % CHECK_EVERY == 0) {
                    checkpoint.run();
                }
            } catch (SQLException e) {
                failure = e;
            }
        }

        @Override
        public void reject(long line, String raw, String reason) {
            rejected.add(new Rejected(line, raw, reason));
        }

        void failIfAny() throws SQLException {
            if (failure != null) {
                throw failure;
            }
        }
    }
}
