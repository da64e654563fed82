package org.inquest.connectors.ingest;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.inquest.connectors.workspace.MetadataSchema;

/** Writes rows set aside during one file's import into {@code inquest.quarantine}, set-based. */
final class QuarantineWriter {
    /** The temporary table of rows that failed validation: (ordinal, column_name, reason, raw). */
    static final String BAD = "inquest_bad";

    private final long importId;
    private final String table;
    private final Path source;

    QuarantineWriter(long importId, String table, Path source) {
        this.importId = importId;
        this.table = table;
        this.source = source;
    }

    /**
     * Inserts the rows of {@code select}, a query with columns (line, column_name, raw, reason) whose own
     * parameters are {@code params}; returns how many.
     */
    long insert(SqlRunner sql, String select, List<?> params) throws SQLException {
        List<Object> all = new ArrayList<>(List.of(importId, table, source.toString()));
        all.addAll(params);
        return sql.update("INSERT INTO " + MetadataSchema.QUARANTINE
                + " SELECT ?, ?, ?, q.line, q.column_name, q.raw, q.reason FROM (" + select + ") AS q", all);
    }
}
