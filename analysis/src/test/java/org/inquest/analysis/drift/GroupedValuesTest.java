package org.inquest.analysis.drift;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.inquest.analysis.slice.Slice;
import org.inquest.analysis.slice.SqlFragment;
import org.inquest.connectors.catalog.Catalog;
import org.inquest.connectors.workspace.Workspace;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The merge of two value-count lists in the JVM gives the sorted query's numbers ({@link SortedMerge}, both of its
 * plans, whose values {@link DriftReferenceTest} checks against scipy) and its bin counts
 * ({@link CountQueries#binCounts}): KS, distinct count, deciles and bins equal, Wasserstein equal up to the order
 * in which the same products are summed.
 */
class GroupedValuesTest {
    @TempDir
    static Path dir;
    static Workspace workspace;
    static Connection c;

    @BeforeAll
    static void load() throws Exception {
        workspace = Workspace.open(dir.resolve("grouped.duckdb"));
        c = workspace.connection();
        for (String fixture : List.of("large", "small", "wide")) {
            DriftFixtures.load(c, fixture);
        }
        try (Statement s = c.createStatement()) {
            // Ties on decile edges, values on one side only, -0.0 next to 0.0, NaN (above everything) and nulls.
            s.execute("CREATE TABLE edge (side VARCHAR, i INTEGER, d DOUBLE)");
            s.execute("INSERT INTO edge SELECT 'ref', (k % 7)::INTEGER, CASE WHEN k % 11 = 0 THEN -0.0"
                    + " WHEN k % 13 = 0 THEN 'NaN'::DOUBLE WHEN k % 17 = 0 THEN NULL ELSE (k % 9) / 4.0 END"
                    + " FROM range(1000) t(k)");
            s.execute("INSERT INTO edge SELECT 'cur', (k % 10 + 3)::INTEGER, CASE WHEN k % 5 = 0 THEN 0.0"
                    + " WHEN k % 19 = 0 THEN 'NaN'::DOUBLE ELSE (k % 12) / 4.0 + 0.125 END FROM range(700) t(k)");
        }
    }

    @AfterAll
    static void close() {
        workspace.close();
    }

    private static Slice side(String table, String side) {
        return new Slice(new Catalog(c).table(table), "side = '" + side + "'", SqlFragment.of("side = ?", side));
    }

    @Test
    void theMergeInTheJvmGivesTheSortedQuerysNumbers() throws Exception {
        int compared = 0;
        for (String fixture : List.of("large", "small", "wide")) {
            for (String feature : DriftFixtures.features(fixture)) {
                // Continuous features with more values than the JVM reads keep the query.
                if (DriftFixtures.EXPECTED.get(fixture).get("features").get(feature).get("kind").asText()
                        .equals("numerical") && GroupedValues.read(c, side(fixture, "ref"), feature) != null
                        && GroupedValues.read(c, side(fixture, "cur"), feature) != null) {
                    assertSameAsQuery(fixture, feature);
                    compared++;
                }
            }
        }
        assertSameAsQuery("edge", "i");
        assertSameAsQuery("edge", "d");
        assertTrue(compared >= 2, "numerical fixture features compared: " + compared);
    }

    private static void assertSameAsQuery(String table, String column) throws Exception {
        Slice ref = side(table, "ref");
        Slice cur = side(table, "cur");
        GroupedValues r = GroupedValues.read(c, ref, column);
        GroupedValues m = GroupedValues.read(c, cur, column);
        assertNotNull(r, table + "." + column);
        assertNotNull(m, table + "." + column);
        SortedMerge.Result jvm = GroupedValues.merge(r, m);
        String what = table + "." + column;
        for (SortedMerge.Source source : SortedMerge.Source.values()) {
            SortedMerge.Result query = SortedMerge.run(c, ref, cur, column, r.total(), m.total(), source);
            assertEquals(query.ks(), jvm.ks(), what + " KS (" + source + ")");
            assertEquals(query.distinct(), jvm.distinct(), what + " distinct (" + source + ")");
            assertArrayEquals(query.deciles(), jvm.deciles(), what + " deciles (" + source + ")");
            if (Double.isNaN(query.wasserstein())) {
                assertTrue(Double.isNaN(jvm.wasserstein()), what + " Wasserstein NaN (" + source + ")");
            } else {
                assertEquals(query.wasserstein(), jvm.wasserstein(), Math.abs(query.wasserstein()) * 1e-12 + 1e-300,
                        what + " Wasserstein (" + source + ")");
            }
        }
        double[] edges = Arrays.stream(jvm.deciles()).distinct().sorted().toArray();
        Map<String, double[]> one = Map.of(column, edges);
        assertArrayEquals(CountQueries.binCounts(c, ref, one).get(column), r.bins(edges), what + " reference bins");
        assertArrayEquals(CountQueries.binCounts(c, cur, one).get(column), m.bins(edges), what + " current bins");
    }

    @Test
    void aListLongerThanTheLimitIsNotRead() throws Exception {
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TABLE many AS SELECT 'ref' AS side, k::INTEGER AS v FROM range("
                    + (GroupedValues.MAX_VALUES + 1) + ") t(k)");
        }
        assertNull(GroupedValues.read(c, side("many", "ref"), "v"));
        assertEquals(GroupedValues.MAX_VALUES, GroupedValues.read(c, new Slice(new Catalog(c).table("many"),
                "v > 0", SqlFragment.of("v > ?", 0)), "v").size());
    }

    @Test
    void duckDbsOrderOfDoubles() {
        assertEquals(0, GroupedValues.compare(-0.0, 0.0));
        assertEquals(0, GroupedValues.compare(Double.NaN, Double.NaN));
        assertEquals(1, GroupedValues.compare(Double.NaN, Double.POSITIVE_INFINITY));
        assertEquals(-1, GroupedValues.compare(Double.NEGATIVE_INFINITY, -Double.MAX_VALUE));
    }
}
