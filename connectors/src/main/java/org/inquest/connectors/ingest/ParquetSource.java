package org.inquest.connectors.ingest;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.inquest.connectors.error.InputException;
import org.inquest.connectors.workspace.Identifiers;
import org.inquest.connectors.workspace.Workspace;

/**
 * Parquet read in place with {@code read_parquet}: no staging copy (the file is already typed and columnar, so
 * validation reads only the columns it checks). The row number is DuckDB's {@code file_row_number}.
 */
final class ParquetSource implements StagedSource {
    private final Path file;
    private final List<SourceColumn> columns;

    private ParquetSource(Path file, List<SourceColumn> columns) {
        this.file = file;
        this.columns = columns;
    }

    static ParquetSource open(SqlRunner sql, Path file) {
        try {
            List<SourceColumn> columns = new ArrayList<>();
            for (Object[] row : sql.rows("DESCRIBE SELECT * FROM read_parquet(?)", file.toString())) {
                columns.add(new SourceColumn((String) row[0], (String) row[1]));
            }
            return new ParquetSource(file, List.copyOf(columns));
        } catch (SQLException e) {
            throw new InputException(file + ": unreadable Parquet: " + Workspace.firstLine(e.getMessage()), e);
        }
    }

    @Override
    public Path file() {
        return file;
    }

    @Override
    public SourceFormat format() {
        return SourceFormat.PARQUET;
    }

    @Override
    public List<SourceColumn> columns() {
        return columns;
    }

    @Override
    public String from() {
        return "read_parquet(?, file_row_number = true) AS src";
    }

    @Override
    public List<Object> params() {
        return List.of(file.toString());
    }

    @Override
    public String ordinal() {
        return "src.file_row_number";
    }

    @Override
    public String raw() {
        return rowAsJson(columns);
    }

    /** {@code to_json(struct_pack(...))} of the given columns of {@code src}: a row as readable text. */
    static String rowAsJson(List<SourceColumn> columns) {
        StringBuilder sb = new StringBuilder("to_json(struct_pack(");
        for (int i = 0; i < columns.size(); i++) {
            String q = Identifiers.quote(columns.get(i).name());
            sb.append(i == 0 ? "" : ", ").append(q).append(" := src.").append(q);
        }
        return sb.append("))::VARCHAR").toString();
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
    public void drop(SqlRunner sql) {
    }
}
