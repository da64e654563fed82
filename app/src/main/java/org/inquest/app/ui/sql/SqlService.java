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

/**
 * Runs the SQL console's statements read-only: the statement runs inside a transaction that is always rolled
 * back, and statements that reach outside the database (ATTACH, COPY, EXPORT, INSTALL, LOAD, SET, PRAGMA, CALL,
 * CHECKPOINT) are refused before they run. At most {@code maxRows} rows are fetched.
 */
public final class SqlService {
    private static final List<String> ALLOWED_FIRST_WORDS = List.of("SELECT", "WITH", "FROM", "VALUES", "SHOW",
            "DESCRIBE", "SUMMARIZE", "EXPLAIN", "TABLE", "(");

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
        String first = firstWord(trimmed);
        if (!ALLOWED_FIRST_WORDS.contains(first)) {
            throw new UsageException("the SQL console is read-only: " + first + " statements are refused");
        }
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

    static String firstWord(String sql) {
        String s = sql.stripLeading();
        if (s.startsWith("(")) {
            return "(";
        }
        int end = 0;
        while (end < s.length() && Character.isLetter(s.charAt(end))) {
            end++;
        }
        return s.substring(0, end).toUpperCase(java.util.Locale.ROOT);
    }
}
