package org.inquest.connectors.catalog;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.inquest.connectors.error.InputException;
import org.inquest.connectors.error.UsageException;
import org.inquest.connectors.workspace.Identifiers;
import org.inquest.connectors.workspace.MetadataSchema;
import org.inquest.connectors.workspace.Workspace;

/**
 * Reads and writes what Inquest knows about user tables: their kind and each column's role. The column list and
 * types always come from DuckDB itself; roles come from Inquest's metadata (a column the metadata does not know,
 * e.g. a table created by hand, is a feature, numerical when numeric).
 */
public final class Catalog {
    private final Connection connection;

    public Catalog(Connection connection) {
        this.connection = connection;
    }

    /** All user tables (schema {@code main}), by name. */
    public List<TableInfo> tables() {
        List<TableInfo> tables = new ArrayList<>();
        for (String name : tableNames()) {
            tables.add(table(name));
        }
        return tables;
    }

    public List<String> tableNames() {
        String sql = "SELECT table_name FROM information_schema.tables WHERE table_schema = 'main'"
                + " AND table_catalog = current_database() ORDER BY table_name";
        List<String> names = new ArrayList<>();
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        } catch (SQLException e) {
            throw failure(e);
        }
        return names;
    }

    public boolean exists(String table) {
        return tableNames().contains(table);
    }

    /** The table, or exit 2 naming it when there is no such user table. */
    public TableInfo table(String name) {
        if (!exists(name)) {
            throw new UsageException("unknown table '" + name + "'" + knownTablesHint());
        }
        try {
            Map<String, String[]> roles = storedRoles(name);
            List<ColumnInfo> columns = new ArrayList<>();
            try (PreparedStatement ps = connection.prepareStatement("SELECT column_name, data_type"
                    + " FROM information_schema.columns WHERE table_schema = 'main' AND table_name = ?"
                    + " AND table_catalog = current_database() ORDER BY ordinal_position")) {
                ps.setString(1, name);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        String column = rs.getString(1);
                        String type = rs.getString(2);
                        String[] stored = roles.get(column);
                        ColumnRole role = stored == null ? ColumnRole.FEATURE : ColumnRole.fromWireName(stored[0]);
                        FeatureKind kind = stored == null
                                ? (role == ColumnRole.FEATURE ? defaultKind(type) : null)
                                : (stored[1] == null ? null : FeatureKind.fromWireName(stored[1]));
                        columns.add(new ColumnInfo(column, type, role, kind));
                    }
                }
            }
            return new TableInfo(name, kind(name), rowCount(name), columns);
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    private static FeatureKind defaultKind(String sqlType) {
        return SqlTypes.isNumeric(sqlType) ? FeatureKind.NUMERICAL : FeatureKind.CATEGORICAL;
    }

    private Map<String, String[]> storedRoles(String table) throws SQLException {
        Map<String, String[]> roles = new LinkedHashMap<>();
        if (!metadataPresent()) {
            return roles;
        }
        try (PreparedStatement ps = connection.prepareStatement("SELECT column_name, role, feature_kind FROM "
                + MetadataSchema.COLUMNS + " WHERE table_name = ? ORDER BY ordinal")) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    roles.put(rs.getString(1), new String[] {rs.getString(2), rs.getString(3)});
                }
            }
        }
        return roles;
    }

    private String kind(String table) throws SQLException {
        if (!metadataPresent()) {
            return "predictions";
        }
        try (PreparedStatement ps = connection.prepareStatement(
                "SELECT kind FROM " + MetadataSchema.TABLES + " WHERE table_name = ?")) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : "predictions";
            }
        }
    }

    private long rowCount(String table) throws SQLException {
        try (Statement s = connection.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM " + Identifiers.userTable(table))) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private boolean metadataPresent() throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("SELECT count(*) FROM information_schema.tables"
                + " WHERE table_schema = ? AND table_name = 'columns' AND table_catalog = current_database()")) {
            ps.setString(1, MetadataSchema.SCHEMA);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1) > 0;
            }
        }
    }

    /**
     * Records (replacing) the kind of {@code table} and the role of each column. Runs inside the caller's
     * transaction when there is one, so an import's data and its metadata commit together.
     */
    public void saveTable(String table, String kind, List<ColumnInfo> columns) {
        try {
            try (PreparedStatement del = connection.prepareStatement(
                    "DELETE FROM " + MetadataSchema.COLUMNS + " WHERE table_name = ?")) {
                del.setString(1, table);
                del.executeUpdate();
            }
            try (PreparedStatement up = connection.prepareStatement("INSERT INTO " + MetadataSchema.TABLES
                    + " VALUES (?, ?, now()) ON CONFLICT (table_name) DO UPDATE SET kind = excluded.kind")) {
                up.setString(1, table);
                up.setString(2, kind);
                up.executeUpdate();
            }
            try (PreparedStatement ins = connection.prepareStatement(
                    "INSERT INTO " + MetadataSchema.COLUMNS + " VALUES (?, ?, ?, ?, ?, ?)")) {
                int ordinal = 0;
                for (ColumnInfo c : columns) {
                    ins.setString(1, table);
                    ins.setString(2, c.name());
                    ins.setInt(3, ordinal++);
                    ins.setString(4, c.sqlType());
                    ins.setString(5, c.role().wireName());
                    ins.setString(6, c.featureKind() == null ? null : c.featureKind().wireName());
                    ins.addBatch();
                }
                ins.executeBatch();
            }
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    private String knownTablesHint() {
        List<String> names = tableNames();
        return names.isEmpty() ? " (the workspace has no tables yet)" : " (tables: " + String.join(", ", names) + ")";
    }

    private static InputException failure(SQLException e) {
        return new InputException("workspace metadata: " + Workspace.firstLine(e.getMessage()), e);
    }
}
