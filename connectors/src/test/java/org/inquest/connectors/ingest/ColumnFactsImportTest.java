package org.inquest.connectors.ingest;

import static org.inquest.connectors.ingest.ImportFixtures.importFiles;
import static org.inquest.connectors.ingest.ImportFixtures.write;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Statement;
import org.inquest.connectors.workspace.ColumnFacts;
import org.inquest.connectors.workspace.Workspace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An import proves its table's id and trace-id columns unique over the whole table (ADR 0132): the fact is read as
 * true while the table is as imported, and not after an append that repeats a value, nor after a change made
 * without an import; a column holding a value twice is never recorded.
 */
class ColumnFactsImportTest {
    @TempDir
    Path dir;

    static final String HEADER = "request_id,trace_id,score,label\n";

    @Test
    void uniqueIdentifiersAreRecordedAndForgottenWhenTheTableChanges() throws Exception {
        // request_id in order (the streaming proof), trace_id out of order (the sorted hashes).
        Path first = write(dir, "a.csv", HEADER + "1,t9,0.1,0\n2,t3,0.9,1\n3,t5,0.4,0\n");
        Path more = write(dir, "b.csv", HEADER + "4,t1,0.2,0\n5,t2,0.8,1\n");
        Path repeat = write(dir, "c.csv", HEADER + "6,t3,0.3,0\n");
        try (Workspace ws = Workspace.open(dir.resolve("w.duckdb"))) {
            importFiles(ws, "preds", first);
            assertTrue(ColumnFacts.unique(ws.connection(), "preds", "request_id"));
            assertTrue(ColumnFacts.unique(ws.connection(), "preds", "trace_id"));
            assertFalse(ColumnFacts.unique(ws.connection(), "preds", "label"), "not an identifier");

            importFiles(ws, "preds", more);
            assertTrue(ColumnFacts.unique(ws.connection(), "preds", "trace_id"), "proven again after the append");

            importFiles(ws, "preds", repeat);
            assertTrue(ColumnFacts.unique(ws.connection(), "preds", "request_id"));
            assertFalse(ColumnFacts.unique(ws.connection(), "preds", "trace_id"), "t3 is there twice");
        }
    }

    @Test
    void aFactIsNotReadForATableChangedWithoutAnImport() throws Exception {
        Path file = write(dir, "a.csv", HEADER + "1,t9,0.1,0\n2,t3,0.9,1\n");
        try (Workspace ws = Workspace.open(dir.resolve("w.duckdb"))) {
            importFiles(ws, "preds", file);
            assertTrue(ColumnFacts.unique(ws.connection(), "preds", "trace_id"));
            try (Statement s = ws.connection().createStatement()) {
                s.execute("INSERT INTO preds (request_id, trace_id, score, label) VALUES (3, 't9', 0.5, 1)");
            }
            assertFalse(ColumnFacts.unique(ws.connection(), "preds", "trace_id"));
        }
    }

    @Test
    void aWorkspaceWithoutFactsReadsAsUnknown() throws Exception {
        Path file = write(dir, "a.csv", HEADER + "1,t9,0.1,0\n");
        Path path = dir.resolve("w.duckdb");
        try (Workspace ws = Workspace.open(path)) {
            importFiles(ws, "preds", file);
            try (Statement s = ws.connection().createStatement()) {
                s.execute("DROP TABLE inquest.column_facts");
            }
        }
        try (Workspace ws = Workspace.openReadOnly(path)) {
            assertFalse(ColumnFacts.unique(ws.connection(), "preds", "trace_id"));
        }
    }
}
