package org.inquest.analysis.quality;

import java.math.BigInteger;
import org.inquest.analysis.slice.ValueCounts;
import org.inquest.connectors.catalog.ColumnInfo;

/**
 * A numeric column's profile statistics from its per-value counts on a slice, read by another analysis
 * ({@link ValueCounts}, ADR 0131): the numbers {@link SliceProfiler}'s scan gives, without reading the rows.
 * Integer columns whose moments are exact sums ({@link IntegerMoments}) get everything here; other numeric columns
 * only their distinct count (their mean and standard deviation stay DuckDB's {@code avg} and {@code stddev_pop},
 * whose rounding a sum in another order would not reproduce).
 */
final class CountedStats {
    private CountedStats() {
    }

    /** Whether every statistic of the column can come from its counts. */
    static boolean whole(ColumnInfo column) {
        return IntegerMoments.applies(column.sqlType());
    }

    /**
     * The statistics of an integer column ({@link #whole}) with {@code rows} rows in the slice: the scan's null
     * count, exact distinct count, BIGINT bounds and moments from exact sums.
     */
    static ColumnStats of(long rows, ValueCounts.Numbers counts) {
        double[] values = counts.values();
        long n = counts.total();
        long nulls = rows - n;
        BigInteger sum = BigInteger.ZERO;
        BigInteger squares = BigInteger.ZERO;
        for (int k = 0; k < values.length; k++) {
            BigInteger x = BigInteger.valueOf((long) values[k]);
            BigInteger c = BigInteger.valueOf(counts.counts()[k]);
            sum = sum.add(x.multiply(c));
            squares = squares.add(x.multiply(x).multiply(c));
        }
        IntegerMoments moments = IntegerMoments.of(n, sum, squares);
        return new ColumnStats(rows, nulls, rows == 0 ? 0.0 : (double) nulls / rows, (long) values.length,
                values.length == 0 ? null : (Long) (long) values[0],
                values.length == 0 ? null : (Long) (long) values[values.length - 1],
                moments == null ? null : moments.mean(), moments == null ? null : moments.std(), null, null);
    }

    /** Values of an integer column outside the reference's [min, max], as the scan's {@code count_if} counts them. */
    static long outOfRange(ValueCounts.Numbers current, long min, long max) {
        long outside = 0;
        for (int k = 0; k < current.values().length; k++) {
            long x = (long) current.values()[k];
            if (x < min || x > max) {
                outside += current.counts()[k];
            }
        }
        return outside;
    }
}
