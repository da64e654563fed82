package org.inquest.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ctrl-C during {@code inquest import}: the process gets SIGTERM/SIGINT, the shutdown hook cancels the running
 * DuckDB statement and waits for the rollback, so the workspace keeps exactly what it had.
 */
class ImportInterruptTest {
    @TempDir
    Path dir;

    @Test
    void interruptCancelsAndRollsBack() throws Exception {
        Path big = dir.resolve("big.parquet");
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement()) {
            s.execute("COPY (SELECT range AS id, random() AS score, random() * 100 AS amount, 'r' || (range % 9)"
                    + " AS region FROM range(12000000)) TO '" + big.toString().replace("'", "''") + "' (FORMAT parquet)");
        }
        Path first = dir.resolve("first.csv");
        Files.writeString(first, "id,score,amount,region\n1,0.5,3.5,EU\n");
        Path ws = dir.resolve("w.duckdb");
        assertEquals(0, CliRun.of("import", "--workspace", ws.toString(), "--table", "t", first.toString()).code());

        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-Xmx512m", "-cp", System.getProperty("java.class.path"),
                "org.inquest.app.Main", "import", "--workspace", ws.toString(), "--table", "t", big.toString())
                .redirectErrorStream(true).start();
        BufferedReader output = new BufferedReader(new InputStreamReader(child.getInputStream(),
                StandardCharsets.UTF_8));
        String line = output.readLine();
        assertTrue(line != null && line.startsWith("inquest: importing big.parquet"),
                "expected a progress line before the import ends, got: " + line);
        child.toHandle().destroy(); // SIGTERM (keeps our end of the pipes open): shutdown hooks run, as for Ctrl-C
        assertTrue(child.waitFor(60, TimeUnit.SECONDS));
        StringBuilder rest = new StringBuilder();
        for (String l = output.readLine(); l != null; l = output.readLine()) {
            rest.append(l).append('\n');
        }
        assertTrue(rest.toString().contains("import cancelled"), rest.toString());

        assertEquals("1", CliRun.of("query", "--workspace", ws.toString(), "SELECT count(*) FROM t").out().strip());
        assertEquals("1", CliRun.of("query", "--workspace", ws.toString(),
                "SELECT count(*) FROM inquest.imports").out().strip());
    }
}
