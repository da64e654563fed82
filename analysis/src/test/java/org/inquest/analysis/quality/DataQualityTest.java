package org.inquest.analysis.quality;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.inquest.analysis.slice.Slice;
import org.inquest.analysis.slice.SliceResolver;
import org.inquest.connectors.catalog.TableInfo;
import org.inquest.connectors.error.UsageException;
import org.inquest.connectors.workspace.Workspace;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fixture and the expected values come from {@code src/test/python/make_quality_fixture.py} (numpy and the
 * Python standard library); this test only reads them.
 */
class DataQualityTest {
    private static final double EPS = 1e-9;

    @TempDir
    static Path dir;
    static Workspace workspace;
    static JsonNode expected;
    static QualityReport report;

    @BeforeAll
    static void load() throws Exception {
        workspace = QualityFixture.open(dir, "quality.duckdb");
        expected = QualityFixture.expected();
        SliceResolver slices = new SliceResolver(workspace.connection());
        report = DataQuality.compare(workspace.connection(), slices.resolve("reference", null),
                slices.resolve("current", null));
    }

    @AfterAll
    static void close() {
        workspace.close();
    }

    @Test
    void sliceRowCounts() {
        assertEquals(expected.get("reference_rows").asLong(), report.reference().rows());
        assertEquals(expected.get("current_rows").asLong(), report.current().rows());
    }

