package org.inquest.app.ui.segments;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.inquest.analysis.segments.Segment;
import org.inquest.analysis.slice.Slice;
import org.inquest.analysis.slice.SliceQueries;
import org.inquest.analysis.slice.SliceResolver;
import org.inquest.connectors.catalog.Catalog;
import org.inquest.connectors.catalog.ColumnInfo;
import org.inquest.connectors.catalog.ColumnRole;
import org.inquest.connectors.catalog.FeatureKind;
import org.inquest.connectors.catalog.TableInfo;
import org.inquest.connectors.workspace.Workspace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A segment double-clicked in the Segments tab becomes a filter that selects exactly the segment's rows: counted
 * by hand on a table whose values sit on and just beside the range bounds (including a bound with no short
 * decimal form, 0.1 + 0.2, and one that {@code Double.toString} would print in exponent notation, 1e7).
 */
class SegmentConditionTest {
    @TempDir
    Path dir;

    @Test
    void rangesCategoriesAndNullsSelectExactlyTheSegmentsRows() throws Exception {
        try (Workspace w = Workspace.open(dir.resolve("w.duckdb"))) {
            try (Statement s = w.connection().createStatement()) {
                s.execute("CREATE TABLE t (amount DOUBLE, region VARCHAR)");
                // Doubles from text: DuckDB reads a bare 0.1 as a DECIMAL, and 0.1 + 0.2 would then be exactly 0.3.
                s.execute("INSERT INTO t VALUES ('0.3'::DOUBLE, 'EU'), ('0.1'::DOUBLE + '0.2'::DOUBLE, 'EU'),"
                        + " ('0.3000000000000001'::DOUBLE, 'EU'), (5, 'it''s'), (10000000, 'EU'),"
                        + " ('10000000.000000002'::DOUBLE, 'EU'), (NULL, 'EU'), (-2.5, 'US')");
            }
            Catalog catalog = new Catalog(w.connection());
            catalog.saveTable("t", "predictions", List.of(
                    new ColumnInfo("amount", "DOUBLE", ColumnRole.FEATURE, FeatureKind.NUMERICAL),
                    new ColumnInfo("region", "VARCHAR", ColumnRole.FEATURE, FeatureKind.CATEGORICAL)));
            TableInfo table = catalog.table("t");
            double low = 0.1 + 0.2; // 0.30000000000000004: one step above 0.3 and one below 0.3000000000000001

            // (low, 1e7]: 0.3000000000000001, 5 and 1e7.
            assertEquals(3, rows(w, table, binned(new Segment.Bin(low, 1e7))));
            // (-inf, low]: -2.5, 0.3 and low itself; the null is its own segment.
            assertEquals(3, rows(w, table, binned(new Segment.Bin(null, low))));
            // (1e7, +inf): only the value just above 1e7.
            assertEquals(1, rows(w, table, binned(new Segment.Bin(1e7, null))));
            assertEquals(1, rows(w, table, new Segment(Map.of("amount", Segment.NULL_VALUE))));

            // A pair: a range and a category whose value holds a quote.
            Map<String, String> conditions = new LinkedHashMap<>();
            conditions.put("amount", new Segment.Bin(low, 1e7).label());
            conditions.put("region", "it's");
            Segment pair = new Segment(conditions, Map.of("amount", new Segment.Bin(low, 1e7)));
            assertEquals(1, rows(w, table, pair));
            assertEquals(6, rows(w, table, Segment.of("region", "EU")));
        }
    }

    private static Segment binned(Segment.Bin bin) {
        return new Segment(Map.of("amount", bin.label()), Map.of("amount", bin));
    }

    private static long rows(Workspace w, TableInfo table, Segment segment) {
        String where = SegmentsViewModel.condition(segment, table);
        Slice slice = new SliceResolver(w.connection()).resolve("t", where);
        return SliceQueries.count(w.connection(), slice);
    }
}
