package org.inquest.app.ui;

import java.nio.file.Path;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.inquest.connectors.catalog.Catalog;
import org.inquest.connectors.catalog.ColumnInfo;
import org.inquest.connectors.catalog.ColumnRole;
import org.inquest.connectors.catalog.FeatureKind;
import org.inquest.connectors.workspace.Workspace;

/** Small hand-made workspaces for view-model tests (known rows, so expected values are countable by hand). */
public final class TestWorkspaces {
    private TestWorkspaces() {
    }

    /** A table {@code preds} of 10 rows: id 1..10, model_version v1 (ids 1-6) / v2, score id/10, label id%2. */
    public static Workspace small(Path dir) throws SQLException {
        Workspace ws = Workspace.open(dir.resolve("small.duckdb"));
        try (Statement s = ws.connection().createStatement()) {
            s.execute("CREATE TABLE preds AS SELECT i AS id, CASE WHEN i <= 6 THEN 'v1' ELSE 'v2' END AS model_version,"
                    + " i / 10.0 AS score, i % 2 AS label, i * 1.5 AS amount FROM range(1, 11) t(i)");
        }
        new Catalog(ws.connection()).saveTable("preds", "predictions", List.of(
                new ColumnInfo("id", "BIGINT", ColumnRole.ID, null),
                new ColumnInfo("model_version", "VARCHAR", ColumnRole.MODEL_VERSION, FeatureKind.CATEGORICAL),
                new ColumnInfo("score", "DOUBLE", ColumnRole.SCORE, null),
                new ColumnInfo("label", "BIGINT", ColumnRole.LABEL, null),
                new ColumnInfo("amount", "DOUBLE", ColumnRole.FEATURE, FeatureKind.NUMERICAL)));
        return ws;
    }
}
