package org.inquest.analysis.replay;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.inquest.connectors.catalog.Catalog;
import org.inquest.connectors.catalog.ColumnInfo;
import org.inquest.connectors.catalog.ColumnRole;
import org.inquest.connectors.catalog.FeatureKind;
import org.inquest.connectors.catalog.SqlTypes;
import org.inquest.connectors.workspace.Workspace;

/**
 * The committed replay fixtures ({@code src/test/python/make_replay_fixtures.py}) in a real workspace: tables
 * {@code preds} (with a status column), {@code preds_traced} (the same rows without it, so errors come from the
 * spans), {@code ref} and the spans table {@code spans}; and the expected values.
 */
final class ReplayFixture {
    private ReplayFixture() {
    }

    static JsonNode expected() throws Exception {
        return new ObjectMapper().readTree(ReplayFixture.class.getResource("/replay/expected.json"));
    }

    static Workspace open(Path dir) throws Exception {
        Workspace ws = Workspace.open(dir.resolve("replay.duckdb"));
        try (Statement s = ws.connection().createStatement()) {
            s.execute("CREATE TABLE preds AS SELECT * FROM read_csv('" + csv("predictions.csv") + "', header = true,"
                    + " types = {'timestamp': 'TIMESTAMP', 'label': 'INTEGER', 'status': 'INTEGER',"
                    + " 'latency_ms': 'DOUBLE', 'amount': 'DOUBLE', 'region': 'VARCHAR'})");
            s.execute("CREATE TABLE preds_traced AS SELECT * EXCLUDE (status) FROM preds");
            s.execute("CREATE TABLE ref AS SELECT * FROM read_csv('" + csv("reference.csv") + "', header = true,"
                    + " types = {'amount': 'DOUBLE', 'region': 'VARCHAR'})");
            s.execute("CREATE TABLE spans AS SELECT * FROM read_csv('" + csv("spans.csv") + "', header = true,"
                    + " types = {'parent_span_id': 'VARCHAR', 'start_unix_nano': 'BIGINT', 'end_unix_nano': 'BIGINT',"
                    + " 'status': 'INTEGER'})");
        }
        Map<String, ColumnRole> roles = Map.of("request_id", ColumnRole.ID, "trace_id", ColumnRole.TRACE_ID,
                "timestamp", ColumnRole.TIMESTAMP, "score", ColumnRole.SCORE, "prediction", ColumnRole.PREDICTION,
                "label", ColumnRole.LABEL, "latency_ms", ColumnRole.LATENCY_MS);
        save(ws, "preds", "predictions", roles);
        save(ws, "preds_traced", "predictions", roles);
        save(ws, "ref", "snapshot", Map.of());
        save(ws, "spans", "traces", Map.of("trace_id", ColumnRole.TRACE_ID));
        return ws;
    }

    private static String csv(String name) throws Exception {
        return Path.of(ReplayFixture.class.getResource("/replay/" + name).toURI()).toString().replace("'", "''");
    }

    private static void save(Workspace ws, String table, String kind, Map<String, ColumnRole> roles) {
        Catalog catalog = new Catalog(ws.connection());
        List<ColumnInfo> columns = new ArrayList<>();
        for (ColumnInfo c : catalog.table(table).columns()) {
            ColumnRole role = roles.getOrDefault(c.name(), ColumnRole.FEATURE);
            FeatureKind kindOf = role == ColumnRole.FEATURE
                    ? (SqlTypes.isNumeric(c.sqlType()) ? FeatureKind.NUMERICAL : FeatureKind.CATEGORICAL) : null;
            columns.add(new ColumnInfo(c.name(), c.sqlType(), role, kindOf));
        }
        catalog.saveTable(table, kind, columns);
    }
}
