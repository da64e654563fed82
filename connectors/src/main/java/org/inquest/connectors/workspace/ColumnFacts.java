package org.inquest.connectors.workspace;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.inquest.connectors.error.InputException;

/**
 * Facts about a user table's columns proven over the whole table at import and kept in
 * {@value MetadataSchema#COLUMN_FACTS}, so that an analysis of any slice of the table does not prove them again
 * (ADR 0132). One fact so far: every non-null value of an identifier column is different ({@link #UNIQUE}) — then
 * it is so in every slice too, and a slice's distinct count is its non-null count.
 *
 * <p>A fact holds for the table as it was proven: it is stored with the table's row count and the id of the table's
 * latest import, and reads as true only while both are unchanged. Inquest changes a user table only by importing
 * into it, which records a new import id; every import forgets the table's facts in its own transaction before it
 * adds rows. A workspace written before facts existed, or a table never imported (made by SQL), has none, which
 * reads as "not known" (read-only opens cannot create the table).
 */
public final class ColumnFacts {
    /** Every non-null value of the column is different from every other. */
    public static final String UNIQUE = "unique";
    /** Rows read to decide whether a column is worth a streaming proof (values stored in order). */
    static final int PROBE_ROWS = 50_000;

    private ColumnFacts() {
    }

    /**
     * A query proving the non-null values of {@code column} (quoted) pairwise different over {@code from} rows where
     * {@code where} (SQL, may hold parameters) holds: it returns one row, the values' count and how many of their
     * 64-bit hashes, sorted, are not above their predecessor. Equal values have equal hashes, so when that count is
     * 0 (the sequence strictly increases whatever order DuckDB delivered it in) no two values are equal; anything
     * else — a duplicate, a hash collision (probability about n²/2⁶⁵), rows out of order — proves nothing (ADR 0056).
     */
    public static String uniquenessSql(String column, String from, String where) {
        String w = " OVER (ROWS UNBOUNDED PRECEDING)";
        return "SELECT count(*), count(*) FILTER (WHERE h <= ph) FROM (SELECT h, lag(h)" + w + " AS ph FROM (SELECT"
                + " hash(" + column + ") AS h FROM " + from + " WHERE (" + where + ") AND " + column
                + " IS NOT NULL ORDER BY h))";
    }

    /** Whether a row of {@link #uniquenessSql} proves {@code values} non-null values pairwise different. */
    public static boolean proves(long counted, long notAbove, long values) {
        return counted == values && notAbove == 0;
    }

    /**
     * Proves, over the whole table, that {@code column}'s values are unique and records it (nothing is recorded
     * when the proof fails). Returns whether it was proven. Run after the import that last changed the table.
     */
    public static boolean proveUnique(Connection connection, String table, String column) throws SQLException {
        String c = Identifiers.quote(column);
        String t = Identifiers.userTable(table);
        // Values delivered strictly increasing (sequential ids stored in order) are all different: one streaming
        // pass, no sort, tried when the first rows are so. Otherwise the sorted hashes.
        String w = " OVER (ROWS UNBOUNDED PRECEDING)";
        String increasing = "SELECT count(*), count(*) FILTER (WHERE x <= px) FROM (SELECT x, lag(x)" + w
                + " AS px FROM (SELECT " + c + " AS x FROM " + t + " WHERE " + c + " IS NOT NULL%s))";
        boolean ordered;
        try (PreparedStatement ps = connection.prepareStatement(String.format(increasing, " LIMIT " + PROBE_ROWS));
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            ordered = rs.getLong(2) == 0;
        }
        boolean unique = false;
        long rows = 0;
        for (String proof : ordered ? new String[] {String.format(increasing, ""), uniquenessSql(c, t, "TRUE")}
                : new String[] {uniquenessSql(c, t, "TRUE")}) {
            try (PreparedStatement ps = connection.prepareStatement("SELECT (SELECT count(*) FROM " + t
                    + "), (SELECT count(" + c + ") FROM " + t + "), p.* FROM (" + proof + ") p");
                    ResultSet rs = ps.executeQuery()) {
                rs.next();
                rows = rs.getLong(1);
                unique = proves(rs.getLong(3), rs.getLong(4), rs.getLong(2));
            }
            if (unique) {
                break;
            }
        }
        if (unique) {
            try (PreparedStatement ps = connection.prepareStatement("INSERT OR REPLACE INTO "
                    + MetadataSchema.COLUMN_FACTS + " SELECT ?, ?, ?, ?, (SELECT max(import_id) FROM "
                    + MetadataSchema.IMPORTS + " WHERE table_name = ?)")) {
                ps.setString(1, table);
                ps.setString(2, column);
                ps.setString(3, UNIQUE);
                ps.setLong(4, rows);
                ps.setString(5, table);
                ps.executeUpdate();
            }
        }
        return unique;
    }

    /** Forgets every fact about {@code table} (its rows are about to change). */
    public static void forget(Connection connection, String table) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("DELETE FROM " + MetadataSchema.COLUMN_FACTS
                + " WHERE table_name = ?")) {
            ps.setString(1, table);
            ps.executeUpdate();
        }
    }

    /**
     * Whether {@code column} of {@code table} is known unique: a fact recorded at import for the table as it still
     * is (same row count, same latest import). False when unknown.
     */
    public static boolean unique(Connection connection, String table, String column) {
        try {
            if (!exists(connection)) {
                return false;
            }
            try (PreparedStatement ps = connection.prepareStatement("SELECT count(*) FROM "
                    + MetadataSchema.COLUMN_FACTS + " WHERE table_name = ? AND column_name = ? AND fact = ?"
                    + " AND table_rows = (SELECT count(*) FROM " + Identifiers.userTable(table) + ")"
                    + " AND last_import IS NOT DISTINCT FROM (SELECT max(import_id) FROM " + MetadataSchema.IMPORTS
                    + " WHERE table_name = ?)")) {
                ps.setString(1, table);
                ps.setString(2, column);
                ps.setString(3, UNIQUE);
                ps.setString(4, table);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1) > 0;
                }
            }
        } catch (SQLException e) {
            throw new InputException("reading what is known of " + table + "." + column + ": "
                    + Workspace.firstLine(e.getMessage()), e);
        }
    }

    private static boolean exists(Connection connection) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("SELECT count(*) FROM duckdb_tables()"
                + " WHERE schema_name = ? AND table_name = ?")) {
            ps.setString(1, MetadataSchema.SCHEMA);
            ps.setString(2, MetadataSchema.COLUMN_FACTS.substring(MetadataSchema.SCHEMA.length() + 1));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1) > 0;
            }
        }
    }
}
