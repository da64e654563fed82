package org.inquest.connectors.ingest;

import static org.inquest.connectors.ingest.ImportFixtures.importFiles;
import static org.inquest.connectors.ingest.ImportFixtures.parquet;
import static org.inquest.connectors.ingest.ImportFixtures.rows;
import static org.inquest.connectors.ingest.ImportFixtures.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.inquest.connectors.workspace.Workspace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Atomicity against the worst case: the importing process is killed (SIGKILL, no shutdown hooks, no rollback)
 * in the middle of an import. Reopening the workspace must show exactly what was there before.
 */
class ImportKillTest {
    @TempDir
    Path dir;

    @Test
    void killedDuringTheInsertLeavesTheWorkspaceAsItWas() throws Exception {
        Path big = parquet(dir, "big.parquet", "SELECT range AS id, (hash(range) % 1000) / 1000.0 AS score,"
                + " (range % 2)::INTEGER AS label, hash(range * 7) % 100000 AS amount, 'r' || (range % 17) AS region,"
                + " random() AS noise FROM range(12000000)");
        Path workspace = prepared();
        List<String> before = state(workspace);
        Process child = start(workspace, big, "progress");
        String signal = awaitLine(child);
        assertEquals("PROGRESS", signal, "the child finished before the test could kill it mid-import");
        child.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        assertEquals(before, state(workspace));
    }

    @Test
    void killedJustBeforeCommitLeavesTheWorkspaceAsItWas() throws Exception {
        Path csv = write(dir, "more.csv", "id,score,label\n10,0.5,1\n11,2.5,0\n12,0.25,0\n");
        Path workspace = prepared();
        List<String> before = state(workspace);
        Process child = start(workspace, csv, "beforeCommit");
        assertEquals("READY 2", awaitLine(child));
        child.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        assertEquals(before, state(workspace));
    }

    /** A workspace with one committed import, so "as it was" is not simply "empty". */
    private Path prepared() throws Exception {
        Path workspace = dir.resolve("w.duckdb");
        Path first = write(dir, "first.csv", "id,score,label,amount,region,noise\n1,0.5,1,3,EU,0.1\n2,1.5,0,4,US,0.2\n");
        try (Workspace ws = Workspace.open(workspace)) {
            importFiles(ws, "t", first);
        }
        return workspace;
    }

    private Process start(Path workspace, Path file, String mode) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "-Xmx512m", "-cp", System.getProperty("java.class.path"),
                ImportChild.class.getName(), workspace.toString(), "t", file.toString(), mode);
        pb.redirectErrorStream(true);
        return pb.start();
    }

    /** The first line the child prints that is a signal (or its last line if it ends without one). */
    private static String awaitLine(Process child) throws Exception {
        BufferedReader reader = new BufferedReader(new InputStreamReader(child.getInputStream(),
                StandardCharsets.UTF_8));
        String line;
        String last = "(no output)";
        while ((line = reader.readLine()) != null) {
            if (line.equals("PROGRESS") || line.startsWith("READY") || line.equals("DONE")) {
                return line;
            }
            last = line;
        }
        return "child ended: " + last;
    }

    /** Everything an import can change, as text: the user table and every metadata table. */
    private static List<String> state(Path workspace) throws Exception {
        List<String> state = new ArrayList<>();
        try (Workspace ws = Workspace.open(workspace)) {
            state.add("tables " + rows(ws, "SELECT table_name FROM information_schema.tables"
                    + " WHERE table_catalog = current_database() ORDER BY ALL"));
            state.add("t " + rows(ws, "SELECT count(*), sum(id), min(score), max(score) FROM t"));
            state.add("imports " + rows(ws, "SELECT import_id, table_name, source_path, sha256, rows_accepted,"
                    + " rows_quarantined FROM inquest.imports ORDER BY ALL"));
            state.add("quarantine " + rows(ws, "SELECT * FROM inquest.quarantine ORDER BY ALL"));
            state.add("columns " + rows(ws, "SELECT * FROM inquest.columns ORDER BY ALL"));
            state.add("kinds " + rows(ws, "SELECT table_name, kind FROM inquest.tables ORDER BY ALL"));
        }
        assertTrue(state.get(1).startsWith("t [[1, 1,"), state.get(1));
        return state;
    }
}
