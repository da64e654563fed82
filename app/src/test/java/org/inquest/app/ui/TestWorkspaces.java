package org.inquest.app.ui;

import java.nio.file.Path;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.inquest.app.ui.analysis.IncidentSnapshot;
import org.inquest.app.ui.analysis.IncidentViewModel;
import org.inquest.app.ui.slice.SliceSpec;
import org.inquest.app.ui.task.DirectTaskRunner;
import org.inquest.connectors.catalog.Catalog;
import org.inquest.connectors.catalog.ColumnInfo;
import org.inquest.connectors.catalog.ColumnRole;
import org.inquest.connectors.catalog.FeatureKind;
import org.inquest.connectors.workspace.Workspace;

/** Small hand-made workspaces for view-model tests (known rows, so expected values are countable by hand). */
public final class TestWorkspaces {
    private TestWorkspaces() {
    }

    /**
     * A small incident: table {@code predictions} over 14 days of 2026-09 (rows spread evenly), v2 from day 8,
     * columns request_id, timestamp, model_version, score, prediction, label, latency_ms, region, amount; and a
     * snapshot table {@code snapshot_v1} with region and amount.
     */
    public static Workspace incident(Path dir, int rows) throws SQLException {
        Workspace ws = Workspace.open(dir.resolve("incident.duckdb"));
        try (Statement s = ws.connection().createStatement()) {
            s.execute("CREATE TABLE predictions AS SELECT i AS request_id,"
                    + " TIMESTAMP '2026-09-01' + INTERVAL (i * 14 * 86400 // " + rows + ") SECOND AS timestamp,"
                    + " CASE WHEN i * 14 // " + rows + " >= 7 AND i % 5 = 0 THEN 'v2' ELSE 'v1' END AS model_version,"
                    + " ((i * 7919) % 1000) / 1000.0 AS score,"
                    + " CASE WHEN ((i * 7919) % 1000) / 1000.0 >= 0.5 THEN 1 ELSE 0 END AS prediction,"
                    + " CASE WHEN (i * 31) % 100 < ((i * 7919) % 1000) / 10.0 THEN 1 ELSE 0 END AS label,"
                    + " 20.0 + (i % 50) + CASE WHEN i * 14 // " + rows + " >= 10 THEN 40 ELSE 0 END AS latency_ms,"
                    + " CASE i % 3 WHEN 0 THEN 'EU' WHEN 1 THEN 'US' ELSE 'APAC' END AS region,"
                    + " (i % 100) * 10.0 * CASE WHEN i * 14 // " + rows + " >= 10 THEN 1.5 ELSE 1 END AS amount"
                    + " FROM range(" + rows + ") t(i)");
            s.execute("CREATE TABLE snapshot_v1 AS SELECT CASE i % 3 WHEN 0 THEN 'EU' WHEN 1 THEN 'US' ELSE 'APAC' END"
                    + " AS region, (i % 100) * 10.0 AS amount, i % 2 AS label FROM range(" + rows / 2 + ") t(i)");
        }
        Catalog catalog = new Catalog(ws.connection());
        catalog.saveTable("predictions", "predictions", List.of(
                new ColumnInfo("request_id", "BIGINT", ColumnRole.ID, null),
                new ColumnInfo("timestamp", "TIMESTAMP", ColumnRole.TIMESTAMP, null),
                new ColumnInfo("model_version", "VARCHAR", ColumnRole.MODEL_VERSION, FeatureKind.CATEGORICAL),
                new ColumnInfo("score", "DOUBLE", ColumnRole.SCORE, null),
                new ColumnInfo("prediction", "INTEGER", ColumnRole.PREDICTION, null),
                new ColumnInfo("label", "INTEGER", ColumnRole.LABEL, null),
                new ColumnInfo("latency_ms", "DOUBLE", ColumnRole.LATENCY_MS, null),
                new ColumnInfo("region", "VARCHAR", ColumnRole.FEATURE, FeatureKind.CATEGORICAL),
                new ColumnInfo("amount", "DOUBLE", ColumnRole.FEATURE, FeatureKind.NUMERICAL)));
        catalog.saveTable("snapshot_v1", "snapshot", List.of(
                new ColumnInfo("region", "VARCHAR", ColumnRole.FEATURE, FeatureKind.CATEGORICAL),
                new ColumnInfo("amount", "DOUBLE", ColumnRole.FEATURE, FeatureKind.NUMERICAL),
                new ColumnInfo("label", "INTEGER", ColumnRole.LABEL, null)));
        return ws;
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

    /** A workspace holding one table {@code name} made by {@code select} (e.g. a VALUES list) with these columns. */
    public static Workspace table(Path dir, String name, String select, ColumnInfo... columns) throws SQLException {
        Workspace ws = Workspace.open(dir.resolve(name + ".duckdb"));
        addTable(ws, name, select, columns);
        return ws;
    }

    /** Adds a table {@code name} made by {@code select} with these columns to {@code ws}. */
    public static void addTable(Workspace ws, String name, String select, ColumnInfo... columns) throws SQLException {
        try (Statement s = ws.connection().createStatement()) {
            s.execute("CREATE TABLE " + name + " AS " + select);
        }
        new Catalog(ws.connection()).saveTable(name, "predictions", List.of(columns));
    }

    /** What the workbench shows for {@code spec}: the incident view model's snapshot, computed on a direct runner. */
    public static IncidentSnapshot snapshot(Workspace ws, SliceSpec spec) {
        IncidentViewModel incident = new IncidentViewModel();
        incident.attach(new DirectTaskRunner(ws::connection));
        incident.compute(spec);
        if (!incident.errorProperty().get().isEmpty()) {
            throw new AssertionError("snapshot of " + spec + " failed: " + incident.errorProperty().get());
        }
        return incident.snapshotProperty().get();
    }

    /** {@link #snapshot(Workspace, SliceSpec)} of two filters on one table. */
    public static IncidentSnapshot snapshot(Workspace ws, String table, String referenceWhere, String currentWhere) {
        return snapshot(ws, new SliceSpec(table, referenceWhere, table, currentWhere));
    }

    /** Drops {@code table}, so that the next query on it fails (for error-state tests). */
    public static void drop(Workspace ws, String table) throws SQLException {
        try (Statement s = ws.connection().createStatement()) {
            s.execute("DROP TABLE " + table);
        }
    }
}
