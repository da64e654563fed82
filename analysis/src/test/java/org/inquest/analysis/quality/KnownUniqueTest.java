package org.inquest.analysis.quality;

import org.inquest.analysis.PreviousPlans;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Statement;
import java.util.List;
import org.inquest.analysis.slice.Slice;
import org.inquest.analysis.slice.SliceResolver;
import org.inquest.analysis.sql.PreviousPlan;
import org.inquest.connectors.ingest.CancelHandle;
import org.inquest.connectors.ingest.ImportListener;
import org.inquest.connectors.ingest.ImportRequest;
import org.inquest.connectors.ingest.Importer;
import org.inquest.connectors.workspace.ColumnFacts;
import org.inquest.connectors.workspace.MetadataSchema;
import org.inquest.connectors.workspace.Workspace;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An identifier column the import proved unique over the whole table (ADR 0132) gets its distinct count in any
 * slice from its non-null count: the same comparison as proving it per slice ({@code inquest.previousPlan.facts}),
 * and the fact is really what is read (a false one, planted by hand, shows).
 */
class KnownUniqueTest {
    @TempDir
    Path dir;
    Workspace workspace;
    Slice reference;
    Slice current;

    @BeforeEach
    void load() throws Exception {
        StringBuilder csv = new StringBuilder("request_id,trace_id,score,label,amount\n");
        for (int i = 1; i <= 40; i++) {
            // request ids in order; trace ids out of order and t7 twice; the last row has no trace id
            String trace = i == 40 ? "" : i == 33 ? "t7" : "t" + (i * 17 % 41);
            csv.append("r").append(100 + i).append(',').append(trace).append(',').append(i % 10 / 10.0).append(',')
                    .append(i % 2).append(',').append(i % 7).append('\n');
        }
        Path file = dir.resolve("preds.csv");
        Files.writeString(file, csv);
        workspace = Workspace.open(dir.resolve("k.duckdb"));
        new Importer(workspace).run(new ImportRequest("preds", null, List.of(), List.of(file)), ImportListener.NONE,
                new CancelHandle());
        SliceResolver slices = new SliceResolver(workspace.connection());
        reference = slices.resolve("preds", "amount < 4");
        current = slices.resolve("preds", "amount >= 2");
    }

    @AfterEach
    void close() {
        workspace.close();
    }

    private QualityReport compare(boolean facts) {
        return PreviousPlans.with(PreviousPlan.FACTS, !facts, () -> DataQuality.compare(workspace.connection(),
                reference, current, QualityThresholds.DEFAULTS, false, false));
    }

    @Test
    void aProvenIdentifierHasTheDistinctCountProvingPerSliceGives() {
        assertTrue(ColumnFacts.unique(workspace.connection(), "preds", "request_id"));
        assertFalse(ColumnFacts.unique(workspace.connection(), "preds", "trace_id"), "t7 is there twice");
        QualityReport proven = compare(false);
        assertEquals(proven, compare(true));
        ColumnStats ids = proven.column("request_id").orElseThrow().current();
        assertEquals(ids.values(), ids.distinct());
    }

    @Test
    void theFactIsWhatIsRead() throws Exception {
        try (Statement s = workspace.connection().createStatement()) {
            // A false fact for the current table state: trace_id "unique".
            s.execute("INSERT INTO " + MetadataSchema.COLUMN_FACTS + " SELECT table_name, 'trace_id', fact,"
                    + " table_rows, last_import FROM " + MetadataSchema.COLUMN_FACTS + " WHERE column_name = 'request_id'");
        }
        ColumnStats counted = compare(false).column("trace_id").orElseThrow().current();
        ColumnStats believed = compare(true).column("trace_id").orElseThrow().current();
        assertEquals(counted.values() - 1, counted.distinct());
        assertEquals(believed.values(), believed.distinct());
    }
}
