package org.inquest.analysis.drift;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.inquest.analysis.slice.Slice;
import org.inquest.analysis.slice.SqlFragment;
import org.inquest.connectors.catalog.ColumnInfo;
import org.inquest.connectors.catalog.ColumnRole;
import org.inquest.connectors.error.InputException;
import org.inquest.connectors.error.UsageException;
import org.inquest.connectors.workspace.Identifiers;
import org.inquest.connectors.workspace.Workspace;

/**
 * Splits a slice into the windows of {@code --by}: {@code hour}, {@code day} or {@code week} (calendar periods of
 * the table's timestamp column, ISO weeks starting Monday; only periods holding rows), or {@code rows:N}
 * (consecutive runs of N rows in the table's insertion order, the last one shorter). Each window is the slice
 * plus a parameterised condition, so windows are ordinary slices.
 */
public final class DriftWindows {
    private DriftWindows() {
    }

    public static List<DriftAnalysis.Window> split(Connection connection, Slice slice, String by) {
        String spec = by.trim().toLowerCase(Locale.ROOT);
        try {
            if (spec.startsWith("rows:")) {
                return byRows(connection, slice, rowsPerWindow(by));
            }
            if (spec.equals("hour") || spec.equals("day") || spec.equals("week")) {
                return byPeriod(connection, slice, spec);
            }
        } catch (SQLException e) {
            throw new InputException("cannot split '" + slice.table().name() + "' by " + by + ": "
                    + Workspace.firstLine(e.getMessage()), e);
        }
        throw new UsageException("invalid --by '" + by + "' (expected hour, day, week or rows:N)");
    }

    private static long rowsPerWindow(String by) {
        String digits = by.trim().substring("rows:".length()).trim();
        try {
            long n = Long.parseLong(digits);
            if (n > 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UsageException("invalid --by '" + by + "': rows:N needs a whole number N > 0");
    }

    private static List<DriftAnalysis.Window> byPeriod(Connection connection, Slice slice, String unit)
            throws SQLException {
        ColumnInfo ts = slice.table().columnWithRole(ColumnRole.TIMESTAMP).orElseThrow(() -> new UsageException(
                "--by " + unit + " needs a timestamp column, and table '" + slice.table().name() + "' has none"));
        String column = Identifiers.quote(ts.name());
        // unit is one of three constants checked above, never user text.
        String sql = "SELECT DISTINCT date_trunc('" + unit + "', " + column + ") AS s FROM " + slice.from()
                + " WHERE (" + slice.condition().sql() + ") AND " + column + " IS NOT NULL ORDER BY s";
        List<Object> starts = new ArrayList<>();
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            slice.condition().bind(ps, 1);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    starts.add(rs.getObject(1));
                }
            }
        }
        List<DriftAnalysis.Window> windows = new ArrayList<>();
        String condition = "date_trunc('" + unit + "', " + column + ") = ?";
        for (Object start : starts) {
            String end = periodEnd(connection, start, unit);
            String text = ts.name() + " >= '" + start + "' AND " + ts.name() + " < '" + end + "'";
            windows.add(new DriftAnalysis.Window(start.toString(), end,
                    slice.restrictedTo(SqlFragment.of(condition, start), text)));
        }
        return windows;
    }

    private static String periodEnd(Connection connection, Object start, String unit) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("SELECT CAST(? AS TIMESTAMP) + INTERVAL 1 " + unit)) {
            ps.setObject(1, start);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getObject(1).toString();
            }
        }
    }

    private static List<DriftAnalysis.Window> byRows(Connection connection, Slice slice, long size)
            throws SQLException {
        String sql = "SELECT rowid FROM (SELECT rowid, row_number() OVER (ORDER BY rowid) - 1 AS i FROM "
                + slice.from() + " WHERE " + slice.condition().sql() + ") WHERE i % ? = 0 ORDER BY rowid";
        List<Long> starts = new ArrayList<>();
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            int next = slice.condition().bind(ps, 1);
            ps.setLong(next, size);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    starts.add(rs.getLong(1));
                }
            }
        }
        List<DriftAnalysis.Window> windows = new ArrayList<>();
        for (int k = 0; k < starts.size(); k++) {
            long firstRow = k * size;
            SqlFragment condition = k + 1 < starts.size()
                    ? SqlFragment.of("rowid >= ? AND rowid < ?", starts.get(k), starts.get(k + 1))
                    : SqlFragment.of("rowid >= ?", starts.get(k));
            windows.add(new DriftAnalysis.Window(Long.toString(firstRow), Long.toString(firstRow + size),
                    slice.restrictedTo(condition, "rows " + firstRow + " to " + (firstRow + size))));
        }
        return windows;
    }
}
