package org.inquest.connectors.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Installs the demo's synthetic world ({@code demo-world.sql}: the random-number macros, the risk model, and the
 * table macros {@code demo_predictions(seed, n)}, {@code demo_timings(seed, n)}, {@code demo_snapshot(seed,
 * version, n)}) as temporary macros on a DuckDB connection. The SQL is fixed text shipped with Inquest; seed and row
 * counts are passed to the table macros as JDBC parameters by the caller.
 */
final class DemoWorld {
    private static final String RESOURCE = "demo-world.sql";

    private DemoWorld() {
    }

    static void install(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            for (String sql : statements()) {
                statement.execute(sql);
            }
        }
    }

    /** The resource split into statements: each ends with a semicolon at the end of a line. */
    static List<String> statements() {
        String text = resourceText();
        List<String> statements = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : text.split("\n", -1)) {
            current.append(line).append('\n');
            if (line.stripTrailing().endsWith(";") && !line.strip().startsWith("--")) {
                String sql = current.toString().strip();
                statements.add(sql.substring(0, sql.length() - 1));
                current.setLength(0);
            }
        }
        if (!current.toString().lines().allMatch(l -> l.isBlank() || l.strip().startsWith("--"))) {
            throw new IllegalStateException(RESOURCE + " ends with an unterminated statement");
        }
        return statements;
    }

    private static String resourceText() {
        try (InputStream in = DemoWorld.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
