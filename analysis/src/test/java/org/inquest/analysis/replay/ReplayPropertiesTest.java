package org.inquest.analysis.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.sql.Statement;
import java.util.List;
import org.inquest.analysis.slice.SliceResolver;
import org.inquest.connectors.catalog.Catalog;
import org.inquest.connectors.catalog.ColumnInfo;
import org.inquest.connectors.catalog.ColumnRole;
import org.inquest.connectors.catalog.FeatureKind;
import org.inquest.connectors.error.UsageException;
import org.inquest.connectors.workspace.Workspace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Properties of the replay that hold for any data, and the bucket-width rule. */
class ReplayPropertiesTest {
    @TempDir
    Path dir;

    /**
     * Each minute of the current slice holds exactly the reference's values (shuffled in time, random per seed):
     * every bucket's PSI is 0, its null share and mean are the reference's.
     */
    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3})
    void identicalDataHasZeroDrift(int seed) throws Exception {
        try (Workspace ws = Workspace.open(dir.resolve("p" + seed + ".duckdb"))) {
            try (Statement s = ws.connection().createStatement()) {
                s.execute("SELECT setseed(0." + seed + ")");
                s.execute("CREATE TABLE ref AS SELECT i, CASE WHEN random() < 0.1 THEN NULL ELSE"
                        + " round(random() * 1000, 1) END AS x, ['a', 'b', 'c', NULL][1 + (i * 7) % 4] AS c"
                        + " FROM range(200) t(i)");
                // five minutes, each a copy of ref, rows in random order within the minute
                s.execute("CREATE TABLE cur AS SELECT TIMESTAMP '2026-09-01 10:00:00' + INTERVAL (m) MINUTE"
                        + " + INTERVAL (CAST(floor(random() * 59000000) AS BIGINT)) MICROSECOND AS ts, x, c"
                        + " FROM ref, range(5) m(m) ORDER BY random()");
            }
            Catalog catalog = new Catalog(ws.connection());
            catalog.saveTable("ref", "snapshot", List.of(new ColumnInfo("i", "BIGINT", ColumnRole.ID, null),
                    new ColumnInfo("x", "DOUBLE", ColumnRole.FEATURE, FeatureKind.NUMERICAL),
                    new ColumnInfo("c", "VARCHAR", ColumnRole.FEATURE, FeatureKind.CATEGORICAL)));
            catalog.saveTable("cur", "predictions", List.of(new ColumnInfo("ts", "TIMESTAMP", ColumnRole.TIMESTAMP,
                    null), new ColumnInfo("x", "DOUBLE", ColumnRole.FEATURE, FeatureKind.NUMERICAL),
                    new ColumnInfo("c", "VARCHAR", ColumnRole.FEATURE, FeatureKind.CATEGORICAL)));
            SliceResolver r = new SliceResolver(ws.connection());
            ReplayTimelines replay = new ReplayTimelines(ws.connection());
            for (String feature : List.of("x", "c")) {
                ReplayTimeline t = replay.compute(r.resolve("ref", null), r.resolve("cur", null),
                        ReplayOptions.defaults().withFeature(feature));
                assertEquals(5, t.buckets().size());
                for (ReplayBucket b : t.buckets()) {
                    assertEquals(200, b.rows());
                    assertEquals(0.0, b.featurePsi(), 1e-12, feature + " " + b.start());
                    assertEquals(t.feature().referenceNullShare(), b.featureNullShare(), 1e-12);
                    if (feature.equals("x")) {
                        assertEquals(t.feature().referenceMean(), b.featureMean(), 1e-9);
                    }
                }
            }
        }
    }

    @Test
    void bucketWidthCoarsensForLongSlices() {
        long day = 86_400_000_000L;
        long start = 1_788_220_800_000_000L; // 2026-09-01 00:00 UTC
        assertEquals("1m", BucketWidth.choose(BucketWidth.MINUTE, start, start + 2 * day - 1).text());
        // 30 days: 43,200 minutes, 8,640 five-minute buckets, 2,880 quarter hours
        assertEquals("15m", BucketWidth.choose(BucketWidth.MINUTE, start, start + 30 * day - 1).text());
        assertEquals("1h", BucketWidth.choose(BucketWidth.parse("1h"), start, start + 30 * day - 1).text());
        assertEquals(2880, BucketWidth.parse("15m").bucketsBetween(start, start + 30 * day - 1));
        assertEquals(3, BucketWidth.parse("5m").bucketsBetween(start + 1, start + 11 * 60_000_000L));
        assertEquals(90, BucketWidth.parse("90s").seconds());
        assertThrows(UsageException.class, () -> BucketWidth.parse("5x"));
        assertThrows(UsageException.class, () -> BucketWidth.parse("0m"));
    }
}
