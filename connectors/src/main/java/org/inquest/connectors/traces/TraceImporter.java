package org.inquest.connectors.traces;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;
import org.inquest.connectors.catalog.Catalog;
import org.inquest.connectors.error.InputException;
import org.inquest.connectors.error.UsageException;
import org.inquest.connectors.workspace.Identifiers;
import org.inquest.connectors.workspace.MetadataSchema;
import org.inquest.connectors.workspace.Workspace;

/**
 * Imports OTLP/Jaeger JSON trace files into a spans table ({@link SpanTable}). Each file is one transaction: its
 * spans (through DuckDB's appender), its quarantined spans, its lineage row and the table's catalog entry commit
 * together, or — when the file turns out unreadable — roll back, leaving the workspace exactly as it was (exit 3).
 */
public final class TraceImporter {
    private final Workspace workspace;

    public TraceImporter(Workspace workspace) {
        this.workspace = workspace;
    }

    /** Imports {@code files} in order, appending to {@code table}; stops at the first unreadable file. */
    public TraceImportResult importFiles(String table, List<Path> files) {
        String quoted = Identifiers.userTable(table);
        DuckDBConnection connection = workspace.connection();
        Catalog catalog = new Catalog(connection);
        if (catalog.exists(table) && !SpanTable.KIND.equals(catalog.table(table).kind())) {
            throw new UsageException("table '" + table + "' already holds " + catalog.table(table).kind()
                    + ", not traces; choose another --table");
        }
        List<TraceImportResult.FileResult> results = new ArrayList<>();
        long rows = 0;
        long quarantined = 0;
        for (Path file : files) {
            TraceImportResult.FileResult r = importFile(connection, table, quoted, file);
            results.add(r);
            rows += r.rows();
            quarantined += r.quarantined();
        }
        try {
            TraceIntegrity.Counts counts = catalog.exists(table)
                    ? TraceIntegrity.count(connection, quoted) : new TraceIntegrity.Counts(0, 0, 0, 0, 0);
            return new TraceImportResult(table, rows, quarantined, results, counts);
        } catch (SQLException e) {
            throw new InputException("checking traces in " + table + ": " + Workspace.firstLine(e.getMessage()), e);
        }
    }

    private TraceImportResult.FileResult importFile(DuckDBConnection connection, String table, String quoted,
            Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        if (!Files.isRegularFile(absolute) || !Files.isReadable(absolute)) {
            throw new InputException(file + ": cannot read the file (missing or not a regular file)");
        }
        boolean autoCommit = autoCommit(connection);
        try {
            connection.setAutoCommit(false);
            try (Statement s = connection.createStatement()) {
                s.execute(SpanTable.createSql(quoted));
            }
            long importId = nextImportId(connection);
            long size = Files.size(absolute);
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            Collector collector;
            TraceFormat format;
            try (DuckDBAppender appender = connection.createAppender("main", table);
                 InputStream in = new DigestInputStream(new BufferedInputStream(Files.newInputStream(absolute),
                         1 << 16), sha)) {
                collector = new Collector(appender, importId);
                format = new TraceFileReader().read(in, collector);
                collector.failIfAny();
                in.transferTo(OutputStreamSink.INSTANCE);
            }
            String digest = HexFormat.of().formatHex(sha.digest());
            writeQuarantine(connection, importId, table, absolute, collector.rejected);
            writeLineage(connection, importId, table, absolute, size, digest, format, collector.accepted,
                    collector.rejected.size());
            new Catalog(connection).saveTable(table, SpanTable.KIND, SpanTable.columns());
            connection.commit();
            return new TraceImportResult.FileResult(importId, absolute.toString(), format.wireName(), size, digest,
                    collector.accepted, collector.rejected.size());
        } catch (MalformedTraceException e) {
            rollback(connection);
            throw new InputException(file + ": line " + e.line() + ", column " + e.column() + ": " + e.getMessage()
                    + " (nothing imported from this file)", e);
        } catch (IOException | SQLException | NoSuchAlgorithmException | RuntimeException e) {
            rollback(connection);
            if (e instanceof UsageException u) {
                throw u;
            }
            throw new InputException(file + ": " + Workspace.firstLine(String.valueOf(e.getMessage()))
                    + " (nothing imported from this file)", e);
        } finally {
            try {
                connection.setAutoCommit(autoCommit);
            } catch (SQLException ignored) {
                // the connection is unusable anyway; the next statement reports it
            }
        }
    }

    private static boolean autoCommit(Connection connection) {
        try {
            return connection.getAutoCommit();
        } catch (SQLException e) {
            return true;
        }
    }

    private static void rollback(Connection connection) {
        try {
            connection.rollback();
        } catch (SQLException ignored) {
            // nothing more can be done; the original failure is what the user needs to see
        }
    }

    private static long nextImportId(Connection connection) throws SQLException {
        try (Statement s = connection.createStatement();
             ResultSet rs = s.executeQuery("SELECT nextval('" + MetadataSchema.SCHEMA + ".import_ids')")) {
            rs.next();
            return rs.getLong(1);
        }
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

    private static void writeLineage(Connection connection, long importId, String table, Path file, long size,
            String sha256, TraceFormat format, long accepted, long quarantined) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("INSERT INTO " + MetadataSchema.IMPORTS
                + " VALUES (?, ?, ?, ?, ?, now(), ?, ?, ?, ?)")) {
            ps.setLong(1, importId);
            ps.setString(2, table);
            ps.setString(3, file.toString());
            ps.setLong(4, size);
            ps.setString(5, sha256);
            ps.setString(6, SpanTable.KIND);
            ps.setString(7, format.wireName());
            ps.setLong(8, accepted);
            ps.setLong(9, quarantined);
            ps.executeUpdate();
        }
    }

    private record Rejected(long line, String raw, String reason) {
    }

    /** Appends accepted spans as they arrive; keeps rejected ones for the quarantine. */
    private static final class Collector implements SpanSink {
        private final DuckDBAppender appender;
        private final long importId;
        final List<Rejected> rejected = new ArrayList<>();
        long accepted;
        private SQLException failure;

        Collector(DuckDBAppender appender, long importId) {
            this.appender = appender;
            this.importId = importId;
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

    /** Reads the rest of a stream into nothing, so the digest covers the whole file. */
    private static final class OutputStreamSink extends java.io.OutputStream {
        static final OutputStreamSink INSTANCE = new OutputStreamSink();

        @Override
        public void write(int b) {
        }

        @Override
        public void write(byte[] b, int off, int len) {
        }
    }
}
