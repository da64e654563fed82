package org.inquest.connectors.workspace;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.inquest.connectors.error.InputException;

/**
 * Inquest's own tables live in the DuckDB schema {@value #SCHEMA}, never among user tables (which live in
 * {@code main}). Table and column names here are constants, never user text.
 */
public final class MetadataSchema {
    public static final String SCHEMA = "inquest";
    public static final int VERSION = 1;

    /** Key/value facts about the workspace, among them {@code schema_version}. */
    public static final String META = SCHEMA + ".meta";
    /** One row per user table: its kind (predictions, snapshot, traces) and when it was created. */
    public static final String TABLES = SCHEMA + ".tables";
    /** One row per column of a user table: type, role, feature kind. */
    public static final String COLUMNS = SCHEMA + ".columns";
    /** Lineage: one row per imported file. */
    public static final String IMPORTS = SCHEMA + ".imports";
    /** Rows set aside during import, with where they came from and why. */
    public static final String QUARANTINE = SCHEMA + ".quarantine";
    /** How a predictions table links to a spans table (by trace id or by a span attribute), ADR 0077. */
    public static final String TRACE_LINKS = SCHEMA + ".trace_links";
    /** Facts proven over a whole user table at import, valid while it is unchanged (ADR 0132). */
    public static final String COLUMN_FACTS = SCHEMA + ".column_facts";
    /**
     * {@link #IMPORTS}' {@code imported_at} as text to the second, the way the CLI and the workbench both show it
     * (a plain cast would show the microseconds).
     */
    public static final String IMPORTED_AT_TEXT = "strftime(imported_at, '%Y-%m-%d %H:%M:%S')";

    private static final String[] DDL = {
        "CREATE SCHEMA IF NOT EXISTS " + SCHEMA,
        "CREATE TABLE IF NOT EXISTS " + META + " (key VARCHAR PRIMARY KEY, value VARCHAR)",
        "CREATE TABLE IF NOT EXISTS " + TABLES + " (table_name VARCHAR PRIMARY KEY, kind VARCHAR NOT NULL,"
                + " created_at TIMESTAMP NOT NULL)",
        "CREATE TABLE IF NOT EXISTS " + COLUMNS + " (table_name VARCHAR NOT NULL, column_name VARCHAR NOT NULL,"
                + " ordinal INTEGER NOT NULL, sql_type VARCHAR NOT NULL, role VARCHAR NOT NULL,"
                + " feature_kind VARCHAR, PRIMARY KEY (table_name, column_name))",
        "CREATE SEQUENCE IF NOT EXISTS " + SCHEMA + ".import_ids START 1",
        "CREATE TABLE IF NOT EXISTS " + IMPORTS + " (import_id BIGINT PRIMARY KEY, table_name VARCHAR NOT NULL,"
                + " source_path VARCHAR NOT NULL, size_bytes BIGINT, sha256 VARCHAR, imported_at TIMESTAMP NOT NULL,"
                + " kind VARCHAR NOT NULL, format VARCHAR NOT NULL, rows_accepted BIGINT NOT NULL,"
                + " rows_quarantined BIGINT NOT NULL)",
        "CREATE TABLE IF NOT EXISTS " + QUARANTINE + " (import_id BIGINT NOT NULL, table_name VARCHAR NOT NULL,"
                + " source_path VARCHAR NOT NULL, line BIGINT, column_name VARCHAR, raw VARCHAR,"
                + " reason VARCHAR NOT NULL)",
        "CREATE TABLE IF NOT EXISTS " + TRACE_LINKS + " (predictions_table VARCHAR NOT NULL,"
                + " spans_table VARCHAR NOT NULL, column_name VARCHAR, attribute_key VARCHAR,"
                + " PRIMARY KEY (predictions_table, spans_table))",
        "CREATE TABLE IF NOT EXISTS " + COLUMN_FACTS + " (table_name VARCHAR NOT NULL, column_name VARCHAR NOT NULL,"
                + " fact VARCHAR NOT NULL, table_rows BIGINT NOT NULL, last_import BIGINT,"
                + " PRIMARY KEY (table_name, column_name, fact))",
    };

    private MetadataSchema() {
    }

    /** Creates the metadata schema when missing and checks its version. */
    public static void ensure(Connection connection) throws SQLException {
        try (Statement s = connection.createStatement()) {
            for (String ddl : DDL) {
                s.execute(ddl);
            }
        }
        try (PreparedStatement read = connection.prepareStatement("SELECT value FROM " + META + " WHERE key = ?")) {
            read.setString(1, "schema_version");
            try (ResultSet rs = read.executeQuery()) {
                if (rs.next()) {
                    int found = Integer.parseInt(rs.getString(1));
                    if (found > VERSION) {
                        throw new InputException("workspace schema version " + found
                                + " is newer than this Inquest understands (" + VERSION + ")");
                    }
                    return;
                }
            }
        }
        try (PreparedStatement write = connection.prepareStatement("INSERT INTO " + META + " VALUES (?, ?)")) {
            write.setString(1, "schema_version");
            write.setString(2, Integer.toString(VERSION));
            write.executeUpdate();
        }
    }
}
