package org.inquest.analysis.quality;

import org.inquest.analysis.PreviousPlans;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.inquest.analysis.slice.Slice;
import org.inquest.analysis.slice.SliceResolver;
import org.inquest.analysis.sql.PreviousPlan;
import org.inquest.connectors.catalog.Catalog;
import org.inquest.connectors.catalog.ColumnInfo;
import org.inquest.connectors.catalog.ColumnRole;
import org.inquest.connectors.catalog.FeatureKind;
import org.inquest.connectors.workspace.Workspace;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Category counts per column grouped by each column's own values (ADR 0105) against hand counts and against the
 * earlier plan (every row cast to text, one grouping set per column): text with nulls, an integer column that is
 * text in the current table, a DOUBLE whose 0.0 and -0.0 are one value but two texts, a column of one side only.
 */
class CategoryCounterTest {
    @TempDir
    static Path dir;
    static Workspace workspace;

    @BeforeAll
    static void load() throws SQLException {
        workspace = Workspace.open(dir.resolve("categories.duckdb"));
        try (Statement s = workspace.connection().createStatement()) {
            s.execute("CREATE TABLE ref (c VARCHAR, k INTEGER, d DOUBLE, only_ref VARCHAR)");
            s.execute("CREATE TABLE cur (c VARCHAR, k VARCHAR, d DOUBLE)");
            s.execute("INSERT INTO ref VALUES ('a', 1, 0.0, 'x'), ('a', 1, CAST('-0.0' AS DOUBLE), 'x'),"
                    + " ('b', 2, 1.5, NULL), (NULL, NULL, NULL, 'y'), ('a', 3, 0.0, 'y')");
            s.execute("INSERT INTO cur VALUES ('b', '1', CAST('-0.0' AS DOUBLE)), ('c', '7', CAST('-0.0' AS DOUBLE)),"
                    + " ('c', '7', 2.5), ('d', NULL, 2.5), (NULL, '1', 0.0), ('b', '2', NULL)");
        }
        Catalog catalog = new Catalog(workspace.connection());
        for (String table : List.of("ref", "cur")) {
            List<ColumnInfo> columns = new ArrayList<>();
            for (ColumnInfo c : catalog.table(table).columns()) {
                columns.add(new ColumnInfo(c.name(), c.sqlType(), ColumnRole.FEATURE, FeatureKind.CATEGORICAL));
            }
            catalog.saveTable(table, "predictions", columns);
        }
    }

    @AfterAll
    static void close() {
        workspace.close();
    }

    private static Map<String, CategoryCounter.Categories> count() {
        SliceResolver slices = new SliceResolver(workspace.connection());
        Slice ref = slices.resolve("ref", null);
        Slice cur = slices.resolve("cur", null);
        List<CategoryCounter.Column> columns = List.of(new CategoryCounter.Column("c", "c", "c"),
                new CategoryCounter.Column("k", "k", "k"), new CategoryCounter.Column("d", "d", "d"),
                new CategoryCounter.Column("only_ref", "only_ref", null));
        return CategoryCounter.count(workspace.connection(), ref, cur, columns, 2, 1,
                Map.of("c", 4L, "k", 4L, "d", 4L, "only_ref", 4L), Map.of("c", 5L, "k", 5L, "d", 5L));
    }

    private static List<String> top(List<ColumnStats.CategoryCount> counts) {
        return counts.stream().map(t -> t.value() + "=" + t.count()).toList();
    }

    @Test
    void countsByHand() {
        Map<String, CategoryCounter.Categories> got = count();
        CategoryCounter.Categories c = got.get("c");
        assertEquals(List.of("a=3", "b=1"), top(c.referenceTop()));
        assertEquals(List.of("b=2", "c=2"), top(c.currentTop()));
        assertEquals(List.of("c"), c.newCategories());
        assertEquals(2, c.newCategoryCount());
        assertEquals(3, c.newCategoryRows());
        assertEquals(2, c.referenceDistinct());
        assertEquals(3, c.currentDistinct());
        CategoryCounter.Categories k = got.get("k");
        assertEquals(List.of("1=2", "2=1"), top(k.referenceTop()));
        assertEquals(List.of("7"), k.newCategories());
        assertEquals(3, k.currentDistinct());
        // 0.0 and -0.0 are compared as their texts, as the earlier plan did: two categories.
        CategoryCounter.Categories d = got.get("d");
        assertEquals(3, d.referenceDistinct());
        assertEquals(List.of("-0.0=2", "2.5=2"), top(d.currentTop()));
        assertEquals(List.of("2.5"), d.newCategories());
        assertEquals(1, d.newCategoryCount());
        CategoryCounter.Categories onlyRef = got.get("only_ref");
        assertEquals(2, onlyRef.referenceDistinct());
        assertEquals(0, onlyRef.currentDistinct());
    }

    @Test
    void bothPlansCountTheSame() {
        Map<String, CategoryCounter.Categories> now = count();
        assertEquals(now.toString(), PreviousPlans.with(PreviousPlan.QUALITY, true, CategoryCounterTest::count).toString());
    }
}
