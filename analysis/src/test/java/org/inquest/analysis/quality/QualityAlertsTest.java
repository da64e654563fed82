package org.inquest.analysis.quality;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import org.inquest.analysis.slice.Slice;
import org.inquest.analysis.slice.SliceResolver;
import org.inquest.connectors.workspace.Workspace;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The overview's quality grades against the full report on the quality fixture (whose expected severities come
 * from {@code src/test/python/make_quality_fixture.py}): every finding kind — schema differences, null share,
 * constant, new categories, out of range — and several filtered slices of one table.
 */
class QualityAlertsTest {
    @TempDir
    static Path dir;
    static Workspace workspace;

    @BeforeAll
    static void load() throws Exception {
        workspace = QualityFixture.open(dir, "alerts.duckdb");
    }

    @AfterAll
    static void close() {
        workspace.close();
    }

    private static void assertSameGrades(Slice ref, Slice cur) {
        var c = workspace.connection();
        QualityAlerts full = QualityAlerts.of(DataQuality.compare(c, ref, cur));
        QualityAlerts fast = QualityAlerts.compare(c, QualityAlerts.reference(c, ref), cur);
        assertEquals(full, fast, ref.where() + " vs " + cur.where());
    }

    @Test
    void twoTablesGiveTheFixturesSeveritiesAndTheReportsFindings() {
        SliceResolver slices = new SliceResolver(workspace.connection());
        Slice ref = slices.resolve("reference", null);
        Slice cur = slices.resolve("current", null);
        assertSameGrades(ref, cur);
        JsonNode expected = QualityFixture.expected();
        QualityAlerts fast = QualityAlerts.compare(workspace.connection(),
                QualityAlerts.reference(workspace.connection(), ref), cur);
        Iterator<Map.Entry<String, JsonNode>> it = expected.get("columns").fields();
        int checked = 0;
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            QualityAlerts.ColumnAlert got = fast.columns().stream().filter(a -> a.name().equals(e.getKey()))
                    .findFirst().orElseThrow(() -> new AssertionError("no column " + e.getKey()));
            assertEquals(e.getValue().get("severity").asText(), got.severity().wireName(), e.getKey());
            checked++;
        }
        assertTrue(checked >= 8, "checked " + checked + " columns");
        assertEquals(1, fast.missingColumns());
        assertEquals(1, fast.addedColumns());
        assertTrue(fast.count(Severity.CRITICAL) > 0 && fast.count(Severity.WARNING) > 0, fast.toString());
    }

    @Test
    void filteredSlicesOfOneTableGradeAsTheFullReport() {
        SliceResolver slices = new SliceResolver(workspace.connection());
        String[][] pairs = {
            {"id < 20", "id >= 20"},
            {"id < 10", "id >= 30"},
            {"country = 'DE'", "country <> 'DE'"},
            {"amount < 50", "amount >= 50"},
            {"", "flag"},
            {"age > 40", "age IS NULL OR age <= 40"},
            // One country, or none at all, in the current slice: "constant" from the category counts.
            {"", "country = 'DE'"},
            {"id < 20", "country IS NULL"},
        };
        for (String[] p : pairs) {
            assertSameGrades(slices.resolve("reference", p[0]), slices.resolve("reference", p[1]));
            assertSameGrades(slices.resolve("reference", p[0]), slices.resolve("current", p[1].replace("flag",
                    "flag = true")));
        }
    }
}
