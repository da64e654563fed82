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

    private Queries() {
    }

    public static <T> List<T> list(Connection connection, SqlFragment query, RowMapper<T> mapper, String what) {
        try (PreparedStatement ps = connection.prepareStatement(query.sql())) {
            query.bind(ps, 1);
            List<T> rows = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(mapper.map(rs));
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
