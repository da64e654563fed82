package org.inquest.connectors.ingest;

import static org.inquest.connectors.ingest.ImportFixtures.count;
import static org.inquest.connectors.ingest.ImportFixtures.importFiles;
import static org.inquest.connectors.ingest.ImportFixtures.parquet;
import static org.inquest.connectors.ingest.ImportFixtures.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.inquest.connectors.workspace.Workspace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImportCancelTest {
    @TempDir
    Path dir;

    @Test
    void cancelDuringALongStatementInterruptsDuckDbAndRollsBack() throws Exception {
        Path big = parquet(dir, "big.parquet", "SELECT range AS id, random() AS score, random() AS x,"
                + " 'r' || (range % 11) AS region FROM range(12000000)");
        try (Workspace ws = Workspace.open(dir.resolve("w.duckdb"))) {
            importFiles(ws, "t", write(dir, "a.csv", "id,score,x,region\n1,0.5,1.5,EU\n"));
            CancelHandle cancel = new CancelHandle();
            AtomicLong seen = new AtomicLong();
            ImportListener cancelOnProgress = new ImportListener() {
                @Override
                public void progress(Path file, long rowsRead, double rowsPerSecond) {
                    seen.set(rowsRead);
                    cancel.cancel();
                }
            };
            ImportRequest request = new ImportRequest("t", null, List.of(), List.of(big));
            assertThrows(ImportCancelledException.class, () -> new Importer(ws).run(request, cancelOnProgress, cancel));
            assertTrue(seen.get() > 0, "progress reported rows");
            assertEquals(1, count(ws, "SELECT count(*) FROM t"));
            assertEquals(1, count(ws, "SELECT count(*) FROM inquest.imports"));
            importFiles(ws, "t", write(dir, "b.csv", "id,score,x,region\n2,0.5,1.5,US\n"));
            assertEquals(2, count(ws, "SELECT count(*) FROM t"), "the connection is usable after a cancel");
        }
    }

    @Test
    void cancelBeforeCommitRollsBackEverythingOfThatFile() throws Exception {
        Path csv = write(dir, "a.csv", "id,score\n1,0.5\n2,7\n");
        try (Workspace ws = Workspace.open(dir.resolve("w.duckdb"))) {
            CancelHandle cancel = new CancelHandle();
            ImportListener cancelLate = new ImportListener() {
                @Override
                public void beforeCommit(Path file, FileOutcome outcome) {
                    cancel.cancel();
                }
            };
            ImportRequest request = new ImportRequest("t", null, List.of(), List.of(csv));
            assertThrows(ImportCancelledException.class, () -> new Importer(ws).run(request, cancelLate, cancel));
            assertEquals(List.of(), new org.inquest.connectors.catalog.Catalog(ws.connection()).tableNames());
            assertEquals(0, count(ws, "SELECT count(*) FROM inquest.quarantine"));
            assertEquals(0, count(ws, "SELECT count(*) FROM inquest.imports"));
        }
    }
}
