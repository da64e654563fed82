package org.inquest.app.ui.traces;

import java.nio.file.Path;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.inquest.connectors.catalog.Catalog;
import org.inquest.connectors.catalog.ColumnInfo;
import org.inquest.connectors.catalog.ColumnRole;
import org.inquest.connectors.catalog.FeatureKind;
import org.inquest.connectors.ingest.CancelHandle;
import org.inquest.connectors.ingest.ImportKind;
import org.inquest.connectors.ingest.ImportListener;
import org.inquest.connectors.ingest.ImportRequest;
import org.inquest.connectors.ingest.Importer;
import org.inquest.connectors.workspace.Workspace;

/**
 * A workspace with the four hand-written traces of {@code traces/search_spans.jsonl} (table {@code spans}) and
 * the predictions they produced (table {@code preds}), plus a reference table {@code ref}:
 * <pre>
 * spans: T1 100 ms ok (api GET /a, db query rows=12) · T2 250 ms error (api GET /a, db query rows=500)
 *        T3 40 ms error (api GET /b) · T4 80 ms ok (api GET /b, cache get)
 * preds: id trace channel score prediction label amount
 *        1  T1    web     0.9   1          1     10
 *        2  T2    mobile  0.8   1          0     500
 *        3  T3    mobile  0.2   0          0     NULL
 *        4  T4    web     0.4   0          1     20
 *        5  ffff… tablet  0.5   1          NULL  30      (no spans)
 * ref:   amount 0..100, channel web/mobile alternating (101 rows)
 * </pre>
 */
public final class TraceWorkspaces {
    public static final String T1 = "00000000000000000000000000000001";
    public static final String T2 = "00000000000000000000000000000002";
    public static final String T3 = "00000000000000000000000000000003";
    public static final String T4 = "00000000000000000000000000000004";
    public static final String NO_SPANS = "ffffffffffffffffffffffffffffffff";

    private TraceWorkspaces() {
    }

    public static Workspace linked(Path dir) throws Exception {
        Workspace ws = Workspace.open(dir.resolve("linked.duckdb"));
        Path spans = Path.of(TraceWorkspaces.class.getResource("/traces/search_spans.jsonl").toURI());
        new Importer(ws).run(new ImportRequest("spans", ImportKind.TRACES, List.of(), List.of(spans)),
                ImportListener.NONE, new CancelHandle());
        addPredictions(ws);
        return ws;
    }

    /**
     * The same spans whose root spans carry {@code request.id} = {@code req-N} (N: the trace's last digit), and the
     * same predictions WITHOUT a trace_id column, their id being {@code request_id} = {@code req-N}: linkable only
     * by the span attribute (ADR 0077). Tables {@code spans} and {@code preds}.
     */
    public static Workspace byRequestId(Path dir) throws Exception {
        Workspace ws = Workspace.open(dir.resolve("by-request.duckdb"));
        Path spans = Path.of(TraceWorkspaces.class.getResource("/traces/search_spans.jsonl").toURI());
        new Importer(ws).run(new ImportRequest("spans", ImportKind.TRACES, List.of(), List.of(spans)),
                ImportListener.NONE, new CancelHandle());
        try (Statement s = ws.connection().createStatement()) {
            s.execute("UPDATE spans SET attributes = json_merge_patch(coalesce(attributes, '{}'::JSON),"
                    + " json_object('request.id', 'req-' || right(trace_id, 1))) WHERE parent_span_id IS NULL");
            s.execute("CREATE TABLE preds (request_id VARCHAR, channel VARCHAR, score DOUBLE, prediction INTEGER,"
                    + " label INTEGER)");
            s.execute("INSERT INTO preds VALUES ('req-1', 'web', 0.9, 1, 1), ('req-2', 'mobile', 0.8, 1, 0),"
                    + " ('req-3', 'mobile', 0.2, 0, 0), ('req-4', 'web', 0.4, 0, 1), ('req-9', 'tablet', 0.5, 1, NULL)");
        }
        new Catalog(ws.connection()).saveTable("preds", "predictions", List.of(
                new ColumnInfo("request_id", "VARCHAR", ColumnRole.ID, null),
                new ColumnInfo("channel", "VARCHAR", ColumnRole.FEATURE, FeatureKind.CATEGORICAL),
                new ColumnInfo("score", "DOUBLE", ColumnRole.SCORE, null),
                new ColumnInfo("prediction", "INTEGER", ColumnRole.PREDICTION, null),
                new ColumnInfo("label", "INTEGER", ColumnRole.LABEL, null)));
        return ws;
    }

    static void addPredictions(Workspace ws) throws SQLException {
        try (Statement s = ws.connection().createStatement()) {
            s.execute("CREATE TABLE preds (id BIGINT, trace_id VARCHAR, channel VARCHAR, score DOUBLE,"
                    + " prediction INTEGER, label INTEGER, amount DOUBLE)");
            s.execute("INSERT INTO preds VALUES (1, '" + T1 + "', 'web', 0.9, 1, 1, 10),"
                    + " (2, '" + T2 + "', 'mobile', 0.8, 1, 0, 500), (3, '" + T3 + "', 'mobile', 0.2, 0, 0, NULL),"
                    + " (4, '" + T4 + "', 'web', 0.4, 0, 1, 20), (5, '" + NO_SPANS + "', 'tablet', 0.5, 1, NULL, 30)");
            s.execute("CREATE TABLE ref AS SELECT CASE WHEN i % 2 = 0 THEN 'web' ELSE 'mobile' END AS channel,"
                    + " i * 1.0 AS amount FROM range(101) t(i)");
        }
        Catalog catalog = new Catalog(ws.connection());
        catalog.saveTable("preds", "predictions", List.of(
                new ColumnInfo("id", "BIGINT", ColumnRole.ID, null),
                new ColumnInfo("trace_id", "VARCHAR", ColumnRole.TRACE_ID, null),
                new ColumnInfo("channel", "VARCHAR", ColumnRole.FEATURE, FeatureKind.CATEGORICAL),
                new ColumnInfo("score", "DOUBLE", ColumnRole.SCORE, null),
                new ColumnInfo("prediction", "INTEGER", ColumnRole.PREDICTION, null),
                new ColumnInfo("label", "INTEGER", ColumnRole.LABEL, null),
                new ColumnInfo("amount", "DOUBLE", ColumnRole.FEATURE, FeatureKind.NUMERICAL)));
        catalog.saveTable("ref", "snapshot", List.of(
                new ColumnInfo("channel", "VARCHAR", ColumnRole.FEATURE, FeatureKind.CATEGORICAL),
                new ColumnInfo("amount", "DOUBLE", ColumnRole.FEATURE, FeatureKind.NUMERICAL)));
    }
}
