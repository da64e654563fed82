package org.inquest.connectors.ingest;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import org.inquest.connectors.error.InputException;
import org.inquest.connectors.workspace.Workspace;

/**
 * A JSON document (an array of objects, or objects spread over several lines) staged by DuckDB's {@code read_json}.
 * Unlike JSON Lines there is no line to set aside: a malformed document is refused whole. The row number is the
 * record's position in the document.
 */
final class JsonSource extends TempTableSource {
    private final String ordinal;

    private JsonSource(Path file, List<SourceColumn> columns, long base) {
        super(file, SourceFormat.JSON, columns);
        this.ordinal = CsvSource.ordinal("src", base);
    }

    static JsonSource open(SqlRunner sql, Path file) {
        try {
            sql.update("DROP TABLE IF EXISTS " + STAGE);
            sql.tracked("CREATE TEMP TABLE " + STAGE + " AS SELECT * FROM read_json(?)", List.of(file.toString()));
            return new JsonSource(file, List.copyOf(stagedColumns(sql)), CsvSource.baseRowid(sql, STAGE));
        } catch (SQLException e) {
            throw new InputException(file + ": unreadable JSON: " + Workspace.firstLine(e.getMessage()), e);
        }
    }

    @Override
    public String ordinal() {
        return ordinal;
    }

    @Override
    public String raw() {
        return ParquetSource.rowAsJson(columns());
    }

    @Override
    public long quarantineRejects(SqlRunner sql, QuarantineWriter writer) {
        return 0;
    }

    @Override
    public String lineNumbers(SqlRunner sql) {
        return "SELECT ordinal, ordinal + 1 AS line FROM " + QuarantineWriter.BAD;
    }

    @Override
    public void drop(SqlRunner sql) throws SQLException {
        sql.update("DROP TABLE IF EXISTS " + STAGE);
    }
}
