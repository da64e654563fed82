package org.inquest.analysis;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.inquest.connectors.catalog.Catalog;
import org.inquest.connectors.catalog.ColumnInfo;
import org.inquest.connectors.catalog.ColumnRole;
import org.inquest.connectors.catalog.FeatureKind;
import org.inquest.connectors.catalog.SqlTypes;
import org.inquest.connectors.catalog.TableInfo;
import org.inquest.connectors.workspace.Workspace;

/** Loads the committed reference fixtures (written by make_report_fixtures.py) into a real workspace. */
public final class Fixtures {
    private Fixtures() {
    }

    public static JsonNode expected() {
        try (InputStream in = Fixtures.class.getResourceAsStream("/report/expected.json")) {
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public static Path resource(String name) {
        try {
            return Path.of(Fixtures.class.getResource("/report/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Reads {@code csv} with DuckDB's own CSV reader into table {@code name} and stores {@code roles} (column →
     * role); other columns are features.
     */
    public static TableInfo load(Workspace workspace, String name, String csv, Map<String, ColumnRole> roles) {
        String path = resource(csv).toString().replace("'", "''");
        try (Statement s = workspace.connection().createStatement()) {
            s.execute("CREATE OR REPLACE TABLE main.\"" + name + "\" AS SELECT * FROM read_csv('" + path
                    + "', header = true)");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return withRoles(workspace, name, roles);
    }

    /**
     * Creates table {@code t} with {@code columnsSql} (e.g. {@code "grp VARCHAR, score DOUBLE"}), inserts
     * {@code rows} (one value per column, nulls allowed) through a prepared statement, and stores {@code roles}.
     */
    public static TableInfo create(Workspace workspace, String columnsSql, List<Object[]> rows,
                                   Map<String, ColumnRole> roles) {
        try (Statement s = workspace.connection().createStatement()) {
            s.execute("CREATE OR REPLACE TABLE t (" + columnsSql + ")");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        if (!rows.isEmpty()) {
            String marks = String.join(", ", java.util.Collections.nCopies(rows.get(0).length, "?"));
            try (PreparedStatement ps = workspace.connection().prepareStatement("INSERT INTO t VALUES (" + marks
                    + ")")) {
                for (Object[] row : rows) {
                    for (int i = 0; i < row.length; i++) {
                        ps.setObject(i + 1, row[i]);
                    }
                    ps.addBatch();
                }
                ps.executeBatch();
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }
        return withRoles(workspace, "t", roles);
    }

    public static TableInfo withRoles(Workspace workspace, String name, Map<String, ColumnRole> roles) {
        Catalog catalog = new Catalog(workspace.connection());
        List<ColumnInfo> columns = new ArrayList<>();
        for (ColumnInfo c : catalog.table(name).columns()) {
            ColumnRole role = roles.getOrDefault(c.name(), ColumnRole.FEATURE);
            FeatureKind kind = role == ColumnRole.FEATURE
                    ? (SqlTypes.isNumeric(c.sqlType()) ? FeatureKind.NUMERICAL : FeatureKind.CATEGORICAL) : null;
            columns.add(new ColumnInfo(c.name(), c.sqlType(), role, kind));
        }
        catalog.saveTable(name, "predictions", columns);
        return catalog.table(name);
    }
}
