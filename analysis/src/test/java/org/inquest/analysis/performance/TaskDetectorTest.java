package org.inquest.analysis.performance;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.inquest.analysis.Fixtures;
import org.inquest.analysis.slice.Slice;
import org.inquest.connectors.catalog.ColumnRole;
import org.inquest.connectors.catalog.TableInfo;
import org.inquest.connectors.workspace.Workspace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The task read from the labels, including the cases where only the distinct count decides. */
class TaskDetectorTest {
    @TempDir
    Path dir;

    private TaskKind detect(String labels) {
        try (Workspace workspace = Workspace.open(dir.resolve("w.duckdb"))) {
            try (Statement s = workspace.connection().createStatement()) {
                s.execute("CREATE OR REPLACE TABLE t AS SELECT " + labels + " AS label FROM range(200) r(i)");
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
            TableInfo t = Fixtures.withRoles(workspace, "t", Map.of("label", ColumnRole.LABEL));
            return new TaskDetector(workspace.connection()).detect(List.of(Slice.whole(t)), ModelColumns.of(t));
        }
    }

    @Test
    void labelsDecideTheTask() {
        assertEquals(TaskKind.BINARY, detect("i % 2"));
        assertEquals(TaskKind.BINARY, detect("CASE WHEN i % 3 = 0 THEN NULL ELSE 1 END"));
        assertEquals(TaskKind.BINARY, detect("CAST(NULL AS INTEGER)"));
        // Integral outside [0, 1]: the number of distinct values decides.
        assertEquals(TaskKind.MULTICLASS, detect("i % 3"));
        assertEquals(TaskKind.MULTICLASS, detect("i % " + TaskDetector.MAX_CLASSES));
        assertEquals(TaskKind.REGRESSION, detect("i % " + (TaskDetector.MAX_CLASSES + 1)));
        assertEquals(TaskKind.MULTICLASS, detect("CAST(i % 2 AS INTEGER) - 1"));
        // Not integral: regression, even within [0, 1].
        assertEquals(TaskKind.REGRESSION, detect("(i % 2) / 2.0"));
    }
}
