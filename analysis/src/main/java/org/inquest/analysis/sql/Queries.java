package org.inquest.analysis.sql;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.inquest.analysis.slice.SqlFragment;
import org.inquest.connectors.error.InputException;
import org.inquest.connectors.workspace.Workspace;

/** Runs a parameterised query and maps its rows; a DuckDB failure becomes one readable line (exit 3). */
public final class Queries {
    /** Maps the current row of a result set. */
    @FunctionalInterface
    public interface RowMapper<T> {
        T map(ResultSet rs) throws SQLException;
    }

    /**
     * With the system property {@code inquest.sql.timing} set, each query's wall time and the process's CPU time
     * (DuckDB's threads included) are printed on stderr, and with {@code inquest.sql.text} also its SQL: how the
     * report's phases were profiled (docs/PERFORMANCE.md).
     */
    private static final boolean TIMING = Boolean.getBoolean("inquest.sql.timing");

    private Queries() {
    }

    /** CPU time of the whole process (DuckDB's threads included), for the timing output. */
    private static long cpuNanos() {
        return java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                instanceof com.sun.management.OperatingSystemMXBean os ? os.getProcessCpuTime() : 0;
    }

    public static <T> List<T> list(Connection connection, SqlFragment query, RowMapper<T> mapper, String what) {
        long t0 = System.nanoTime();
        long c0 = TIMING ? cpuNanos() : 0;
        try (PreparedStatement ps = connection.prepareStatement(query.sql())) {
            query.bind(ps, 1);
            List<T> rows = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(mapper.map(rs));
                }
            }
            if (TIMING) {
                System.err.printf(java.util.Locale.ROOT, "sql timing: %8.3f s (CPU %6.3f s)  %s%n",
                        (System.nanoTime() - t0) / 1e9, (cpuNanos() - c0) / 1e9, what);
                if (Boolean.getBoolean("inquest.sql.text")) {
                    System.err.println(query.sql());
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new InputException(what + ": " + Workspace.firstLine(e.getMessage()), e);
        }
    }

    public static <T> T one(Connection connection, SqlFragment query, RowMapper<T> mapper, String what) {
        List<T> rows = list(connection, query, mapper, what);
        if (rows.size() != 1) {
            throw new IllegalStateException(what + ": expected one row, got " + rows.size());
        }
        return rows.get(0);
    }

    /** A nullable DOUBLE column. */
    public static Double doubleOrNull(ResultSet rs, String column) throws SQLException {
        double v = rs.getDouble(column);
        return rs.wasNull() ? null : v;
    }

    public static Double doubleOrNull(ResultSet rs, int column) throws SQLException {
        double v = rs.getDouble(column);
        return rs.wasNull() ? null : v;
    }
}
