package org.inquest.analysis.quality;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Statement;
import org.inquest.analysis.slice.SliceResolver;
import org.inquest.connectors.workspace.Workspace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Approximate mode against values known by construction: column {@code v} holds 0 … N−1 once each (in a shuffled
 * order), so its distinct count is N and its q-quantile (linear interpolation) is q·(N−1). The estimated quantiles
 * must stay within the bound the report's note promises (1 % of rank); everything else must equal exact mode.
 */
class ApproximateQualityTest {
    private static final int N = 200_000;

    @TempDir
    Path dir;

    @Test
    void estimatesStayWithinTheDocumentedBounds() throws Exception {
        try (Workspace ws = Workspace.open(dir.resolve("approx.duckdb"))) {
            try (Statement s = ws.connection().createStatement()) {
                s.execute("CREATE TABLE a AS SELECT CAST(i AS DOUBLE) AS v, 'k' || (i % 1000) AS k FROM range(" + N
                        + ") r(i) ORDER BY hash(i)");
            }
            SliceResolver slices = new SliceResolver(ws.connection());
            QualityReport exact = DataQuality.compare(ws.connection(), slices.resolve("a", null),
                    slices.resolve("a", null));
            QualityReport approx = DataQuality.compare(ws.connection(), slices.resolve("a", null),
                    slices.resolve("a", null), QualityThresholds.DEFAULTS, true);
            assertFalse(exact.approximate());
            assertTrue(approx.approximate());
            assertTrue(approx.notes().contains(DataQuality.APPROXIMATE_NOTE));

            ColumnStats e = exact.column("v").orElseThrow().current();
            ColumnStats a = approx.column("v").orElseThrow().current();
            assertEquals(N, e.distinct());
            assertEquals(N, a.distinct());
            assertEquals(1000L, approx.column("k").orElseThrow().current().distinct());
            double[] qs = SliceProfiler.QUANTILES;
            for (int i = 0; i < qs.length; i++) {
                String key = SliceProfiler.QUANTILE_KEYS[i];
                double truth = qs[i] * (N - 1);
                assertEquals(truth, e.quantiles().get(key), 1e-6, key);
                assertTrue(Math.abs(a.quantiles().get(key) - truth) <= 0.01 * N,
                        key + " approx " + a.quantiles().get(key) + " vs " + truth);
            }
            // everything else is exact in both modes
            assertEquals(e.mean(), a.mean(), 1e-9);
            assertEquals(e.std(), a.std(), 1e-9);
            assertEquals(e.min(), a.min());
            assertEquals(e.max(), a.max());
        }
    }
}
