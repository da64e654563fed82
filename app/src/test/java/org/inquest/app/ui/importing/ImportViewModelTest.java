package org.inquest.app.ui.importing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.inquest.app.ui.task.SyncRunner;
import org.inquest.connectors.catalog.TableInfo;
import org.inquest.connectors.ingest.FileOutcome;
import org.inquest.connectors.ingest.ImportResult;
import org.inquest.connectors.ingest.SourceFormat;
import org.inquest.connectors.workspace.Workspace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The import dialog's state without a display: the summary line and the preview. */
class ImportViewModelTest {
    @Test
    void theSummaryNamesAFileCutInItsLastLine() {
        FileOutcome clean = new FileOutcome(Path.of("/logs/a.jsonl"), SourceFormat.JSON_LINES, 1, 10, 0, 100, "x");
        FileOutcome cut = new FileOutcome(Path.of("/logs/b.jsonl"), SourceFormat.JSON_LINES, 2, 7, 2, 90, "y", 9);
        ImportResult result = new ImportResult(new TableInfo("spans", "traces", 17, List.of()), List.of(clean, cut));
        assertEquals("Imported 17 rows into spans (traces) from 2 files; 2 rows quarantined. b.jsonl ends inside"
                + " line 9 (truncated JSON): that line is quarantined.", ImportViewModel.summary(result));
    }

    /** The preview shows a CSV's timestamps as ISO 8601 (not JDBC's "2026-09-22 10:00:00.0"), numbers as numbers. */
    @Test
    void thePreviewShowsTimestampsAsIso(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("logs.csv");
        Files.writeString(csv, "request_id,timestamp,score\n1,2026-09-22 10:00:00,0.25\n2,2026-09-22 10:00:01.5,0.75\n");
        try (Workspace ws = Workspace.open(dir.resolve("w.duckdb"))) {
            ImportViewModel vm = new ImportViewModel(ws, SyncRunner.on(ws), Runnable::run, Runnable::run);
            vm.setFiles(List.of(csv));
            List<List<Object>> rows = vm.previewProperty().get().rows();
            assertEquals(2, rows.size());
            assertEquals("2026-09-22T10:00:00", rows.get(0).get(1));
            assertEquals("2026-09-22T10:00:01.500", rows.get(1).get(1));
            assertEquals(0.25, ((Number) rows.get(0).get(2)).doubleValue());
            assertEquals("timestamp", vm.roles().get(1).roleProperty().get());
        }
    }
}
