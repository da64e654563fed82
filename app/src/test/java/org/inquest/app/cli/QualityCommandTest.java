package org.inquest.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.sql.Statement;
import org.inquest.connectors.workspace.Workspace;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QualityCommandTest {
    @TempDir
    static Path dir;
    static Path file;

    /** r: 10 rows, c NULL in 1; k: 4 rows, c NULL in 2 (share 10% -> 50%), one new category 'z'. */
    @BeforeAll
    static void workspace() throws Exception {
        file = dir.resolve("q.duckdb");
        try (Workspace ws = Workspace.open(file); Statement s = ws.connection().createStatement()) {
            s.execute("CREATE TABLE r (id INTEGER, c VARCHAR, x DOUBLE)");
            s.execute("INSERT INTO r SELECT i, CASE WHEN i = 0 THEN NULL WHEN i % 2 = 0 THEN 'a' ELSE 'b' END,"
                    + " i * 1.0 FROM range(10) t(i)");
            s.execute("CREATE TABLE k (id INTEGER, c VARCHAR, x DOUBLE)");
            s.execute("INSERT INTO k VALUES (1, 'a', 1.0), (2, NULL, 2.0), (3, NULL, 3.0), (4, 'z', 4.0)");
        }
    }

    private static String[] run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = InquestCommand.run(new PrintWriter(out), new PrintWriter(err), args);
        return new String[] {String.valueOf(code), out.toString(), err.toString()};
    }

    @Test
    void jsonReportWithFilters() throws Exception {
        String[] r = run("quality", "--workspace", file.toString(), "--reference", "r", "--reference-where",
                "x >= 1", "--current", "k");
        assertEquals("0", r[0], r[2]);
        JsonNode json = new ObjectMapper().readTree(r[1]);
        assertEquals("x >= 1", json.get("reference").get("where").asText());
        assertEquals(9, json.get("reference").get("rows").asLong());
        JsonNode c = json.get("columns").get(1);
        assertEquals("c", c.get("name").asText());
        assertEquals(0.0, c.get("reference").get("null_share").asDouble());
        assertEquals(0.5, c.get("current").get("null_share").asDouble());
        assertEquals("z", c.get("new_categories").get(0).asText());
        assertEquals("critical", c.get("severity").asText());
    }

    @Test
    void failOnGatesAndTableFormat() {
        String[] r = run("quality", "--workspace", file.toString(), "--reference", "r", "--current", "k",
                "--fail-on", "warning", "--format", "table");
        assertEquals("1", r[0], r[2]);
        assertTrue(r[1].contains("c       categorical  critical"), r[1]);
        assertTrue(r[1].contains("null share up 40.0 points"), r[1]);
        String[] same = run("quality", "--workspace", file.toString(), "--reference", "r", "--current", "r",
                "--fail-on", "warning");
        assertEquals("0", same[0], same[2]);
    }

    @Test
    void usageErrorsAreExit2OnOneLine() {
        String[] bad = run("quality", "--workspace", file.toString(), "--reference", "r", "--current", "k",
                "--current-where", "x = 'abc'");
        assertEquals("2", bad[0]);
        assertEquals("inquest: invalid --current-where at position 5: column x is DOUBLE but 'abc' is text"
                + " (expected a number)", bad[2].strip());
        String[] table = run("quality", "--workspace", file.toString(), "--reference", "nope", "--current", "k");
        assertEquals("2", table[0]);
        assertTrue(table[2].startsWith("inquest: unknown table 'nope'"), table[2]);
        String[] threshold = run("quality", "--workspace", file.toString(), "--reference", "r", "--current", "k",
                "--threshold", "bogus=1");
        assertEquals("2", threshold[0]);
    }
}
