package org.inquest.analysis.quality;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Quantiles with linear interpolation from order statistics, as numpy's default method (and DuckDB's
 * {@code quantile_cont}): for n values and fraction q, the virtual index h = (n − 1)·q lies between the order
 * statistics x_⌊h⌋ and x_⌊h⌋+1, interpolated with numpy's two-sided lerp.
 */
final class Interpolation {
    private Interpolation() {
    }

    /** The 0-based ranks whose values {@link #quantiles} needs: ⌊h⌋ and ⌊h⌋ + 1 (capped at n − 1) per fraction. */
    static long[] ranks(long n, double[] fractions) {
        long[] ranks = new long[2 * fractions.length];
        for (int i = 0; i < fractions.length; i++) {
            long low = (long) Math.floor((n - 1) * fractions[i]);
            ranks[2 * i] = low;
            ranks[2 * i + 1] = Math.min(low + 1, n - 1);
        }
        return ranks;
    }

    /** The quantiles from the values at {@link #ranks}, in the same order. */
    static Map<String, Double> quantiles(long n, double[] fractions, String[] keys, long[] ranks,
                                         List<Object> values) {
        Map<String, Double> out = new LinkedHashMap<>();
        for (int i = 0; i < fractions.length; i++) {
            Object low = values.get(2 * i);
            Object high = values.get(2 * i + 1);
            if (low == null || high == null) {
                out.put(keys[i], null);
                continue;
            }
            double h = (n - 1) * fractions[i];
            out.put(keys[i], lerp(((Number) low).doubleValue(), ((Number) high).doubleValue(), h - ranks[2 * i]));
        }
        return out;
    }

    /** numpy's lerp: a + (b − a)·t below t = 0.5, b − (b − a)·(1 − t) from it. */
    static double lerp(double a, double b, double t) {
        double d = b - a;
        return t >= 0.5 ? b - d * (1 - t) : a + d * t;
    }
}
