package org.inquest.connectors.ingest;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.inquest.connectors.error.InputException;
import org.inquest.connectors.workspace.Workspace;

/**
 * A JSON document (an array of objects, or objects spread over several lines) staged by DuckDB's {@code read_json}.
 * Unlike JSON Lines there is no line to set aside: a malformed document is refused whole. The row number is the
 * record's position in the document.
 */
final class JsonSource implements StagedSource {
    private static final String STAGE = CsvSource.STAGE;

    private final Path file;
    private final List<SourceColumn> columns;
    private final String ordinal;

    private JsonSource(Path file, List<SourceColumn> columns, long base) {
        this.file = file;
        this.ordinal = CsvSource.ordinal("src", base);
        this.columns = columns;
    }

    static JsonSource open(SqlRunner sql, Path file) {
        try {
            sql.update("DROP TABLE IF EXISTS " + STAGE);
            sql.tracked("CREATE TEMP TABLE " + STAGE + " AS SELECT * FROM read_json(?)", List.of(file.toString()));
            List<SourceColumn> columns = new ArrayList<>();
            for (Object[] row : sql.rows("SELECT column_name, data_type FROM information_schema.columns"
                    + " WHERE table_name = ? AND table_catalog = 'temp' ORDER BY ordinal_position", STAGE)) {
                columns.add(new SourceColumn((String) row[0], (String) row[1]));
            }
            return new JsonSource(file, List.copyOf(columns), CsvSource.baseRowid(sql, STAGE));
        } catch (SQLException e) {
            throw new InputException(file + ": unreadable JSON: " + Workspace.firstLine(e.getMessage()), e);
        }
    }

    @Override
    public Path file() {
        return file;
    }

    @Override
    public SourceFormat format() {
        return SourceFormat.JSON;
    }

    @Override
    public List<SourceColumn> columns() {
        return columns;
    }

    @Override
    public String from() {
        return STAGE + " AS src";
    }

    @Override
    public List<Object> params() {
        return List.of();
    }

    @Override
    public String ordinal() {
        return ordinal;
    }

    @Override
    public String raw() {
        return ParquetSource.rowAsJson(columns);
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
