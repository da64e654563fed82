package org.inquest.analysis.latency;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.inquest.analysis.Fixtures;
import org.inquest.analysis.performance.Grouping;
import org.inquest.analysis.slice.Slice;
import org.inquest.analysis.slice.SliceResolver;
import org.inquest.connectors.catalog.ColumnRole;
import org.inquest.connectors.catalog.TableInfo;
import org.inquest.connectors.workspace.Workspace;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole slice and its groups from the (group, latency) cells of ADR 0101, against quantiles computed here from
 * the raw values the way numpy does (sorted values, virtual index (n − 1)·q, linear interpolation): repeated and
 * null latencies, a group without any latency, error flags with nulls, an empty slice.
 */
class LatencyGroupsTest {
    @TempDir
    Path dir;
    Workspace workspace;

    @BeforeEach
    void open() {
        workspace = Workspace.open(dir.resolve("w.duckdb"));
    }

    @AfterEach
    void close() {
        workspace.close();
    }

    private record Row(String group, Double latency, Integer error) {
    }

    private TableInfo table(List<Row> rows) {
        return Fixtures.create(workspace, "grp VARCHAR, latency_ms DOUBLE, error INTEGER", rows.stream()
                .map(r -> new Object[] {r.group(), r.latency(), r.error()}).toList(), Map.of("latency_ms",
                ColumnRole.LATENCY_MS, "grp", ColumnRole.MODEL_VERSION, "error", ColumnRole.FEATURE));
    }

    private static double percentile(double[] sorted, double q) {
        double h = (sorted.length - 1) * q;
        int lo = (int) Math.floor(h);
        int hi = Math.min(lo + 1, sorted.length - 1);
        double t = h - lo;
        double d = sorted[hi] - sorted[lo];
        return t >= 0.5 ? sorted[hi] - d * (1 - t) : sorted[lo] + d * t;
    }

    private static void assertLatency(List<Row> rows, Latency l) {
        double[] values = rows.stream().filter(r -> r.latency() != null).mapToDouble(Row::latency).sorted()
                .toArray();
        assertEquals(rows.size(), l.rows());
        assertEquals(values.length, l.measured());
        if (values.length == 0) {
            assertNull(l.p50());
            assertNull(l.mean());
            assertNull(l.max());
        } else {
            assertEquals(percentile(values, 0.5), l.p50(), 1e-12);
            assertEquals(percentile(values, 0.95), l.p95(), 1e-12);
            assertEquals(percentile(values, 0.99), l.p99(), 1e-12);
            assertEquals(Arrays.stream(values).average().orElseThrow(), l.mean(), 1e-9);
            assertEquals(values[values.length - 1], l.max(), 0.0);
        }
        long flagged = rows.stream().filter(r -> r.error() != null).count();
        if (flagged == 0) {
            assertNull(l.errorRate());
        } else {
            assertEquals(rows.stream().filter(r -> r.error() != null && r.error() != 0).count() / (double) flagged,
                    l.errorRate(), 1e-15);
        }
        assertEquals("error", l.errorColumn());
    }

    @Test
    void theWholeSliceAndEachGroupMatchQuantilesOfTheRawValues() {
        Random random = new Random(11);
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < 4000; i++) {
            String g = i % 10 == 0 ? "v2" : i % 97 == 0 ? null : "v1";
            // Latencies at a 0.01 ms resolution repeat; some are missing, as are some error flags.
            Double latency = random.nextInt(30) == 0 ? null
                    : Math.round(Math.exp(random.nextGaussian() + (g == null ? 2 : 3)) * 100) / 100.0;
            Integer error = random.nextInt(20) == 0 ? null : random.nextInt(15) == 0 ? 1 : 0;
            rows.add(new Row(g, latency, error));
        }
        // A group without any latency.
        rows.add(new Row("v3", null, 0));
        rows.add(new Row("v3", null, null));
        TableInfo t = table(rows);
        LatencyAnalyzer analyzer = new LatencyAnalyzer(workspace.connection());
        LatencyAnalyzer.WithGroups both = analyzer.analyzeWithOverall(Slice.whole(t), Grouping.byColumn("grp"))
                .orElseThrow();
        assertLatency(rows, both.overall());
        assertEquals(List.of("(null)", "v1", "v2", "v3"), List.copyOf(both.groups().keySet()));
        for (String g : both.groups().keySet()) {
            List<Row> own = rows.stream().filter(r -> g.equals(r.group() == null ? "(null)" : r.group())).toList();
            assertLatency(own, both.groups().get(g));
        }
        assertLatency(rows, analyzer.analyze(Slice.whole(t)).orElseThrow());
    }

    @Test
    void anEmptySliceHasZeroRowsAndNoQuantiles() {
        TableInfo t = table(List.of(new Row("v1", 12.0, 0)));
        Slice none = new SliceResolver(workspace.connection()).resolve("t", "latency_ms > 100", "current");
        LatencyAnalyzer analyzer = new LatencyAnalyzer(workspace.connection());
        LatencyAnalyzer.WithGroups both = analyzer.analyzeWithOverall(none, Grouping.byColumn("grp")).orElseThrow();
        assertEquals(0, both.overall().rows());
        assertNull(both.overall().p95());
        assertNull(both.overall().errorRate());
        assertEquals("error", both.overall().errorColumn());
        assertEquals(Map.of(), both.groups());
        assertEquals(0, analyzer.analyze(none).orElseThrow().rows());
    }
}
