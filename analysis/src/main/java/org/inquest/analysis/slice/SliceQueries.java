package org.inquest.analysis.slice;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.inquest.connectors.error.InputException;
import org.inquest.connectors.workspace.Workspace;

/** Small queries every analysis needs about a slice. */
public final class SliceQueries {
    private SliceQueries() {
    }

    /** Rows in the slice. */
    public static long count(Connection connection, Slice slice) {
        String sql = "SELECT count(*) FROM " + slice.from() + " WHERE " + slice.condition().sql();
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            slice.condition().bind(ps, 1);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new InputException("cannot count rows of " + slice.table().name() + ": "
                    + Workspace.firstLine(e.getMessage()), e);
        }
    }
}
