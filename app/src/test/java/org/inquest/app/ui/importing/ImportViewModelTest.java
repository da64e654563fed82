package org.inquest.app.ui.importing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.inquest.connectors.catalog.TableInfo;
import org.inquest.connectors.ingest.FileOutcome;
import org.inquest.connectors.ingest.ImportResult;
import org.inquest.connectors.ingest.SourceFormat;
import org.junit.jupiter.api.Test;

class ImportViewModelTest {
    @Test
    void theSummaryNamesAFileCutInItsLastLine() {
        FileOutcome clean = new FileOutcome(Path.of("/logs/a.jsonl"), SourceFormat.JSON_LINES, 1, 10, 0, 100, "x");
        FileOutcome cut = new FileOutcome(Path.of("/logs/b.jsonl"), SourceFormat.JSON_LINES, 2, 7, 2, 90, "y", 9);
        ImportResult result = new ImportResult(new TableInfo("spans", "traces", 17, List.of()), List.of(clean, cut));
        assertEquals("Imported 17 rows into spans (traces) from 2 files; 2 rows quarantined. b.jsonl ends inside"
                + " line 9 (truncated JSON): that line is quarantined.", ImportViewModel.summary(result));
    }
}