    @Test
    void everyColumnMatchesNumpy() {
        Iterator<Map.Entry<String, JsonNode>> it = expected.get("columns").fields();
        int checked = 0;
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            String name = e.getKey();
            JsonNode want = e.getValue();
            ColumnQuality got = report.column(name).orElseThrow(() -> new AssertionError("no column " + name));
            assertEquals(want.get("severity").asText(), got.severity().wireName(), name + " " + got.findings());
            compareSide(name + " reference", want.get("reference"), got.reference());
            compareSide(name + " current", want.get("current"), got.current());
            if (want.has("null_share_change")) {
                assertEquals(want.get("null_share_change").asDouble(), got.nullShareChange(), EPS, name);
            }
            if (want.has("new_categories")) {
                List<String> names = new ArrayList<>();
                want.get("new_categories").forEach(n -> names.add(n.asText()));
                assertEquals(names, got.newCategories(), name);
                assertEquals(want.get("new_category_count").asLong(), got.newCategoryCount(), name);
                assertEquals(want.get("new_category_rows").asLong(), got.newCategoryRows(), name);
            } else {
                assertNull(got.newCategories(), name);
            }
            if (want.has("out_of_range")) {
                assertEquals(want.get("out_of_range").asLong(), got.outOfRange(), name);
            } else {
                assertNull(got.outOfRange(), name);
            }
            checked++;
        }
        assertEquals(10, checked);
        assertEquals(10, report.columns().size());
    }

    private static void compareSide(String what, JsonNode want, ColumnStats got) {
        if (want == null) {
            assertNull(got, what);
            return;
        }
        assertNotNull(got, what);
        assertEquals(want.get("rows").asLong(), got.rows(), what);
        assertEquals(want.get("nulls").asLong(), got.nulls(), what);
        assertEquals(want.get("null_share").asDouble(), got.nullShare(), EPS, what);
        assertEquals(want.get("distinct").asLong(), got.distinct(), what);
        if (want.has("min")) {
            assertEquals(want.get("min").asDouble(), ((Number) got.min()).doubleValue(), EPS, what);
            assertEquals(want.get("max").asDouble(), ((Number) got.max()).doubleValue(), EPS, what);
            assertEquals(want.get("mean").asDouble(), got.mean(), EPS, what);
            assertEquals(want.get("std").asDouble(), got.std(), EPS, what);
            want.get("quantiles").fields().forEachRemaining(q ->
                    assertEquals(q.getValue().asDouble(), got.quantiles().get(q.getKey()), EPS, what + " " + q.getKey()));
        }
        if (want.has("top")) {
            assertNotNull(got.top(), what);
            assertEquals(want.get("top").size(), got.top().size(), what);
            for (int i = 0; i < got.top().size(); i++) {
                JsonNode t = want.get("top").get(i);
                assertEquals(t.get("value").asText(), got.top().get(i).value(), what);
                assertEquals(t.get("count").asLong(), got.top().get(i).count(), what);
                assertEquals(t.get("share").asDouble(), got.top().get(i).share(), EPS, what);
            }
        } else {
            assertNull(got.top(), what);
        }
    }

    @Test
    void schemaDifferences() {
        assertEquals(List.of("only_ref"), report.schema().missing().stream().map(SchemaDifferences.Column::name).toList());
        assertEquals(List.of("only_cur"), report.schema().added().stream().map(SchemaDifferences.Column::name).toList());
        SchemaDifferences.TypeChange change = report.schema().typeChanged().get(0);
        assertEquals("changed", change.name());
        assertEquals("INTEGER", change.referenceType());
        assertEquals("VARCHAR", change.currentType());
        assertEquals(Severity.CRITICAL, change.severity());
        assertEquals(Severity.CRITICAL, report.severity());
    }

    @Test
    void timestampsReportTheirRangeAsText() {
        ColumnQuality ts = report.column("ts").orElseThrow();
        assertEquals("temporal", ts.kind());
        assertEquals("2026-01-01 00:00:00", ts.reference().min());
        assertEquals("2026-01-02 15:00:00", ts.reference().max());
        assertNull(ts.outOfRange());
        assertEquals("identifier", report.column("id").orElseThrow().kind());
        // integer columns keep exact integer bounds (a JSON integer, not 18.0)
        assertEquals(Long.class, report.column("age").orElseThrow().reference().min().getClass());
        assertEquals(Double.class, report.column("amount").orElseThrow().reference().min().getClass());
    }

    @Test
    void jsonHasTheContractShape() throws IOException {
        JsonNode json = new ObjectMapper().valueToTree(report);
        JsonNode country = null;
        for (JsonNode c : json.get("columns")) {
            if (c.get("name").asText().equals("country")) {
                country = c;
            }
        }
        assertNotNull(country);
        assertEquals("categorical", country.get("kind").asText());
        for (String side : List.of("reference", "current")) {
            for (String field : List.of("rows", "nulls", "null_share", "distinct", "min", "max")) {
                assertTrue(country.get(side).has(field), side + "." + field);
            }
        }
        assertTrue(country.get("new_categories").isArray());
        assertTrue(country.has("out_of_range"));
        assertEquals("critical", country.get("severity").asText());
        assertTrue(json.get("schema").get("type_changed").get(0).has("reference_type"));
        assertEquals(0.05, json.get("thresholds").get("null_share_warning").asDouble());
    }

    @Test
    void thresholdsAreConfigurable() {
        QualityThresholds lenient = new QualityThresholds(0.5, 0.9, 0.9, 1.0, 0.5, 0.9);
        SliceResolver slices = new SliceResolver(workspace.connection());
        QualityReport r = DataQuality.compare(workspace.connection(), slices.resolve("reference", null),
                slices.resolve("current", null), lenient);
        assertEquals(Severity.OK, r.column("amount").orElseThrow().severity(), r.column("amount").get().findings().toString());
        assertEquals(Severity.OK, r.column("country").orElseThrow().severity());
        assertThrows(UsageException.class, () -> new QualityThresholds(0.3, 0.2, 0, 0.1, 0.01, 0.1));
    }

    @Test
    void identicalSlicesAreOkAndFiltersApply() {
        SliceResolver slices = new SliceResolver(workspace.connection());
        Slice ref = slices.resolve("reference", null);
        QualityReport same = DataQuality.compare(workspace.connection(), ref, ref);
        assertEquals(Severity.OK, same.severity(), same.columnsAtLeast(Severity.WARNING).toString());
        Slice filtered = slices.resolve("reference", "country = 'DE'");
        QualityReport r = DataQuality.compare(workspace.connection(), ref, filtered);
        ColumnQuality country = r.column("country").orElseThrow();
        assertEquals(0L, country.current().nulls());
        assertEquals(1L, country.current().distinct());
        assertEquals("country = 'DE'", r.current().where());
        TableInfo t = ref.table();
        assertEquals(t.rows(), r.reference().rows());
    }

    @Test
    void emptySlicesDoNotBreak() throws SQLException {
        SliceResolver slices = new SliceResolver(workspace.connection());
        Slice none = slices.resolve("current", "FALSE");
        QualityReport r = DataQuality.compare(workspace.connection(), slices.resolve("reference", null), none);
        assertEquals(0, r.current().rows());
        ColumnQuality amount = r.column("amount").orElseThrow();
        assertEquals(0.0, amount.current().nullShare());
        assertNull(amount.current().min());
        assertEquals(0L, amount.outOfRange());
    }
}
