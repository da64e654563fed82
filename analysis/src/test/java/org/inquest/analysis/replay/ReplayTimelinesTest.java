package org.inquest.analysis.replay;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import org.inquest.analysis.slice.Slice;
import org.inquest.analysis.slice.SliceResolver;
import org.inquest.connectors.error.UsageException;
import org.inquest.connectors.workspace.Workspace;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The replay timeline against numpy: {@code make_replay_fixtures.py} computed every bucket's volume, p95 latency,
 * error rate (from a status column and from linked error spans), mean score, accuracy, labeled count and the
 * features' PSI (drift contract's bins), null share and mean, at 1 and 5 minutes.
 */
class ReplayTimelinesTest {
    static final double EPS = 1e-9;
    @TempDir
    static Path dir;
    static Workspace workspace;
    static JsonNode expected;

    @BeforeAll
    static void load() throws Exception {
        workspace = ReplayFixture.open(dir);
        expected = ReplayFixture.expected();
    }

    @AfterAll
    static void close() {
        workspace.close();
    }

    static ReplayTimeline replay(String table, ReplayOptions options) {
        SliceResolver r = new SliceResolver(workspace.connection());
        return new ReplayTimelines(workspace.connection()).compute(r.resolve("ref", null), r.resolve(table, null),
                options);
    }

    @Test
    void perMinuteMatchesNumpyWithStatusErrorsAndNumericalFeature() {
        ReplayTimeline t = replay("preds", ReplayOptions.defaults().withFeature("amount"));
        assertEquals("1m", t.bucket());
        assertEquals(60, t.bucketSeconds());
        assertEquals(expected.get("rows").asLong(), t.rows());
        assertEquals(1, t.rowsWithoutTime());
        assertEquals("column status", t.errorSource());
        assertEquals("label = prediction", t.accuracySource());
        assertArrayEquals(doubles(expected.get("edges")),
                t.feature().edges().stream().mapToDouble(Double::doubleValue).toArray(), EPS);
        assertEquals(expected.get("reference_amount_null_share").asDouble(), t.feature().referenceNullShare(), EPS);
        assertEquals(expected.get("reference_amount_mean").asDouble(), t.feature().referenceMean(), EPS);
        assertBuckets(expected.get("minute"), t, "status", "amount");
        // minutes 10 to 13 after the first are empty but present
        assertTrue(t.buckets().stream().filter(b -> b.rows() == 0).count() >= 3);
        assertEquals("2026-09-22 13:58:00", t.start());
    }

    @Test
    void fiveMinutesWithTraceErrorsAndCategoricalFeature() {
        ReplayTimeline t = replay("preds_traced", ReplayOptions.defaults().withFeature("region")
                .withBucket(BucketWidth.parse("5m")));
        assertEquals("5m", t.bucket());
        assertEquals("spans", t.spansTable());
        assertTrue(t.errorSource().startsWith("spans table spans"));
        assertEquals("categorical", t.feature().kind());
        assertBuckets(expected.get("five_minutes"), t, "traces", "region");
    }

    @Test
    void explicitSpansTableMustBeOne() {
        assertThrows(UsageException.class, () -> replay("preds_traced", ReplayOptions.defaults()
                .withSpansTable("ref")));
        assertThrows(UsageException.class, () -> replay("preds", ReplayOptions.defaults().withFeature("nosuch")));
    }

    @Test
    void filteredSliceOnlyReplaysItsRows() {
        SliceResolver r = new SliceResolver(workspace.connection());
        Slice cur = r.resolve("preds", "region = 'EU'");
        ReplayTimeline t = new ReplayTimelines(workspace.connection()).compute(r.resolve("ref", null), cur,
                ReplayOptions.defaults().withFeature("region"));
        long eu = t.buckets().stream().mapToLong(ReplayBucket::rows).sum();
        assertEquals(eu, org.inquest.analysis.slice.SliceQueries.count(workspace.connection(), cur) - t.rowsWithoutTime());
        // every row of the slice is EU, so the region's null share is 0 wherever there are rows
        t.buckets().stream().filter(b -> b.rows() > 0).forEach(b -> assertEquals(0.0, b.featureNullShare()));
    }

    static void assertBuckets(JsonNode want, ReplayTimeline got, String errors, String feature) {
        assertEquals(want.size(), got.buckets().size());
        for (int i = 0; i < want.size(); i++) {
            JsonNode w = want.get(i);
            ReplayBucket g = got.buckets().get(i);
            String what = "bucket " + i + " (" + g.start() + ")";
            assertEquals(i, g.index(), what);
            assertEquals(w.get("start_micros").asLong(), g.startMicros(), what);
            assertEquals(w.get("rows").asLong(), g.rows(), what);
            assertNear(w.get("p95_latency_ms"), g.p95LatencyMs(), what + " p95");
            assertNear(w.get("error_rate_" + errors), g.errorRate(), what + " error rate");
            assertEquals(w.get("error_checked_" + errors).asLong(), g.errorChecked(), what);
            assertNear(w.get("mean_score"), g.meanScore(), what + " mean score");
            assertNear(w.get("accuracy"), g.accuracy(), what + " accuracy");
            assertEquals(w.get("labeled").asLong(), g.labeled(), what);
            assertNear(w.get(feature + "_psi"), g.featurePsi(), what + " psi");
            assertNear(w.get(feature + "_null_share"), g.featureNullShare(), what + " null share");
            if (w.has(feature + "_mean")) {
                assertNear(w.get(feature + "_mean"), g.featureMean(), what + " mean");
            } else {
                assertNull(g.featureMean(), what);
            }
        }
    }

    static void assertNear(JsonNode want, Double got, String what) {
        if (want == null || want.isNull()) {
            assertNull(got, what);
        } else {
            assertEquals(want.asDouble(), got, EPS * Math.max(1, Math.abs(want.asDouble())), what);
        }
    }

    static double[] doubles(JsonNode array) {
        double[] d = new double[array.size()];
        for (int i = 0; i < d.length; i++) {
            d[i] = array.get(i).asDouble();
        }
        return d;
    }
}
