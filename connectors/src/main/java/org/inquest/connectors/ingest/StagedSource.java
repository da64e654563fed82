package org.inquest.connectors.ingest;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;

/**
 * A source file made queryable for one import, by DuckDB's own reader: either read in place (Parquet) or staged
 * once into a temporary table (CSV, JSON), so validation and the insert never parse the file twice. Every SQL text
 * returned here refers to the source under the alias {@code src}.
 */
interface StagedSource {
    Path file();

    SourceFormat format();

    /** The source's columns in file order (Inquest's own helper columns excluded). */
    List<SourceColumn> columns();

    /** A FROM item for the source, aliased {@code src}. */
    String from();

    /** The parameters {@link #from()} binds, in order. */
    List<Object> params();

    /** A 0-based ordinal of the row in the file, as an SQL expression over {@code src}. */
    String ordinal();

    /** The row as text for the quarantine (a JSON object of its values, or the raw line), over {@code src}. */
    String raw();

    /**
     * Moves the rows the reader itself refused (malformed lines) into the quarantine table {@code target}'s
     * shape (see {@link QuarantineWriter}) and returns how many; 0 for readers that refuse nothing row by row.
     * Called after {@link #locateRejects} so the exact line numbers are known.
     */
    long quarantineRejects(SqlRunner sql, QuarantineWriter writer) throws SQLException;

    /**
     * Finds the exact source lines of the rows the reader refused (a pass over the file, made only when there are
     * some); called once, after staging. Nothing to do for readers that refuse nothing row by row.
     */
    default void locateRejects(SqlRunner sql, CancelHandle cancel) throws SQLException {
    }

    /**
     * An SQL query of (ordinal, line) giving the 1-based line (CSV, JSON Lines) or row number (Parquet, JSON) of
     * each row listed in {@value QuarantineWriter#BAD}.
     */
    String lineNumbers(SqlRunner sql) throws SQLException;

    /**
     * Adds to {@value QuarantineWriter#BAD} the rows the reader could read as lines but not as records (a JSON
     * Lines line that is not JSON), with their raw text. Most sources have none.
     */
    default void addUnparsedRows(SqlRunner sql) throws SQLException {
    }

    /** Drops the temporary tables this source made. */
    void drop(SqlRunner sql) throws SQLException;
}
