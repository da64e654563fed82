package org.inquest.analysis.slice;

import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SortedMap;

/**
 * Every non-null value of some columns and how often it occurs, on two slices, as one analysis counted them, so
 * that another analysis of the same two slices reads them instead of scanning the rows again (ADR 0131). In a
 * report, drift counts its numerical features with few values value by value and its categorical features category
 * by category; the quality section takes those columns' distinct counts, bounds, integer moments, out-of-range
 * counts and categories from here. Lookups for any other pair of slices find nothing. Memory is bounded by what
 * the counting analysis reads (drift: at most 20,000 values per numerical feature).
 */
public final class ValueCounts {
    /** DuckDB's order of text (its default binary collation): by code point, i.e. by the UTF-8 bytes. */
    public static final Comparator<String> TEXT_ORDER = ValueCounts::compareText;

    /**
     * A numeric column's distinct values as DOUBLE (exact for the column's type), ascending in DuckDB's order
     * (NaN last), and how many rows hold each.
     */
    public record Numbers(double[] values, long[] counts) {
        /** Non-null values counted. */
        public long total() {
            long total = 0;
            for (long c : counts) {
                total += c;
            }
            return total;
        }
    }

    /** The same column counted on the reference and on the current slice. */
    public record Sides<T>(T reference, T current) {
    }

    private final Slice reference;
    private final Slice current;
    private final Map<String, Sides<Numbers>> numbers = Collections.synchronizedMap(new LinkedHashMap<>());
    private final Map<String, Sides<SortedMap<String, Long>>> texts = Collections.synchronizedMap(new LinkedHashMap<>());

    /** Counts of these two slices, to be filled by the analysis that reads them. */
    public ValueCounts(Slice reference, Slice current) {
        this.reference = reference;
        this.current = current;
    }

    /** Whether these are counts of exactly these two slices. */
    public boolean of(Slice referenceSlice, Slice currentSlice) {
        return reference.equals(referenceSlice) && current.equals(currentSlice);
    }

    public void putNumbers(String column, Numbers referenceCounts, Numbers currentCounts) {
        numbers.put(column, new Sides<>(referenceCounts, currentCounts));
    }

    /** Counts per value as text ({@code CAST(column AS VARCHAR)}), each map ordered by {@link #TEXT_ORDER}. */
    public void putTexts(String column, SortedMap<String, Long> referenceCounts, SortedMap<String, Long> currentCounts) {
        texts.put(column, new Sides<>(referenceCounts, currentCounts));
    }

    /** A numeric column's counts on both slices, or null when nobody counted them. */
    public Sides<Numbers> numbers(String column) {
        return numbers.get(column);
    }

    /** A column's counts per value as text on both slices, or null when nobody counted them. */
    public Sides<SortedMap<String, Long>> texts(String column) {
        return texts.get(column);
    }

    /** Text in DuckDB's default order: by code point (the order of the UTF-8 bytes), not by UTF-16 unit. */
    public static int compareText(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int x = a.codePointAt(i);
            int y = b.codePointAt(j);
            if (x != y) {
                return Integer.compare(x, y);
            }
            i += Character.charCount(x);
            j += Character.charCount(y);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }
}
