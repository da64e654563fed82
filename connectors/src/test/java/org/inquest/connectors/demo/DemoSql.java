package org.inquest.connectors.demo;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Test helper: reads generated demo files with plain DuckDB SQL, independently of the generator's macros. Each
 * generated file is exposed as a view named like the file ({@code predictions}, {@code timings}, ...), with
 * {@code day} (day of the month) added to the request files.
 */
final class DemoSql implements AutoCloseable {
    private final Connection connection;

    DemoSql(Path directory, DemoFormat format) throws SQLException {
        connection = DriverManager.getConnection("jdbc:duckdb:");
        String ext = format.extension();
        try (Statement s = connection.createStatement()) {
            for (String name : new String[] {"predictions", "timings"}) {
                s.execute("CREATE VIEW " + name + " AS SELECT *, extract(day FROM \"timestamp\") AS day FROM '"
                        + directory.resolve(name + "." + ext) + "'");
            }
            for (String name : new String[] {"snapshot_v1", "snapshot_v2"}) {
                s.execute("CREATE VIEW " + name + " AS SELECT * FROM '" + directory.resolve(name + "." + ext) + "'");
            }
        }
    }

    /** The single numeric value of a query (null as NaN). */
    double number(String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rs = statement.executeQuery()) {
                assertTrue(rs.next(), "no row from " + sql);
                double value = rs.getDouble(1);
                return rs.wasNull() ? Double.NaN : value;
            }
        }
    }

    String text(String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            assertTrue(rs.next(), "no row from " + sql);
            return rs.getString(1);
        }
    }

    /**
     * ROC AUC of {@code score} against {@code label} over the labelled prediction rows matching {@code where}, by
     * the Mann–Whitney rank-sum formula (scores are continuous, so ties do not occur in practice; rank() would give
     * them the lowest rank).
     */
    double auc(String where) throws SQLException {
        return number("WITH r AS (SELECT label, rank() OVER (ORDER BY score) AS rk FROM predictions"
                + " WHERE label IS NOT NULL AND (" + where + ")) "
                + "SELECT (sum(rk) FILTER (WHERE label = 1) - sum(label) * (sum(label) + 1) / 2.0)"
                + " / (sum(label) * sum(1 - label)) FROM r");
    }

    /** Expected calibration error with 10 equal-width bins, right-closed (the contract's definition). */
    double ece(String where) throws SQLException {
        return number("WITH b AS (SELECT greatest(ceil(score * 10) - 1, 0) AS bin, count(*) AS n,"
                + " avg(label) AS positives, avg(score) AS predicted FROM predictions"
                + " WHERE label IS NOT NULL AND (" + where + ") GROUP BY bin) "
                + "SELECT sum(n * abs(positives - predicted)) / sum(n) FROM b");
    }

    /** True-positive rate of {@code prediction} over labelled rows matching {@code where}. */
    double tpr(String where) throws SQLException {
        return number("SELECT avg(prediction) FROM predictions WHERE label = 1 AND (" + where + ")");
    }

    Connection connection() {
        return connection;
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}
