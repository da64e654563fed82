package org.inquest.connectors.ingest;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.inquest.connectors.catalog.Catalog;
import org.inquest.connectors.catalog.ColumnInfo;
import org.inquest.connectors.catalog.ColumnRole;
import org.inquest.connectors.catalog.TableInfo;
import org.inquest.connectors.error.InputException;
import org.inquest.connectors.error.UsageException;
import org.inquest.connectors.timing.PhaseTimer;
import org.inquest.connectors.traces.JsonLines;
import org.inquest.connectors.workspace.ColumnFacts;
import org.inquest.connectors.workspace.MetadataSchema;
import org.inquest.connectors.workspace.Workspace;

/**
 * Imports files into a workspace table, each file in one transaction: its rows, its quarantine, the table's roles
 * and its lineage row commit together or not at all, so a failure, a cancel or a killed process leaves the
 * workspace as it was before that file. Every file is checked for a usable format before the first one is
 * imported, so a batch with an empty or truncated file changes nothing.
 */
public final class Importer {
    private final Workspace workspace;

    public Importer(Workspace workspace) {
        if (workspace.readOnly()) {
            throw new UsageException("workspace " + workspace.file() + " is open read-only");
        }
        this.workspace = workspace;
    }

    /** The importer for a kind: the plug-in point for kinds with their own formats. */
    static KindImporter importerFor(ImportKind kind) {
        if (kind == ImportKind.TRACES) {
            return new TraceKindImporter();
        }
        return new TabularImporter();
    }

    public ImportResult run(ImportRequest request, ImportListener listener, CancelHandle cancel) {
        Connection connection = workspace.connection();
        Catalog catalog = new Catalog(connection);
        ImportKind kind = resolveKind(catalog, request);
        KindImporter importer = importerFor(kind);
        if (request.files().isEmpty()) {
            throw new UsageException("no files to import");
        }
        SqlRunner sql = new SqlRunner(connection, cancel, listener);
        try {
            // DuckDB tracks query progress only with its progress bar on; the bar itself is never printed.
            sql.update("SET enable_progress_bar = true");
            sql.update("SET enable_progress_bar_print = false");
        } catch (SQLException e) {
            throw new InputException("cannot configure " + workspace.file() + ": " + Workspace.firstLine(e.getMessage()), e);
        }
        ImportSession session = new ImportSession(sql, catalog, request.table(), kind, request.roles(), cancel);
        for (Path file : request.files()) {
            try {
                importer.preflight(session, file);
            } catch (SQLException e) {
                throw new InputException(file + ": " + Workspace.firstLine(e.getMessage()), e);
            }
        }
        PhaseTimer.mark("import: preflight (format, CSV header)");
        List<FileOutcome> outcomes = new ArrayList<>();
        boolean autoCommit = autoCommit(connection);
        try {
            for (Path file : request.files()) {
                outcomes.add(importOne(session, importer, file.toAbsolutePath().normalize(), listener, cancel));
            }
        } finally {
            restore(connection, autoCommit);
        }
        if (kind == ImportKind.PREDICTIONS) {
            proveIdentifiers(connection, catalog.table(request.table()));
        }
        ImportResult result = new ImportResult(catalog.table(request.table()), outcomes);
        PhaseTimer.mark("import: result table read");
        return result;
    }

    private FileOutcome importOne(ImportSession session, KindImporter importer, Path file, ImportListener listener,
                                  CancelHandle cancel) {
        Connection connection = session.sql().connection();
        SqlRunner sql = session.sql();
        sql.currentFile(file);
        try {
            listener.fileStarted(file);
            connection.setAutoCommit(false);
            cancel.check();
            long importId = sql.scalarLong("SELECT nextval('" + MetadataSchema.SCHEMA + ".import_ids')");
            // In this file's transaction: what was proven of the table's rows before is no longer known.
            ColumnFacts.forget(connection, session.table());
            FileOutcome outcome = importer.importFile(session, file, importId);
            if (outcome.rowsQuarantined() > 0) {
                outcome = outcome.withCutLine(sql.scalarLong("SELECT min(line) FROM " + MetadataSchema.QUARANTINE
                        + " WHERE import_id = ? AND starts_with(reason, ?)", importId, JsonLines.CUT_AT_END));
            }
            sql.update("INSERT INTO " + MetadataSchema.IMPORTS + " VALUES (?, ?, ?, ?, ?, now(), ?, ?, ?, ?)",
                    importId, session.table(), file.toString(), outcome.sizeBytes(), outcome.sha256(),
                    session.kind().wireName(), outcome.format().wireName(), outcome.rowsAccepted(),
                    outcome.rowsQuarantined());
            listener.beforeCommit(file, outcome);
            cancel.check();
            PhaseTimer.mark("import: lineage row");
            connection.commit();
            PhaseTimer.mark("import: commit");
            listener.fileFinished(file, outcome);
            return outcome;
        } catch (SQLException e) {
            rollback(connection);
            if (cancel.isCancelled()) {
                throw new ImportCancelledException();
            }
            throw new InputException(file + ": " + Workspace.firstLine(e.getMessage()), e);
        } catch (RuntimeException e) {
            rollback(connection);
            if (cancel.isCancelled()) {
                throw new ImportCancelledException();
            }
            throw e;
        }
    }

    /**
     * Proves, over the whole table as imported, that its id and trace-id columns hold no value twice, and records it
     * ({@link ColumnFacts}, ADR 0132): every later analysis of a slice then knows their distinct counts without
     * proving it again. A column that is not unique (or not provably so) is recorded as nothing.
     */
    private static void proveIdentifiers(Connection connection, TableInfo table) {
        for (ColumnInfo c : table.columns()) {
            if (c.role() == ColumnRole.ID || c.role() == ColumnRole.TRACE_ID) {
                try {
                    ColumnFacts.proveUnique(connection, table.name(), c.name());
                } catch (SQLException e) {
                    throw new InputException("proving " + table.name() + "." + c.name() + " unique: "
                            + Workspace.firstLine(e.getMessage()), e);
                }
                PhaseTimer.mark("import: uniqueness of " + c.name());
            }
        }
    }

    private static ImportKind resolveKind(Catalog catalog, ImportRequest request) {
        if (!catalog.exists(request.table())) {
            return request.kind() == null ? ImportKind.PREDICTIONS : request.kind();
        }
        ImportKind existing = ImportKind.fromWireName(catalog.table(request.table()).kind());
        if (request.kind() != null && request.kind() != existing) {
            throw new UsageException("table '" + request.table() + "' holds " + existing.wireName()
                    + "; cannot append --kind " + request.kind().wireName());
        }
        return existing;
    }

    private static boolean autoCommit(Connection connection) {
        try {
            return connection.getAutoCommit();
        } catch (SQLException e) {
            return true;
        }
    }

    private static void restore(Connection connection, boolean autoCommit) {
        try {
            connection.setAutoCommit(autoCommit);
        } catch (SQLException ignored) {
            // The connection is unusable; closing the workspace reports it.
        }
    }

    private static void rollback(Connection connection) {
        try {
            connection.rollback();
        } catch (SQLException ignored) {
            // Nothing was committed; DuckDB discards the transaction when the connection closes.
        }
    }
}
