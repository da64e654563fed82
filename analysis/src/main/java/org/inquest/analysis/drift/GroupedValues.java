package org.inquest.analysis.drift;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Set;
import org.inquest.analysis.slice.Slice;
import org.inquest.analysis.slice.ValueCounts;
import org.inquest.connectors.catalog.TableInfo;
import org.inquest.connectors.workspace.Identifiers;

/**
 * One slice's distinct non-null values of a numerical feature with their counts, in DuckDB's order (ADR 0063).
 * A feature with few distinct values (ages, scores, rounded amounts) has a short list whatever the number of rows,
 * so the sorted merge of two slices can run on the two lists in the JVM ({@link #merge}) instead of as a query
 * over both slices: the reference's list is read once per reference and each new current slice costs one grouped
 * count of its own column. The lists are read only up to {@link #MAX_VALUES} entries (memory stays bounded; a
 * longer list returns null and the feature keeps the query).
 *
 * <p>The numbers are those of {@link SortedMerge}: the running sum n·m·(F_ref − F_cur) in exact integers, KS its
 * largest absolute value over the gaps between distinct values, Wasserstein Σ|sum|·gap (one rounding per gap, in
 * value order, as the query's streaming sum), the distinct count over both slices and the reference's deciles at
 * numpy's order statistics. Values are compared as DuckDB compares DOUBLEs (−0.0 = 0.0, NaN equal to itself and
 * above everything); only column types whose values are exact as DOUBLE take this path.
 */
final class GroupedValues {
    /** The longest list read into the JVM (16 bytes an entry). */
    static final int MAX_VALUES = 20_000;
    /** Types every value of which is exactly a DOUBLE, so grouping by value and comparing as DOUBLE agree. */
    private static final Set<String> EXACT_AS_DOUBLE = Set.of("TINYINT", "SMALLINT", "INTEGER", "UTINYINT",
            "USMALLINT", "UINTEGER", "FLOAT", "DOUBLE");

    private final double[] values;
    private final long[] counts;
    private final long total;

    private GroupedValues(double[] values, long[] counts, long total) {
        this.values = values;
        this.counts = counts;
        this.total = total;
    }

    /** Whether a column's values can be merged in the JVM. */
    static boolean applies(TableInfo table, String column) {
        return table.column(column).map(c -> EXACT_AS_DOUBLE.contains(c.sqlType().toUpperCase(Locale.ROOT)))
                .orElse(false);
    }

