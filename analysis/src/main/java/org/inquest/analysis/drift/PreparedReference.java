package org.inquest.analysis.drift;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.inquest.analysis.slice.Slice;
import org.inquest.connectors.catalog.TableInfo;

/**
 * What drift needs from the reference slice alone, computed once: its profile scan (rows, non-null counts,
 * standard deviations), the sort plan of each numerical feature, and its bin counts for the decile edges (which
 * depend only on the reference, so every comparison against it asks for the same edges). {@link DriftAnalysis#run}
 * builds one per call; a workbench comparing many current slices with one reference keeps it and passes it to
 * {@link DriftAnalysis#run(Connection, PreparedReference, Slice, DriftOptions)}, which gives the same numbers by
 * the same queries for the current side. Thread-safe: the bin counts and the categorical features' counts per
 * value are filled on first use.
 */
public final class PreparedReference {
    private final Slice slice;
    private final TableInfo currentSchema;
    private final List<String> requested;
    private final FeatureSelection selection;
    private final SliceProfile profile;
    private final Map<String, SortedMerge.Source> sources;
    private final Map<String, Map<String, long[]>> binsByEdges = new ConcurrentHashMap<>();
    private final Map<String, java.util.SortedMap<String, Long>> textCounts = new ConcurrentHashMap<>();
    /** Per numerical feature merged in the JVM, the reference's values and counts; empty when it is too long. */
    private final Map<String, java.util.Optional<GroupedValues>> values = new ConcurrentHashMap<>();

    private PreparedReference(Slice slice, TableInfo currentSchema, List<String> requested, FeatureSelection selection,
            SliceProfile profile, Map<String, SortedMerge.Source> sources) {
        this.slice = slice;
        this.currentSchema = currentSchema;
        this.requested = requested;
        this.selection = selection;
        this.profile = profile;
        this.sources = sources;
    }

    /**
     * Prepares {@code reference} for comparisons with slices of a table shaped like {@code currentSchema} (the
     * features compared are those present in both) and the features {@code options} names.
     */
    public static PreparedReference prepare(Connection connection, Slice reference, TableInfo currentSchema,
            DriftOptions options) throws SQLException {
        FeatureSelection selection = FeatureSelection.of(reference.table(), currentSchema, options.features());
        long t0 = System.nanoTime();
        SliceProfile profile = SliceProfile.scan(connection, reference, selection.features());
        Timing.report("reference profile scan", t0);
        t0 = System.nanoTime();
        Map<String, SortedMerge.Source> sources = SortSource.choose(connection, reference, selection.features());
        Timing.report("sort plans", t0);
        return new PreparedReference(reference, currentSchema, options.features(), selection, profile, sources);
    }

    /** Whether this preparation applies to comparing with {@code current} under {@code options}. */
    boolean fits(Slice current, DriftOptions options) {
        return current.table().equals(currentSchema) && java.util.Objects.equals(requested, options.features());
    }

    Slice slice() {
        return slice;
    }

    FeatureSelection selection() {
        return selection;
    }

    SliceProfile profile() {
        return profile;
    }

    Map<String, SortedMerge.Source> sources() {
        return sources;
    }

    /** The reference's bin counts for these edges, counted on first request. */
    Map<String, long[]> bins(Connection connection, Map<String, double[]> edges) throws SQLException {
        StringBuilder key = new StringBuilder();
        edges.forEach((k, v) -> key.append(k).append('=').append(java.util.Arrays.toString(v)).append(';'));
        Map<String, long[]> cached = binsByEdges.get(key.toString());
        if (cached == null) {
            cached = CountQueries.binCounts(connection, slice, edges);
            binsByEdges.put(key.toString(), cached);
        }
        return cached;
    }

    /** The reference's counts per value (as text) of a categorical feature, counted on first request. */
    java.util.SortedMap<String, Long> textCounts(Connection connection, String column) throws SQLException {
        java.util.SortedMap<String, Long> cached = textCounts.get(column);
        if (cached == null) {
            cached = java.util.Collections.unmodifiableSortedMap(CountQueries.textCounts(connection, slice, column));
            textCounts.put(column, cached);
        }
        return cached;
    }

    /**
     * The reference's values and counts of a feature whose merge can run in the JVM ({@link GroupedValues}), read
     * on first request; null when the feature is merged by a query instead (raw values, a type not exact as
     * DOUBLE, or more distinct values than {@link GroupedValues#MAX_VALUES}).
     */
    GroupedValues values(Connection connection, String column) throws SQLException {
        if (sources.get(column) != SortedMerge.Source.GROUPED || !GroupedValues.applies(slice.table(), column)
                || !GroupedValues.applies(currentSchema, column)) {
            return null;
        }
        java.util.Optional<GroupedValues> cached = values.get(column);
        if (cached == null) {
            cached = java.util.Optional.ofNullable(GroupedValues.read(connection, slice, column));
            values.put(column, cached);
        }
        return cached.orElse(null);
    }
}
