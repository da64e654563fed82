package org.inquest.connectors.ingest;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.inquest.connectors.error.InputException;
import org.inquest.connectors.timing.PhaseTimer;
import org.inquest.connectors.workspace.Identifiers;

/**
 * Imports a table-shaped file (CSV, Parquet, JSON Lines, JSON) into a predictions or snapshot table, set-based:
 * one validation query lists the rows that break the contract's rules into a temporary table, one statement
 * inserts every other row, and the quarantine is filled from the temporary table and the reader's rejects. No row
 * passes through Java.
 */
public final class TabularImporter implements KindImporter {
    /** The lines before the header of each CSV file, found by the preflight's sniff: the import need not sniff twice. */
    private final Map<Path, Long> csvSkipRows = new HashMap<>();

    @Override
    public void preflight(ImportSession session, Path file) throws SQLException {
        if (FormatDetector.detect(file) == SourceFormat.CSV) {
            try {
                csvSkipRows.put(file.toAbsolutePath().normalize(), CsvSource.requireHeader(session.sql(), file));
            } catch (SQLException e) {
                throw new InputException(file + ": unreadable CSV: "
                        + org.inquest.connectors.workspace.Workspace.firstLine(e.getMessage()), e);
            }
        }
    }

    @Override
    public FileOutcome importFile(ImportSession session, Path file, long importId) throws SQLException {
        SourceFormat format = FormatDetector.detect(file);
        // The SHA-256 runs on its own thread while DuckDB reads the file (ADR 0011).
        try (SourceDigest.Pending pending = SourceDigest.start(file, session.cancel())) {
            return importFile(session, file, importId, format, pending);
        }
    }

    private FileOutcome importFile(ImportSession session, Path file, long importId, SourceFormat format,
                                   SourceDigest.Pending pending) throws SQLException {
        SqlRunner sql = session.sql();
        StagedSource source = open(sql, file, format, csvSkipRows.get(file));
        PhaseTimer.mark("import: read/stage source");
        try {
            if (source.columns().isEmpty()) {
                throw new InputException(file + ": no columns");
            }
            TablePlan plan = TablePlan.of(session, source);
            PhaseTimer.mark("import: table plan");
            QuarantineWriter quarantine = new QuarantineWriter(importId, session.table(), file);
            List<ColumnPlan.Check> checks = new ArrayList<>();
            for (ColumnPlan c : plan.columns()) {
                checks.addAll(c.checks());
            }
            long invalid = findInvalidRows(sql, source, checks);
            PhaseTimer.mark("import: validation query");
            long accepted = insertValidRows(sql, plan, source, checks);
            PhaseTimer.mark("import: insert valid rows");
            source.locateRejects(sql, session.cancel());
            SourceDigest digest = pending.join();
            PhaseTimer.mark("import: digest (SHA-256), rejected lines");
            long quarantined = source.quarantineRejects(sql, quarantine);
            if (invalid > 0) {
                sql.update("UPDATE " + QuarantineWriter.BAD + " SET raw = r.raw FROM (SELECT " + source.ordinal()
                        + " AS ordinal, " + source.raw() + " AS raw FROM " + source.from() + " WHERE "
                        + source.ordinal() + " IN (SELECT ordinal FROM " + QuarantineWriter.BAD + ")) AS r"
                        + " WHERE r.ordinal = " + QuarantineWriter.BAD + ".ordinal", source.params());
                quarantined += quarantine.insert(sql, "SELECT l.line, b.column_name, b.raw, b.reason FROM "
                        + QuarantineWriter.BAD + " b JOIN (" + source.lineNumbers(sql) + ") l USING (ordinal)",
                        List.of());
            }
            PhaseTimer.mark("import: quarantine");
            new RoleWriter(session).save(plan.roles());
            PhaseTimer.mark("import: roles and feature kinds");
            return new FileOutcome(file, format, importId, accepted, quarantined, digest.size(), digest.sha256());
        } finally {
            sql.update("DROP TABLE IF EXISTS " + QuarantineWriter.BAD);
            source.drop(sql);
        }
    }

