package org.inquest.analysis.traces;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import org.inquest.analysis.filter.FilterSyntaxException;
import org.inquest.connectors.catalog.Catalog;
import org.inquest.connectors.catalog.ColumnInfo;
import org.inquest.connectors.catalog.ColumnRole;
import org.inquest.connectors.catalog.FeatureKind;
import org.inquest.connectors.error.UsageException;
import org.inquest.connectors.ingest.CancelHandle;
import org.inquest.connectors.ingest.ImportKind;
import org.inquest.connectors.ingest.ImportListener;
import org.inquest.connectors.ingest.ImportRequest;
import org.inquest.connectors.ingest.Importer;
import org.inquest.connectors.workspace.Workspace;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The three levels of a trace filter on {@code cohorts.jsonl} (five traces; see {@link TraceCohortsTest}): the
 * roots carry {@code http.route} ('/v1/batch' on trace 5 only), {@code channel} (mobile on 2 and 5) and
 * {@code http.status_code} (503 on trace 2); a predictions table links to traces 1, 2 and 5.
 */
class TraceFilterTest {
    @TempDir
    static Path dir;
    static Workspace workspace;

    @BeforeAll
    static void importFixture() throws Exception {
        workspace = Workspace.open(dir.resolve("w.duckdb"));
        Path spans = Path.of(TraceFilterTest.class.getResource("/traces/cohorts.jsonl").toURI());
        new Importer(workspace).run(new ImportRequest("spans", ImportKind.TRACES, List.of(), List.of(spans)),
                ImportListener.NONE, new CancelHandle());
        try (var s = workspace.connection().createStatement()) {
            s.execute("CREATE TABLE preds AS SELECT * FROM (VALUES"
                    + " ('r1', '00000000000000000000000000000001', 1, 1, 'web'),"
                    + " ('r2', '00000000000000000000000000000002', 1, 0, 'mobile'),"
                    + " ('r5', '00000000000000000000000000000005', 0, 1, 'mobile'),"
                    + " ('r9', 'ffffffffffffffffffffffffffffffff', 0, 1, 'mobile'))"
                    + " t(request_id, trace_id, prediction, label, channel)");
        }
        new Catalog(workspace.connection()).saveTable("preds", "predictions", List.of(
                new ColumnInfo("request_id", "VARCHAR", ColumnRole.ID, null),
                new ColumnInfo("trace_id", "VARCHAR", ColumnRole.TRACE_ID, null),
                new ColumnInfo("prediction", "INTEGER", ColumnRole.PREDICTION, null),
                new ColumnInfo("label", "INTEGER", ColumnRole.LABEL, null),
                new ColumnInfo("channel", "VARCHAR", ColumnRole.FEATURE, FeatureKind.CATEGORICAL)));
    }

    @AfterAll
    static void close() {
        workspace.close();
    }

    /** "trace:span name" of the spans the filter keeps, in order. */
    private static List<String> spans(TraceFilter filter) throws Exception {
        TraceFilter.Resolved r = filter.resolve(workspace.connection(), "spans", "");
        List<String> out = new ArrayList<>();
        try (PreparedStatement ps = workspace.connection().prepareStatement("SELECT right(trace_id, 1), name"
                + " FROM spans WHERE " + r.condition().sql() + " ORDER BY trace_id, start_unix_nano")) {
            r.condition().bind(ps, 1);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1) + ":" + rs.getString(2));
                }
            }
        }
        return out;
    }

    @Test
    void spanLevelAttributeFilterMeasuresOnlyTheMatchingSpans() throws Exception {
        assertEquals(List.of("2:req", "5:req"), spans(TraceFilter.spans("attributes['channel'] = 'mobile'")));
        assertEquals(List.of("2:req"), spans(TraceFilter.spans("attributes['http.status_code'] >= 500")));
    }

    @Test
    void traceLevelFilterKeepsWholeTraces() throws Exception {
        assertEquals(List.of("5:req", "5:a", "5:b", "5:cache.miss"),
                spans(TraceFilter.traces("attributes['http.route'] = '/v1/batch'")));
        assertEquals(List.of("2:b", "5:b"), spans(new TraceFilter("name = 'b'", "status = 2", null, null)));
    }

    @Test
    void linkedPredictionFilters() throws Exception {
        // the wrong predictions: r2 and r5 (r9's trace is not in the table)
        assertEquals(List.of("2:req", "5:req"), spans(new TraceFilter("name = 'req'", null, "preds",
                "prediction != label")));
        assertEquals(List.of("1:req", "2:req", "5:req"), spans(new TraceFilter("name = 'req'", null, "preds",
                null)));
        assertEquals(List.of("2:b", "5:b"), spans(new TraceFilter("name = 'b'", null, "preds",
                "channel = 'mobile'")));
    }

    @Test
    void levelsCombineAndFaultsNameTheirFlag() throws Exception {
        TraceFilter both = TraceFilter.traces("attributes['channel'] = 'mobile'")
                .and(TraceFilter.linkedTo("preds", "prediction = 1"));
        assertEquals(List.of("2:req", "2:a", "2:b"), spans(both));
        FilterSyntaxException e = assertThrows(FilterSyntaxException.class, () -> TraceFilter.traces("nosuch = 1")
                .resolve(workspace.connection(), "spans", "reference"));
        assertEquals(true, e.getMessage().startsWith("invalid --reference-trace-where at position 1"),
                e.getMessage());
        UsageException missing = assertThrows(UsageException.class, () -> new TraceFilter(null, null, null,
                "channel = 'web'").resolve(workspace.connection(), "spans", "current"));
        assertEquals("--current-prediction-where needs --predictions TABLE", missing.getMessage());
        assertThrows(UsageException.class, () -> TraceFilter.linkedTo("preds", null)
                .and(TraceFilter.linkedTo("spans", null)));
    }
}
