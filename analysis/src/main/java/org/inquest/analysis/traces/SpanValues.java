package org.inquest.analysis.traces;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.inquest.connectors.error.InputException;
import org.inquest.connectors.error.UsageException;
import org.inquest.connectors.workspace.Identifiers;
import org.inquest.connectors.workspace.Workspace;

/** The distinct services or span names of a spans table (the trace search's pickers), sorted, at most 1,000. */
public final class SpanValues {
    static final int MAX = 1000;
    private static final Set<String> COLUMNS = Set.of("service", "name", "kind");

    private SpanValues() {
    }

    public static List<String> distinct(Connection connection, String table, String column) {
        if (!COLUMNS.contains(column)) {
            throw new UsageException("span values: no picker for column '" + column + "'");
        }
        SpanTables.require(connection, table);
        String sql = "SELECT DISTINCT " + Identifiers.quote(column) + " AS v FROM " + Identifiers.userTable(table)
                + " WHERE v IS NOT NULL ORDER BY v LIMIT " + MAX;
        List<String> values = new ArrayList<>();
        try (PreparedStatement ps = connection.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
        } catch (SQLException e) {
            throw new InputException("listing " + column + " of " + table + ": " + Workspace.firstLine(e.getMessage()),
                    e);
        }
        return values;
    }
}
