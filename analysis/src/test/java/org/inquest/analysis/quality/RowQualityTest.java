package org.inquest.analysis.quality;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Path;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.inquest.analysis.slice.SliceResolver;
import org.inquest.connectors.catalog.Catalog;
import org.inquest.connectors.catalog.ColumnInfo;
import org.inquest.connectors.catalog.ColumnRole;
import org.inquest.connectors.catalog.FeatureKind;
import org.inquest.connectors.workspace.Workspace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One row's flags against a hand-made reference: ref has amount 0..100 (101 rows, one null amount added),
 * region EU/US, tier 1/2 (categorical numbers); the checked rows come from {@code cur}, which has an extra column
 * {@code device} the reference lacks.
 */
class RowQualityTest {
    @TempDir
    Path dir;

    @Test
    void nullOutOfRangeNewCategoryAndMissingColumn() throws Exception {
        try (Workspace ws = Workspace.open(dir.resolve("w.duckdb"))) {
            try (Statement s = ws.connection().createStatement()) {
                s.execute("CREATE TABLE ref AS SELECT i * 1.0 AS amount, CASE WHEN i % 2 = 0 THEN 'EU' ELSE 'US' END"
                        + " AS region, 1 + i % 2 AS tier FROM range(101) t(i)");
                s.execute("INSERT INTO ref VALUES (NULL, 'EU', 1)");
                s.execute("CREATE TABLE cur (id INTEGER, amount DOUBLE, region VARCHAR, tier INTEGER, device VARCHAR)");
            }
            Catalog catalog = new Catalog(ws.connection());
            List<ColumnInfo> shared = List.of(new ColumnInfo("amount", "DOUBLE", ColumnRole.FEATURE,
                    FeatureKind.NUMERICAL), new ColumnInfo("region", "VARCHAR", ColumnRole.FEATURE,
                    FeatureKind.CATEGORICAL), new ColumnInfo("tier", "INTEGER", ColumnRole.FEATURE,
                    FeatureKind.CATEGORICAL));
            catalog.saveTable("ref", "snapshot", shared);
            List<ColumnInfo> cur = new java.util.ArrayList<>();
            cur.add(new ColumnInfo("id", "INTEGER", ColumnRole.ID, null));
            cur.addAll(shared);
            cur.add(new ColumnInfo("device", "VARCHAR", ColumnRole.FEATURE, FeatureKind.CATEGORICAL));
            catalog.saveTable("cur", "predictions", cur);
            SliceResolver resolver = new SliceResolver(ws.connection());
            RowQuality quality = new RowQuality(ws.connection());

            Map<String, Object> row = new LinkedHashMap<>();
            row.put("id", 7);
            row.put("amount", 150.5);
            row.put("region", "APAC");
            row.put("tier", 2);
            row.put("device", "ios");
            List<RowQuality.Check> checks = quality.check(resolver.resolve("ref", null), catalog.table("cur"), row);
            assertEquals(List.of("amount", "region", "tier", "device"),
                    checks.stream().map(RowQuality.Check::column).toList());
            assertEquals(RowQuality.OUT_OF_RANGE, checks.get(0).flag());
            assertEquals("outside the reference range [0, 100]", checks.get(0).detail());
            assertEquals(RowQuality.NEW_CATEGORY, checks.get(1).flag());
            assertNull(checks.get(2).flag(), "tier 2 is half the reference");
            // 50 of the 102 reference rows have tier 2 (odd i in 0..100)
            assertEquals("49.0% of the reference", checks.get(2).detail());
            assertEquals(RowQuality.NOT_IN_REFERENCE, checks.get(3).flag());

            row.put("amount", null);
            row.put("region", "US");
            checks = quality.check(resolver.resolve("ref", null), catalog.table("cur"), row);
            assertEquals(RowQuality.NULL, checks.get(0).flag());
            // 1 null in 102 rows
            assertEquals("missing value (1.0% of the reference is null)", checks.get(0).detail());
            assertNull(checks.get(1).flag());

            // the reference slice's filter bounds the range: with amount <= 40 the value 50 is out of range
            row.put("amount", 50.0);
            checks = quality.check(resolver.resolve("ref", "amount <= 40"), catalog.table("cur"), row);
            assertEquals(RowQuality.OUT_OF_RANGE, checks.get(0).flag());
            assertEquals("outside the reference range [0, 40]", checks.get(0).detail());
            checks = quality.check(resolver.resolve("ref", null), catalog.table("cur"), row);
            assertNull(checks.get(0).flag());
            assertEquals("within [0, 100]", checks.get(0).detail());
        }
    }
}
