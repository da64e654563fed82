package org.inquest.analysis.quality;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.nio.file.Path;
import java.util.SortedMap;
import java.util.TreeMap;
import org.inquest.analysis.drift.DriftAnalysis;
import org.inquest.analysis.drift.DriftOptions;
import org.inquest.analysis.slice.Slice;
import org.inquest.analysis.slice.SliceResolver;
import org.inquest.analysis.slice.ValueCounts;
import org.inquest.connectors.workspace.Workspace;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The quality section reading drift's per-value counts (ADR 0131) gives exactly the comparison it computes by its
 * own scans, on the numpy quality fixture: an integer feature wholly from its counts ({@code age}: bounds, moments,
 * out-of-range) and a categorical feature's categories ({@code country}); and it does read them, a DOUBLE
 * feature's distinct count too (altered counts change the result). {@code ReportReuseTest} has a DOUBLE feature
 * with few values, which drift counts.
 */
class ReusedCountsTest {
    @TempDir
    static Path dir;
    static Workspace workspace;
    static Slice reference;
    static Slice current;
    static QualityReport direct;

    @BeforeAll
    static void load() throws Exception {
        workspace = QualityFixture.open(dir, "reused.duckdb");
        SliceResolver slices = new SliceResolver(workspace.connection());
        reference = slices.resolve("reference", null);
        current = slices.resolve("current", null);
        direct = compare(null);
    }

    @AfterAll
    static void close() {
        workspace.close();
    }

    static QualityReport compare(ValueCounts counts) {
        return DataQuality.compare(workspace.connection(), reference, current, QualityThresholds.DEFAULTS, false,
                false, counts);
    }

    static ValueCounts fromDrift() {
        ValueCounts counts = new ValueCounts(reference, current);
        DriftAnalysis.run(workspace.connection(), reference, current, DriftOptions.defaults(), counts);
        return counts;
    }

    @Test
    void driftsCountsGiveTheSameComparison() {
        ValueCounts counts = fromDrift();
        assertNotNull(counts.numbers("age"), "drift hands over the integer feature");
        assertNotNull(counts.texts("country"), "drift hands over the categorical feature");
        assertEquals(direct, compare(counts));
    }

    @Test
    void countsOfOtherSlicesAreNotUsed() {
        ValueCounts other = new ValueCounts(current, reference);
        DriftAnalysis.run(workspace.connection(), current, reference, DriftOptions.defaults(), other);
        assertEquals(direct, compare(other));
    }

    @Test
    void theCountsAreRead() {
        ValueCounts real = fromDrift();
        ValueCounts altered = new ValueCounts(reference, current);
        ValueCounts.Numbers age = real.numbers("age").current();
        long[] counts = age.counts().clone();
        counts[counts.length - 1] += 5;
        altered.putNumbers("age", real.numbers("age").reference(), new ValueCounts.Numbers(age.values(), counts));
        // amount's values are all different: drift sorts them instead of counting them, so nothing to alter.
        ValueCounts.Numbers one = new ValueCounts.Numbers(new double[] {1.0}, new long[] {40});
        altered.putNumbers("amount", one, one);
        SortedMap<String, Long> country = new TreeMap<>(ValueCounts.TEXT_ORDER);
        country.putAll(real.texts("country").current());
        country.put("ZZ", 1_000L);
        altered.putTexts("country", real.texts("country").reference(), country);
        QualityReport q = compare(altered);
        assertNotEquals(direct.column("age").orElseThrow().current().mean(),
                q.column("age").orElseThrow().current().mean());
        assertEquals(1L, q.column("amount").orElseThrow().reference().distinct());
        assertEquals("ZZ", q.column("country").orElseThrow().current().top().get(0).value());
    }
}
