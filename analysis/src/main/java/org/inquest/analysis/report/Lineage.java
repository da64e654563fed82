package org.inquest.analysis.report;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import org.inquest.analysis.sql.Queries;
import org.inquest.analysis.sql.SqlBuilder;
import org.inquest.connectors.workspace.MetadataSchema;

/** Reads the import lineage of tables from Inquest's metadata (empty for tables made by hand). */
public final class Lineage {
    private Lineage() {
    }

    public static List<ImportRecord> of(Connection connection, List<String> tables) {
        boolean present = Queries.one(connection, new SqlBuilder().sql("SELECT count(*) FROM information_schema.tables"
                + " WHERE table_schema = ").value(MetadataSchema.SCHEMA).sql(" AND table_name = 'imports'"
                + " AND table_catalog = current_database()").build(), rs -> rs.getLong(1) > 0, "import lineage");
        if (!present) {
            return List.of();
        }
        List<ImportRecord> records = new ArrayList<>();
        for (String table : new LinkedHashSet<>(tables)) {
            records.addAll(Queries.list(connection, new SqlBuilder().sql("SELECT table_name, source_path, size_bytes,"
                    + " sha256, CAST(imported_at AS VARCHAR), kind, format, rows_accepted, rows_quarantined FROM "
                    + MetadataSchema.IMPORTS + " WHERE table_name = ").value(table).sql(" ORDER BY import_id").build(),
                    rs -> new ImportRecord(rs.getString(1), rs.getString(2), rs.getObject(3) == null ? null
                            : rs.getLong(3), rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7),
                            rs.getLong(8), rs.getLong(9)), "import lineage of " + table));
        }
        return records;
    }
}
