package org.inquest.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QueryCommandTest {
    @TempDir
    Path dir;
    Path ws;

    @BeforeEach
    void importSomething() throws Exception {
        Path file = dir.resolve("p.csv");
        Files.writeString(file, "id,score,note\n1,0.25,\"a, b\"\n2,0.75,plain\n");
        ws = dir.resolve("w.duckdb");
        assertEquals(0, CliRun.of("import", "--workspace", ws.toString(), "--table", "t", file.toString()).code());
    }

    @Test
    void csvPrintsHeaderThenRows() {
        CliRun run = CliRun.of("query", "--workspace", ws.toString(), "--format", "csv",
                "SELECT id, score, note FROM t ORDER BY id");
        assertEquals(0, run.code(), run.err());
        assertEquals("id,score,note\n1,0.25,\"a, b\"\n2,0.75,plain\n", run.out().replace("\r\n", "\n"));
    }

    @Test
    void aSingleValuePrintsAsOneLine() {
        assertEquals("2", CliRun.of("query", "--workspace", ws.toString(), "SELECT count(*) FROM t").out().strip());
        assertEquals("2\n", CliRun.of("query", "--workspace", ws.toString(), "--format", "csv",
                "SELECT count(*) FROM t").out().replace("\r\n", "\n"));
    }

    @Test
    void jsonIsAnArrayOfObjects() {
        CliRun run = CliRun.of("query", "--workspace", ws.toString(), "--format", "json",
                "SELECT id, score FROM t ORDER BY id");
        assertEquals("[{\"id\":1,\"score\":0.25},{\"id\":2,\"score\":0.75}]", run.out().strip());
    }

    @Test
    void writesAreRefusedAndChangeNothing() throws Exception {
        byte[] before = Files.readAllBytes(ws);
        for (String sql : new String[] {"DROP TABLE t", "DELETE FROM t", "INSERT INTO t VALUES (3, 0.5, 'x')",
            "SELECT 1; DROP TABLE t", "CREATE TABLE u AS SELECT 1",
            "COPY t TO '" + dir.resolve("out.csv").toString().replace("'", "''") + "'", "UPDATE t SET score = 0"}) {
            CliRun run = CliRun.of("query", "--workspace", ws.toString(), sql);
            assertEquals(2, run.code(), sql + ": " + run.err());
            assertTrue(run.err().startsWith("inquest: query is read-only"), run.err());
        }
        assertTrue(Files.notExists(dir.resolve("out.csv")));
        assertEquals("2", CliRun.of("query", "--workspace", ws.toString(), "SELECT count(*) FROM t").out().strip());
        assertTrue(java.util.Arrays.equals(before, Files.readAllBytes(ws)), "workspace file changed");
    }

    @Test
    void badSqlIsAUsageErrorOnOneLine() {
        CliRun run = CliRun.of("query", "--workspace", ws.toString(), "SELECT * FROM nope");
        assertEquals(2, run.code());
        assertEquals(1, run.err().strip().lines().count(), run.err());
        assertTrue(run.err().contains("nope"), run.err());
    }
}
