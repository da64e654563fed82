package org.inquest.analysis.segments;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.inquest.analysis.slice.Slice;
import org.inquest.connectors.catalog.ColumnInfo;
import org.inquest.connectors.catalog.ColumnRole;
import org.inquest.connectors.error.InputException;
import org.inquest.connectors.workspace.Identifiers;
import org.inquest.connectors.workspace.Workspace;

/**
 * Example predictions of a slice (typically the current slice narrowed to a segment), the ones worth opening
 * first: wrong predictions (labeled, prediction different from the label) first, then the slowest, then by id.
 * Only the role columns are read (id, trace id, timestamp, model version, score, prediction, label, latency).
 */
public final class SegmentExamples {
    private static final List<ColumnRole> SHOWN = List.of(ColumnRole.ID, ColumnRole.TRACE_ID, ColumnRole.TIMESTAMP,
            ColumnRole.MODEL_VERSION, ColumnRole.SCORE, ColumnRole.PREDICTION, ColumnRole.LABEL,
            ColumnRole.LATENCY_MS);
    private final Connection connection;

    public SegmentExamples(Connection connection) {
        this.connection = connection;
    }

    /** Rows of the example table; {@code columns} are the role columns the table has, in {@code SHOWN} order. */
    public record Examples(List<String> columns, List<ColumnRole> roles, List<List<Object>> rows) {
        public Examples {
            columns = List.copyOf(columns);
            roles = List.copyOf(roles);
            rows = List.copyOf(rows);
        }
    }

    public Examples of(Slice slice, int limit) {
        List<String> columns = new ArrayList<>();
        List<ColumnRole> roles = new ArrayList<>();
        for (ColumnRole role : SHOWN) {
            slice.table().columnWithRole(role).ifPresent(c -> {
                columns.add(c.name());
                roles.add(role);
            });
        }
        if (columns.isEmpty()) {
            return new Examples(columns, roles, List.of());
        }
        List<String> order = new ArrayList<>();
        ColumnInfo prediction = slice.table().columnWithRole(ColumnRole.PREDICTION).orElse(null);
        ColumnInfo label = slice.table().columnWithRole(ColumnRole.LABEL).orElse(null);
        if (prediction != null && label != null) {
            order.add("CASE WHEN " + Identifiers.quote(label.name()) + " IS NOT NULL AND CAST("
                    + Identifiers.quote(prediction.name()) + " AS VARCHAR) <> CAST(" + Identifiers.quote(label.name())
                    + " AS VARCHAR) THEN 0 ELSE 1 END");
        }
        slice.table().columnWithRole(ColumnRole.LATENCY_MS).ifPresent(c -> order.add(Identifiers.quote(c.name())
                + " DESC NULLS LAST"));
        order.add(Identifiers.quote(columns.get(0)));
        StringBuilder select = new StringBuilder();
        for (String c : columns) {
            select.append(select.length() == 0 ? "" : ", ").append(Identifiers.quote(c));
        }
        String sql = "SELECT " + select + " FROM " + slice.from() + " WHERE " + slice.condition().sql() + " ORDER BY "
                + String.join(", ", order) + " LIMIT ?";
        List<List<Object>> rows = new ArrayList<>();
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            int next = slice.condition().bind(ps, 1);
            ps.setInt(next, limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    List<Object> row = new ArrayList<>(columns.size());
                    for (int i = 1; i <= columns.size(); i++) {
                        row.add(cell(rs.getObject(i)));
                    }
                    rows.add(row);
                }
            }
        } catch (SQLException e) {
            throw new InputException("example rows of " + slice.table().name() + ": "
                    + Workspace.firstLine(e.getMessage()), e);
        }
        return new Examples(columns, roles, rows);
    }

    /**
     * Numbers, booleans and date-times as values (a {@code java.sql.Timestamp} as its {@code LocalDateTime}, so a
     * caller shows it as the other grids do, not as "2026-09-27 11:07:23.409403"); anything else as its text.
     */
    static Object cell(Object v) {
        if (v instanceof java.sql.Timestamp t) {
            return t.toLocalDateTime();
        }
        if (v instanceof java.sql.Date d) {
            return d.toLocalDate();
        }
        return v == null || v instanceof Number || v instanceof Boolean
                || v instanceof java.time.temporal.TemporalAccessor ? v : v.toString();
    }
}
