package org.inquest.connectors.ingest;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * A source staged once into the temporary table {@value #STAGE} by DuckDB's reader (CSV, JSON Lines, JSON), so
 * validation and the insert never parse the file twice. Holds what those sources share: the file, its format, its
 * columns, and the staging table as the FROM item.
 */
abstract class TempTableSource implements StagedSource {
    static final String STAGE = "inquest_stage";

    private final Path file;
    private final SourceFormat format;
    private final List<SourceColumn> columns;

    TempTableSource(Path file, SourceFormat format, List<SourceColumn> columns) {
        this.file = file;
        this.format = format;
        this.columns = columns;
    }

    /** The columns of {@value #STAGE} in table order, as DuckDB's reader typed them. */
    static List<SourceColumn> stagedColumns(SqlRunner sql) throws SQLException {
        List<SourceColumn> columns = new ArrayList<>();
        for (Object[] row : sql.rows("SELECT column_name, data_type FROM information_schema.columns"
                + " WHERE table_name = ? AND table_catalog = 'temp' ORDER BY ordinal_position", STAGE)) {
            columns.add(new SourceColumn((String) row[0], (String) row[1]));
        }
        return columns;
    }

    @Override
    public final Path file() {
        return file;
    }

    @Override
    public final SourceFormat format() {
        return format;
    }

    @Override
    public final List<SourceColumn> columns() {
        return columns;
    }

    @Override
    public final String from() {
        return STAGE + " AS src";
    }

    @Override
    public final List<Object> params() {
        return List.of();
    }
}
