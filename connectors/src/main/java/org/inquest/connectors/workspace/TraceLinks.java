package org.inquest.connectors.workspace;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.inquest.connectors.catalog.TraceLink;
import org.inquest.connectors.error.InputException;

/**
 * The links saved in a workspace ({@value MetadataSchema#TRACE_LINKS}): per (predictions table, spans table), how
 * their rows join (ADR 0077). Saved so that the CLI and the workbench agree without repeating flags. A workspace
 * written before links existed has no such table, which reads as "no saved link" (read-only opens cannot create
 * it).
 */
public final class TraceLinks {
    private final Connection connection;

    public TraceLinks(Connection connection) {
        this.connection = connection;
    }

    /** A saved link between two tables. */
    public record Saved(String predictionsTable, String spansTable, TraceLink link) {
    }

    /** The saved link of {@code predictions} to {@code spans}, if any. */
    public Optional<TraceLink> find(String predictions, String spans) {
        if (!exists()) {
            return Optional.empty();
        }
        try (PreparedStatement ps = connection.prepareStatement("SELECT column_name, attribute_key FROM "
                + MetadataSchema.TRACE_LINKS + " WHERE predictions_table = ? AND spans_table = ?")) {
            ps.setString(1, predictions);
            ps.setString(2, spans);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new TraceLink(rs.getString(1), rs.getString(2))) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new InputException("reading the saved trace links: " + Workspace.firstLine(e.getMessage()), e);
        }
    }

    /** Every saved link, by predictions then spans table. */
    public List<Saved> all() {
        List<Saved> links = new ArrayList<>();
        if (!exists()) {
            return links;
        }
        try (PreparedStatement ps = connection.prepareStatement("SELECT predictions_table, spans_table, column_name,"
                + " attribute_key FROM " + MetadataSchema.TRACE_LINKS + " ORDER BY 1, 2");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                links.add(new Saved(rs.getString(1), rs.getString(2), new TraceLink(rs.getString(3), rs.getString(4))));
            }
        } catch (SQLException e) {
            throw new InputException("reading the saved trace links: " + Workspace.firstLine(e.getMessage()), e);
        }
        return links;
    }

    /** Saves (replacing) the link of {@code predictions} to {@code spans}; the caller has checked it. */
    public void save(String predictions, String spans, TraceLink link) {
        try {
            MetadataSchema.ensure(connection);
            try (PreparedStatement ps = connection.prepareStatement("INSERT OR REPLACE INTO "
                    + MetadataSchema.TRACE_LINKS + " VALUES (?, ?, ?, ?)")) {
                ps.setString(1, predictions);
                ps.setString(2, spans);
                ps.setString(3, link.column());
                ps.setString(4, link.attribute());
                ps.executeUpdate();
            }
        } catch (SQLException e) {
            throw new InputException("saving the trace link: " + Workspace.firstLine(e.getMessage()), e);
        }
    }

    private boolean exists() {
        try (PreparedStatement ps = connection.prepareStatement("SELECT count(*) FROM duckdb_tables()"
                + " WHERE schema_name = ? AND table_name = ?")) {
            ps.setString(1, MetadataSchema.SCHEMA);
            ps.setString(2, MetadataSchema.TRACE_LINKS.substring(MetadataSchema.SCHEMA.length() + 1));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1) > 0;
            }
        } catch (SQLException e) {
            throw new InputException("reading the saved trace links: " + Workspace.firstLine(e.getMessage()), e);
        }
    }
}
