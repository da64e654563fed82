package org.inquest.analysis.quality;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Statement;
import org.inquest.analysis.slice.Slice;
import org.inquest.analysis.slice.SliceResolver;
import org.inquest.connectors.workspace.Workspace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Columns stored in order take the streaming {@link OrderedPass}; a column that looks ordered in the probe but is
 * not falls back to {@code count(DISTINCT)}. The values are known by construction (N = 100,000 rows, i = 0 … N−1 in
 * insertion order):
 * <ul>
 *   <li>{@code v = i}: N distinct values, q-quantile q·(N−1);</li>
 *   <li>{@code t}: a timestamp per second, 10 rows each (N/10 distinct values);</li>
 *   <li>{@code s = 'id-' || lpad(i, 6, '0')}: text in order, N distinct values;</li>
 *   <li>{@code w = i} for i &lt; 60,000, then {@code i − 60,000}: in order for the probe's first 50,000 rows, then
 *       a step down. Sorted it is 0 … 39,999 twice each then 40,000 … 59,999 once: 60,000 distinct values, the
 *       k-th order statistic ⌊k/2⌋ for k &lt; 80,000 and 40,000 + (k − 80,000) above.</li>
 * </ul>
 */
class OrderedQualityTest {
    private static final int N = 100_000;

    @TempDir
    Path dir;

    @Test
    void orderedColumnsAreCountedInOnePassAndDisorderFallsBack() throws Exception {
        try (Workspace ws = Workspace.open(dir.resolve("ordered.duckdb"))) {
            try (Statement s = ws.connection().createStatement()) {
                s.execute("CREATE TABLE o AS SELECT CAST(i AS DOUBLE) AS v,"
                        + " TIMESTAMP '2026-01-01 00:00:00' + to_seconds(i // 10) AS t,"
                        + " 'id-' || lpad(CAST(i AS VARCHAR), 6, '0') AS s,"
                        + " CAST(CASE WHEN i < 60000 THEN i ELSE i - 60000 END AS INTEGER) AS w"
                        + " FROM range(" + N + ") r(i) ORDER BY i");
            }
            SliceResolver slices = new SliceResolver(ws.connection());
            Slice slice = slices.resolve("o", null);

            OrderedPass.Result v = OrderedPass.run(ws.connection(), slice, "v", new long[] {0, N - 1});
            assertTrue(v.ordered());
            assertEquals(N, v.distinct());
            assertEquals(0.0, ((Number) v.orderStatistics().get(0)).doubleValue());
            assertEquals(N - 1.0, ((Number) v.orderStatistics().get(1)).doubleValue());
            assertFalse(OrderedPass.run(ws.connection(), slice, "w", new long[0]).ordered());

            QualityReport r = DataQuality.compare(ws.connection(), slice, slice);
            ColumnStats vs = r.column("v").orElseThrow().current();
            assertEquals(N, vs.distinct());
            for (int i = 0; i < SliceProfiler.QUANTILES.length; i++) {
                assertEquals(SliceProfiler.QUANTILES[i] * (N - 1), vs.quantiles().get(SliceProfiler.QUANTILE_KEYS[i]),
                        1e-9, SliceProfiler.QUANTILE_KEYS[i]);
            }
            assertEquals(N / 10L, r.column("t").orElseThrow().current().distinct());
            assertEquals("2026-01-01 00:00:00", r.column("t").orElseThrow().current().min());
            assertEquals(N, r.column("s").orElseThrow().current().distinct());

            ColumnStats ws2 = r.column("w").orElseThrow().current();
            assertEquals(60_000L, ws2.distinct());
            // h = 0.5·(N−1) = 49,999.5 between x_49999 = 24,999 and x_50000 = 25,000
            assertEquals(24_999.5, ws2.quantiles().get("p50"), 1e-9);
            // h = 0.95·(N−1) = 94,999.05: x_94999 = 54,999 and x_95000 = 55,000
            assertEquals(54_999.05, ws2.quantiles().get("p95"), 1e-6);

            QualityReport noQuantiles = DataQuality.compare(ws.connection(), slice, slice, QualityThresholds.DEFAULTS,
                    false, false);
            assertNull(noQuantiles.column("v").orElseThrow().current().quantiles());
            assertEquals(N, noQuantiles.column("v").orElseThrow().current().distinct());
            assertEquals(60_000L, noQuantiles.column("w").orElseThrow().current().distinct());
        }
    }
}