    /** Opens a source; {@code csvSkipRows} is what the preflight's sniff found (null: sniff again). */
    static StagedSource open(SqlRunner sql, Path file, SourceFormat format, Long csvSkipRows) {
        return switch (format) {
            case PARQUET -> ParquetSource.open(sql, file);
            case CSV -> CsvSource.open(sql, file, csvSkipRows);
            case JSON_LINES -> JsonLinesSource.open(sql, file);
            case JSON -> JsonSource.open(sql, file);
            case OTLP_JSON, JAEGER_JSON -> throw new IllegalArgumentException(
                    "trace formats are read by TraceKindImporter, not as a table");
        };
    }

    /** Lists the rows failing a check into {@link QuarantineWriter#BAD}; returns how many (with the reader's). */
    private static long findInvalidRows(SqlRunner sql, StagedSource source, List<ColumnPlan.Check> checks)
            throws SQLException {
        sql.update("DROP TABLE IF EXISTS " + QuarantineWriter.BAD);
        sql.update("CREATE TEMP TABLE " + QuarantineWriter.BAD + " (ordinal BIGINT, column_name VARCHAR,"
                + " reason VARCHAR, raw VARCHAR)");
        source.addUnparsedRows(sql);
        if (checks.isEmpty()) {
            return sql.scalarLong("SELECT count(*) FROM " + QuarantineWriter.BAD);
        }
        StringBuilder column = new StringBuilder("CASE");
        StringBuilder reason = new StringBuilder("CASE");
        List<Object> params = new ArrayList<>();
        for (ColumnPlan.Check check : checks) {
            column.append(" WHEN coalesce(").append(check.bad()).append(", false) THEN ?");
            reason.append(" WHEN coalesce(").append(check.bad()).append(", false) THEN ").append(check.reason());
            params.add(check.column());
        }
        params.addAll(source.params());
        sql.tracked("INSERT INTO " + QuarantineWriter.BAD + " SELECT ordinal, column_name, reason, NULL FROM (SELECT "
                + source.ordinal() + " AS ordinal, " + column + " END AS column_name, " + reason
                + " END AS reason FROM " + source.from() + ") WHERE column_name IS NOT NULL", params);
        return sql.scalarLong("SELECT count(*) FROM " + QuarantineWriter.BAD);
    }

    private static String anyInvalid(List<ColumnPlan.Check> checks) {
        StringBuilder sb = new StringBuilder();
        for (ColumnPlan.Check check : checks) {
            sb.append(sb.length() == 0 ? "" : " OR ").append("coalesce(").append(check.bad()).append(", false)");
        }
        return sb.toString();
    }

    private static long insertValidRows(SqlRunner sql, TablePlan plan, StagedSource source,
                                        List<ColumnPlan.Check> checks) throws SQLException {
        StringBuilder select = new StringBuilder("SELECT ");
        StringBuilder names = new StringBuilder();
        for (int i = 0; i < plan.columns().size(); i++) {
            ColumnPlan c = plan.columns().get(i);
            String sep = i == 0 ? "" : ", ";
            select.append(sep).append(c.expression()).append(" AS ").append(Identifiers.quote(c.target()));
            names.append(sep).append(Identifiers.quote(c.target()));
        }
        select.append(" FROM ").append(source.from());
        if (!checks.isEmpty()) {
            select.append(" WHERE NOT (").append(anyInvalid(checks)).append(")");
        }
        String table = Identifiers.userTable(plan.table());
        if (!plan.tableExists()) {
            sql.tracked("CREATE TABLE " + table + " AS " + select, source.params());
            return sql.scalarLong("SELECT count(*) FROM " + table);
        }
        plan.alterTable(sql);
        return sql.tracked("INSERT INTO " + table + " (" + names + ") " + select, source.params());
    }
}
