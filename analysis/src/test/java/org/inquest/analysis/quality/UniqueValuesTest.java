package org.inquest.analysis.quality;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Statement;
import org.inquest.analysis.slice.Slice;
import org.inquest.analysis.slice.SliceResolver;
import org.inquest.connectors.workspace.Workspace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Identifier-like text columns (every probed value different) take the sorted-hash proof of {@link UniqueValues};
 * when it fails the distinct count falls back to {@code count(DISTINCT)}. Known by construction (N = 100,000 rows,
 * i = 0 … N−1, text in no particular order):
 * <ul>
 *   <li>{@code u = md5(i)}, null when i is a multiple of 7: N − ⌈N/7⌉ = 85,714 values, all different;</li>
 *   <li>{@code d = md5(i)} for i &lt; 60,000, then {@code md5(i − 60,000)}: all different in the probe's first
 *       50,000 rows, then repeats — 60,000 distinct values of 100,000.</li>
 * </ul>
 */
class UniqueValuesTest {
    private static final int N = 100_000;

    @TempDir
    Path dir;

    @Test
    void uniqueIdentifiersAreProvenAndRepeatsFallBackToAnExactCount() throws Exception {
        try (Workspace ws = Workspace.open(dir.resolve("unique.duckdb"))) {
            try (Statement s = ws.connection().createStatement()) {
                s.execute("CREATE TABLE ids AS SELECT CASE WHEN i % 7 = 0 THEN NULL ELSE md5(CAST(i AS VARCHAR)) END"
                        + " AS u, md5(CAST(CASE WHEN i < 60000 THEN i ELSE i - 60000 END AS VARCHAR)) AS d"
                        + " FROM range(" + N + ") r(i) ORDER BY i");
            }
            Slice slice = new SliceResolver(ws.connection()).resolve("ids", null);
            long uValues = N - (N + 6) / 7;
            assertTrue(UniqueValues.proven(ws.connection(), slice, "u", uValues));
            assertFalse(UniqueValues.proven(ws.connection(), slice, "d", N));

            QualityReport r = DataQuality.compare(ws.connection(), slice, slice, QualityThresholds.DEFAULTS, false,
                    false);
            assertEquals(85_714L, uValues);
            assertEquals(uValues, r.column("u").orElseThrow().current().distinct());
            assertEquals(N - uValues, r.column("u").orElseThrow().current().nulls());
            assertEquals(60_000L, r.column("d").orElseThrow().current().distinct());
        }
    }
}