    /** The slice's values and counts in order, or null when it has more than {@link #MAX_VALUES} of them. */
    static GroupedValues read(Connection connection, Slice slice, String column) throws SQLException {
        String c = Identifiers.quote(column);
        String sql = "SELECT CAST(x AS DOUBLE), n FROM (SELECT " + c + " AS x, count(*) AS n FROM " + slice.from()
                + " WHERE (" + slice.condition().sql() + ") AND " + c + " IS NOT NULL GROUP BY x) ORDER BY x LIMIT "
                + (MAX_VALUES + 1);
        double[] values = new double[64];
        long[] counts = new long[64];
        int size = 0;
        long total = 0;
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            slice.condition().bind(ps, 1);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    if (size == MAX_VALUES) {
                        return null;
                    }
                    if (size == values.length) {
                        values = java.util.Arrays.copyOf(values, size * 2);
                        counts = java.util.Arrays.copyOf(counts, size * 2);
                    }
                    values[size] = rs.getDouble(1);
                    counts[size] = rs.getLong(2);
                    total += counts[size];
                    size++;
                }
            }
        }
        return new GroupedValues(java.util.Arrays.copyOf(values, size), java.util.Arrays.copyOf(counts, size), total);
    }

    long total() {
        return total;
    }

    /** The values and counts, for another analysis of the same slice ({@link ValueCounts}). */
    ValueCounts.Numbers numbers() {
        return new ValueCounts.Numbers(values.clone(), counts.clone());
    }

    int size() {
        return values.length;
    }

    /** DuckDB's order of DOUBLEs: −0.0 equals 0.0, NaN equals NaN and is above every other value. */
    static int compare(double a, double b) {
        boolean nanA = Double.isNaN(a);
        boolean nanB = Double.isNaN(b);
        if (nanA || nanB) {
            return nanA == nanB ? 0 : nanA ? 1 : -1;
        }
        return a < b ? -1 : a > b ? 1 : 0;
    }

    /**
     * KS, Wasserstein, distinct count and the reference's deciles of {@code reference} against {@code current},
     * exactly as {@link SortedMerge} computes them from the same values.
     */
    static SortedMerge.Result merge(GroupedValues reference, GroupedValues current) {
        long n = reference.total;
        long m = current.total;
        long running = 0;
        long maxGap = 0;
        double wScaled = 0.0;
        long distinct = 0;
        double previous = Double.NaN;
        int i = 0;
        int j = 0;
        while (i < reference.values.length || j < current.values.length) {
            int order = i == reference.values.length ? 1 : j == current.values.length ? -1
                    : compare(reference.values[i], current.values[j]);
            double x = order <= 0 ? reference.values[i] : current.values[j];
            if (distinct > 0) {
                // The gap from the previous distinct value to this one, at the running sum left by the previous.
                long d = Math.abs(running);
                maxGap = Math.max(maxGap, d);
                wScaled += (double) d * (x - previous);
            }
            if (order <= 0) {
                running += reference.counts[i++] * m;
            }
            if (order >= 0) {
                running -= current.counts[j++] * n;
            }
            previous = x;
            distinct++;
        }
        double scale = (double) n * (double) m;
        boolean both = n > 0 && m > 0;
        return new SortedMerge.Result(both ? maxGap / scale : Double.NaN, both ? wScaled / scale : Double.NaN,
                distinct, reference.deciles());
    }

    /** numpy's deciles (linear interpolation between the order statistics around (n − 1)·q); NaN when empty. */
    double[] deciles() {
        double[] deciles = new double[SortedMerge.DECILES.length];
        for (int k = 0; k < deciles.length; k++) {
            if (total == 0) {
                deciles[k] = Double.NaN;
                continue;
            }
            double h = (total - 1) * SortedMerge.DECILES[k];
            long low = (long) Math.floor(h);
            double lo = orderStatistic(low);
            double hi = low + 1 < total ? orderStatistic(low + 1) : Double.NaN;
            deciles[k] = DistributionDistances.lerp(lo, Double.isNaN(hi) ? lo : hi,
                    Double.isNaN(hi) ? 0.0 : h - low);
        }
        return deciles;
    }

    /** The value at a 0-based position of the sorted sample. */
    private double orderStatistic(long position) {
        long seen = 0;
        for (int k = 0; k < values.length; k++) {
            seen += counts[k];
            if (seen > position) {
                return values[k];
            }
        }
        return Double.NaN;
    }

    /**
     * The right-closed bin counts of {@link CountQueries#binCounts} for these (sorted, distinct) edges: DuckDB's
     * {@code histogram} puts a value in the bin of the first edge that is not below it (a binary search with the
     * IEEE {@code <}, so −0.0 falls on an edge 0.0 and NaN, below no edge, into the first bin) and values above
     * the last edge into the last bin.
     */
    long[] bins(double[] edges) {
        long[] bins = new long[edges.length + 1];
        for (int k = 0; k < values.length; k++) {
            bins[lowerBound(edges, values[k])] += counts[k];
        }
        return bins;
    }

    /** The first position whose edge is not {@code <} the value (C++'s {@code std::lower_bound}). */
    static int lowerBound(double[] edges, double value) {
        int first = 0;
        int count = edges.length;
        while (count > 0) {
            int step = count / 2;
            if (edges[first + step] < value) {
                first += step + 1;
                count -= step + 1;
            } else {
                count = step;
            }
        }
        return first;
    }
}
