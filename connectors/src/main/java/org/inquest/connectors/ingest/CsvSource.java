package org.inquest.connectors.ingest;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.inquest.connectors.catalog.SqlTypes;
import org.inquest.connectors.error.InputException;
import org.inquest.connectors.workspace.Identifiers;
import org.inquest.connectors.workspace.Workspace;

/**
 * CSV staged once into a temporary table by DuckDB's {@code read_csv}: dialect (delimiter, quoting, header) and
 * column types sniffed by DuckDB, UTF-8 with or without BOM, quoted newlines, and malformed lines set aside in a
 * rejects table instead of failing the read. The staging table's {@code rowid} is the row's ordinal.
 */
final class CsvSource extends TempTableSource {
    /** Records up to 16 MiB (DuckDB's default refuses lines over 2 MB). */
    static final long MAX_LINE = 16L << 20;
    /**
     * DuckDB's read buffer, set explicitly: left alone it becomes 16 x the line limit (256 MiB), so a file smaller
     * than that is one buffer, parsed by one thread, and the table written from it cost a second full write at the
     * next checkpoint (measured: about 1 s of the 600k-row benchmark import; ADR 0011). Two lines' worth keeps
     * every allowed line readable.
     */
    static final long BUFFER = 2 * MAX_LINE;

    private final ReaderRejects rejects;
    private final long skipRows;
    private final String ordinal;

    private CsvSource(Path file, List<SourceColumn> columns, ReaderRejects rejects, long skipRows, long base) {
        super(file, SourceFormat.CSV, columns);
        this.ordinal = ordinal("src", base);
        this.rejects = rejects;
        this.skipRows = skipRows;
    }

    /** Stages {@code file}; {@code skipRows} is the preflight's finding ({@link #requireHeader}), null to sniff. */
    static CsvSource open(SqlRunner sql, Path file, Long skipRows) {
        ReaderRejects rejects = new ReaderRejects();
        long skip;
        try {
            skip = skipRows != null ? skipRows : requireHeader(sql, file);
            rejects.drop(sql);
            sql.update("DROP TABLE IF EXISTS " + STAGE);
            sql.tracked("CREATE TEMP TABLE " + STAGE + " AS SELECT * FROM read_csv(?, header = true,"
                    + " max_line_size = " + MAX_LINE + ", buffer_size = " + BUFFER + ReaderRejects.READ_OPTIONS + ")",
                    List.of(file.toString()));
            rejects.collect(sql);
        } catch (SQLException e) {
            throw new InputException(file + ": unreadable CSV: " + Workspace.firstLine(e.getMessage()), e);
        }
        try {
            return new CsvSource(file, List.copyOf(stagedColumns(sql)), rejects, skip, baseRowid(sql, STAGE));
        } catch (SQLException e) {
            throw new InputException(file + ": unreadable CSV: " + Workspace.firstLine(e.getMessage()), e);
        }
    }

    /**
     * Sniffs the dialect and refuses a file without a header line; returns the lines DuckDB skips before the
     * header. Cheap (a sample of the file), so it runs for every file before any is imported.
     */
    static long requireHeader(SqlRunner sql, Path file) throws SQLException {
        List<Object[]> sniff = sql.rows("SELECT HasHeader, SkipRows FROM sniff_csv(?, ignore_errors = true,"
                + " max_line_size = " + MAX_LINE + ", buffer_size = " + BUFFER + ")", file.toString());
        if (sniff.isEmpty() || !Boolean.TRUE.equals(sniff.get(0)[0])) {
            throw new InputException(file + ": no header line (the first line must name the columns)");
        }
        return ((Number) sniff.get(0)[1]).longValue();
    }

    @Override
    public String ordinal() {
        return ordinal;
    }

    /**
     * The smallest rowid of a staging table. Rows appended in one statement get consecutive rowids in file order,
     * but a table created inside an open transaction numbers them from a large offset, so ordinals subtract it.
     */
    static long baseRowid(SqlRunner sql, String table) throws SQLException {
        return sql.scalarLong("SELECT coalesce(min(rowid), 0) FROM " + table);
    }

    /** The 0-based ordinal of a staged row: its rowid minus the table's first rowid. */
    static String ordinal(String alias, long base) {
        return "(" + alias + ".rowid - " + base + ")";
    }

    @Override
    public String raw() {
        return ParquetSource.rowAsJson(columns());
    }

    @Override
    public long quarantineRejects(SqlRunner sql, QuarantineWriter writer) throws SQLException {
        return rejects.quarantine(sql, writer);
    }

    @Override
    public void locateRejects(SqlRunner sql, CancelHandle cancel) throws SQLException {
        rejects.locate(file(), cancel, sql);
    }

    @Override
    public String lineNumbers(SqlRunner sql) throws SQLException {
        long headerNewlines = 0;
        List<String> newlineTerms = new ArrayList<>();
        for (SourceColumn c : columns()) {
            headerNewlines += c.name().chars().filter(ch -> ch == '\n').count();
            if (SqlTypes.isText(c.sqlType())) {
                String q = "src." + Identifiers.quote(c.name());
                newlineTerms.add("coalesce(length(" + q + ") - length(replace(" + q + ", chr(10), '')), 0)");
            }
        }
        String newlines = newlineTerms.isEmpty() ? null : String.join(" + ", newlineTerms);
        long firstRecordLine = skipRows + 2;
        long firstPhysicalLine = skipRows + 2 + headerNewlines;
        return rejects.lineNumbers(sql, STAGE, ordinal, firstRecordLine, firstPhysicalLine, newlines);
    }

    @Override
    public void drop(SqlRunner sql) throws SQLException {
        sql.update("DROP TABLE IF EXISTS " + STAGE);
        rejects.drop(sql);
    }
}
