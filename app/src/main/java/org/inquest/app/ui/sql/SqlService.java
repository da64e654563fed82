package org.inquest.app.ui.sql;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.inquest.app.ui.common.ResultGrid;
import org.inquest.connectors.error.UsageException;
import org.inquest.connectors.workspace.ReadOnlySql;

/**
 * Runs the SQL console's statements read-only: {@link ReadOnlySql} (the same check as {@code inquest query})
 * refuses anything that is not a SELECT before it runs, and the statement runs inside a transaction that is always
 * rolled back. At most {@code maxRows} rows are fetched.
 */
public final class SqlService {
    public ResultGrid run(Connection c, String sql, int maxRows) throws SQLException {
        String trimmed = sql.strip();
        while (trimmed.endsWith(";")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1).strip();
        }
        if (trimmed.isEmpty()) {
            throw new UsageException("nothing to run");
        }
        if (trimmed.contains(";")) {
            throw new UsageException("one statement at a time");
        }
        ReadOnlySql.requireSelect(c, trimmed);
        boolean auto = c.getAutoCommit();
        c.setAutoCommit(false);
        try (Statement s = c.createStatement()) {
            s.setMaxRows(maxRows + 1);
            List<String> columns = new ArrayList<>();
            List<List<Object>> rows = new ArrayList<>();
            boolean truncated = false;
            try (ResultSet rs = s.executeQuery(trimmed)) {
                ResultSetMetaData md = rs.getMetaData();
                for (int i = 1; i <= md.getColumnCount(); i++) {
                    columns.add(md.getColumnLabel(i));
                }
                while (rs.next()) {
                    if (rows.size() == maxRows) {
                        truncated = true;
                        break;
                    }
                    List<Object> row = new ArrayList<>(columns.size());
                    for (int i = 1; i <= columns.size(); i++) {
                        row.add(rs.getObject(i));
                    }
                    rows.add(row);
                }
            }
            return new ResultGrid(columns, rows, truncated);
        } finally {
            c.rollback();
            c.setAutoCommit(auto);
        }
    }
}
