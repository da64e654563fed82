package org.inquest.connectors.ingest;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.inquest.connectors.error.InputException;
import org.inquest.connectors.workspace.MetadataSchema;
import org.inquest.connectors.workspace.Workspace;

/** Reads the lineage ({@code inquest.imports}) and quarantine counts the importers write. */
public final class ImportLog {
    /** One imported file. {@code importedAt} is DuckDB's text of the timestamp. */
    public record Entry(long importId, String table, String sourcePath, long sizeBytes, String sha256,
                        String importedAt, String kind, String format, long rowsAccepted, long rowsQuarantined) {
    }

    private final Connection connection;

    public ImportLog(Connection connection) {
        this.connection = connection;
    }

    /** The files imported into {@code table}, oldest first. */
    public List<Entry> sources(String table) {
        List<Entry> entries = new ArrayList<>();
        try (PreparedStatement ps = connection.prepareStatement("SELECT import_id, table_name, source_path,"
                + " size_bytes, sha256, " + MetadataSchema.IMPORTED_AT_TEXT + ", kind, format, rows_accepted,"
                + " rows_quarantined FROM " + MetadataSchema.IMPORTS + " WHERE table_name = ? ORDER BY import_id")) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    entries.add(new Entry(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4),
                            rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getLong(9),
                            rs.getLong(10)));
                }
            }
        } catch (SQLException e) {
            throw new InputException("workspace lineage: " + Workspace.firstLine(e.getMessage()), e);
        }
        return entries;
    }

    /** Rows of {@code table} currently in the quarantine. */
    public long quarantined(String table) {
        try (PreparedStatement ps = connection.prepareStatement(
                "SELECT count(*) FROM " + MetadataSchema.QUARANTINE + " WHERE table_name = ?")) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new InputException("workspace quarantine: " + Workspace.firstLine(e.getMessage()), e);
        }
    }
}
