package org.inquest.connectors.ingest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.inquest.connectors.workspace.Workspace;

/** Small helpers for import tests: write files, import, and read back what the workspace holds. */
final class ImportFixtures {
    private ImportFixtures() {
    }

    static Path write(Path dir, String name, String content) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return file;
    }

    /** Writes a Parquet file with DuckDB from a SELECT (the test's own SQL, not user text). */
    static Path parquet(Path dir, String name, String select) throws SQLException {
        Path file = dir.resolve(name);
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement()) {
            s.execute("COPY (" + select + ") TO '" + file.toString().replace("'", "''") + "' (FORMAT parquet)");
        }
        return file;
    }

    static ImportResult importFiles(Workspace ws, String table, Path... files) {
        return new Importer(ws).run(new ImportRequest(table, null, List.of(), List.of(files)), ImportListener.NONE,
                new CancelHandle());
    }

    static List<List<Object>> rows(Workspace ws, String sql, Object... params) throws SQLException {
        List<List<Object>> out = new ArrayList<>();
        try (PreparedStatement ps = ws.connection().prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                int n = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    List<Object> row = new ArrayList<>();
                    for (int i = 1; i <= n; i++) {
                        row.add(rs.getObject(i));
                    }
                    out.add(row);
                }
            }
        }
        return out;
    }

    static long count(Workspace ws, String sql) throws SQLException {
        return ((Number) rows(ws, sql).get(0).get(0)).longValue();
    }
}
