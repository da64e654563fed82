package org.inquest.app.ui.explorer;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.inquest.connectors.catalog.Catalog;
import org.inquest.connectors.catalog.TableInfo;
import org.inquest.connectors.workspace.MetadataSchema;
import org.inquest.connectors.workspace.TraceLinks;

/** Reads the workspace's tables with their lineage and quarantine counts (runs on a worker). */
public final class ExplorerService {
    public List<TableSummary> tables(Connection c) throws SQLException {
        Map<String, List<TableSummary.Lineage>> lineage = lineage(c);
        Map<String, Long> quarantined = quarantineCounts(c);
        List<TraceLinks.Saved> links = new TraceLinks(c).all();
        List<TableSummary> out = new ArrayList<>();
        for (TableInfo t : new Catalog(c).tables()) {
            out.add(new TableSummary(t, lineage.getOrDefault(t.name(), List.of()),
                    quarantined.getOrDefault(t.name(), 0L), links.stream()
                            .filter(l -> l.predictionsTable().equals(t.name())).map(ExplorerService::linkText)
                            .toList()));
        }
        return out;
    }

    /** {@code request_id → spans by attribute 'request.id'}. */
    static String linkText(TraceLinks.Saved l) {
        return l.link().column() + " → " + l.spansTable() + " by " + (l.link().byTraceId() ? "trace_id"
                : "attribute '" + l.link().attribute() + "'");
    }

    private static Map<String, List<TableSummary.Lineage>> lineage(Connection c) throws SQLException {
        Map<String, List<TableSummary.Lineage>> byTable = new LinkedHashMap<>();
        String sql = "SELECT table_name, source_path, size_bytes, sha256, " + MetadataSchema.IMPORTED_AT_TEXT + ", format,"
                + " rows_accepted, rows_quarantined FROM " + MetadataSchema.IMPORTS + " ORDER BY import_id";
        try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                byTable.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(new TableSummary.Lineage(
                        rs.getString(2), rs.getLong(3), rs.getString(4), rs.getString(5), rs.getString(6),
                        rs.getLong(7), rs.getLong(8)));
            }
        }
        return byTable;
    }

    private static Map<String, Long> quarantineCounts(Connection c) throws SQLException {
        Map<String, Long> counts = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT table_name, count(*) FROM "
                + MetadataSchema.QUARANTINE + " GROUP BY table_name"); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                counts.put(rs.getString(1), rs.getLong(2));
            }
        }
        return counts;
    }

    /** The quarantined rows of one table (at most {@code limit}), for the quarantine viewer. */
    public List<QuarantineRow> quarantine(Connection c, String table, int limit) throws SQLException {
        List<QuarantineRow> rows = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT source_path, line, column_name, raw, reason FROM "
                + MetadataSchema.QUARANTINE + " WHERE table_name = ? ORDER BY import_id, line LIMIT ?")) {
            ps.setString(1, table);
            ps.setInt(2, limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long line = rs.getLong(2);
                    rows.add(new QuarantineRow(rs.getString(1), rs.wasNull() ? null : line, rs.getString(3),
                            rs.getString(4), rs.getString(5)));
                }
            }
        }
        return rows;
    }

    public record QuarantineRow(String source, Long line, String column, String raw, String reason) {
    }
}
