package org.inquest.analysis.drift;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.inquest.analysis.drift.DriftResult.DriftWindow;
import org.inquest.analysis.drift.DriftResult.SliceSummary;
import org.inquest.analysis.slice.Slice;
import org.inquest.analysis.slice.ValueCounts;
import org.inquest.analysis.slice.Window;
import org.inquest.analysis.slice.WindowSet;
import org.inquest.analysis.slice.Windowing;
import org.inquest.connectors.catalog.FeatureKind;
import org.inquest.connectors.error.InputException;
import org.inquest.connectors.workspace.Workspace;

/**
 * Drift of a current slice against a reference slice, every statistic computed in DuckDB (ADR 0040):
 * <ol>
 *   <li>one aggregate scan per slice for all features (rows, non-null counts, standard deviations);</li>
 *   <li>per numerical feature, one sorted pass over both samples (exact KS, Wasserstein, distinct count and the
 *       reference deciles — {@link SortedMerge}); for a feature with few distinct values, the same pass over the
 *       two slices' value counts in the JVM instead ({@link GroupedValues}, ADR 0063), with its bin counts;</li>
 *   <li>one more aggregate scan per slice counting every numerical feature's values per decile bin;</li>
 *   <li>per categorical feature (and numerical feature with at most 5 distinct values), one grouped count (of
 *       the current slice only for categorical features: the reference's counts are kept in the preparation).</li>
 * </ol>
 * The JVM only sees counts, scalars and value lists of bounded length, so memory does not grow with the number of
 * rows.
 */
public final class DriftAnalysis {
    /** Numerical features with at most this many distinct values are also tabulated value by value. */
    static final long FEW_VALUES = 5;

    private DriftAnalysis() {
    }

    public static DriftResult run(Connection connection, Slice reference, Slice current, DriftOptions options) {
        return run(connection, reference, current, options, null);
    }

    /**
     * {@link #run(Connection, Slice, Slice, DriftOptions)}, leaving in {@code counts} (when not null and made for
     * these two slices) the per-value counts drift read anyway: numerical features merged from their value counts
     * and categorical features, on both slices (ADR 0131). No query is added.
     */
    public static DriftResult run(Connection connection, Slice reference, Slice current, DriftOptions options,
            ValueCounts counts) {
        try {
            return compute(connection, PreparedReference.prepare(connection, reference, current.table(), options),
                    current, options, counts);
        } catch (SQLException e) {
            throw new InputException("drift of '" + current.table().name() + "' against '" + reference.table().name()
                    + "': " + Workspace.firstLine(e.getMessage()), e);
        }
    }

    /**
     * {@link #run} plus each window of the current slice ({@code --by}, split by {@link Windowing}) compared with
     * the whole reference; windows under {@link Windowing#MIN_ROWS} rows carry a warning.
     */
    public static DriftResult runWithWindows(Connection connection, Slice reference, Slice current,
            WindowSet windows, DriftOptions options) {
        return runWithWindows(connection, reference, current, windows, options, null);
    }

    /** {@link #runWithWindows(Connection, Slice, Slice, WindowSet, DriftOptions)}; {@code counts} as in {@link #run}. */
    public static DriftResult runWithWindows(Connection connection, Slice reference, Slice current,
            WindowSet windows, DriftOptions options, ValueCounts counts) {
        DriftResult whole = run(connection, reference, current, options, counts);
        List<DriftWindow> results = new ArrayList<>();
        for (Window w : windows.windows()) {
            DriftResult r = run(connection, reference, w.slice(), options);
            String warning = w.small() ? "window " + w.start() + " .. " + w.end() + " has " + w.rows()
                    + " rows (fewer than " + Windowing.MIN_ROWS + "): its statistics are unreliable" : null;
            results.add(new DriftWindow(w.start(), w.end(), r.current().rows(), r.driftShare(), r.datasetDrift(),
                    r.features(), warning));
        }
        return whole.withWindows(results, windows.warnings());
    }

    /**
     * Drift of {@code current} against a prepared reference ({@link PreparedReference}): the same queries and numbers
     * as {@link #run(Connection, Slice, Slice, DriftOptions)}, without repeating the reference's own scans. A
     * preparation made for another current table or feature list is redone.
     */
    public static DriftResult run(Connection connection, PreparedReference reference, Slice current,
            DriftOptions options) {
        try {
            PreparedReference prepared = reference.fits(current, options) ? reference
                    : PreparedReference.prepare(connection, reference.slice(), current.table(), options);
            return compute(connection, prepared, current, options, null);
        } catch (SQLException e) {
            throw new InputException("drift of '" + current.table().name() + "' against '"
                    + reference.slice().table().name() + "': " + Workspace.firstLine(e.getMessage()), e);
        }
    }

    private static DriftResult compute(Connection connection, PreparedReference prepared, Slice current,
            DriftOptions options, ValueCounts counts) throws SQLException {
        Slice reference = prepared.slice();
        ValueCounts sink = counts != null && counts.of(reference, current) ? counts : null;
        FeatureSelection selection = prepared.selection();
        List<DriftFeature> features = selection.features();
        long t0 = System.nanoTime();
        SliceProfile refProfile = prepared.profile();
        SliceProfile curProfile = SliceProfile.scan(connection, current, features);
        Timing.report("current profile scan", t0);
        t0 = System.nanoTime();

        Map<String, SortedMerge.Source> sources = prepared.sources();
        List<MergeTask> tasks = new ArrayList<>();
        for (DriftFeature f : features) {
            long n = refProfile.values().get(f.name());
            long m = curProfile.values().get(f.name());
            if (f.numerical() && n > 0 && m > 0) {
                tasks.add(new MergeTask(f.name(), n, m, sources.get(f.name())));
            }
        }
        // Features with few distinct values are merged in the JVM from both slices' value counts (the reference's
        // kept in the preparation); the others by a sorted query over both slices, two at a time.
        Map<String, SortedMerge.Result> merges = new LinkedHashMap<>();
        Map<String, GroupedValues[]> grouped = new LinkedHashMap<>();
        List<MergeTask> queried = new ArrayList<>();
        for (MergeTask task : tasks) {
            GroupedValues ref = (double) task.n() * (double) task.m() < 0x1p62
                    ? prepared.values(connection, task.column()) : null;
            GroupedValues cur = ref == null ? null : GroupedValues.read(connection, current, task.column());
            if (cur != null) {
                grouped.put(task.column(), new GroupedValues[] {ref, cur});
                if (sink != null) {
                    sink.putNumbers(task.column(), ref.numbers(), cur.numbers());
                }
                merges.put(task.column(), GroupedValues.merge(ref, cur));
            } else {
                queried.add(task);
            }
        }
        merges.putAll(ParallelMerges.run(connection, reference, current, queried));
        Map<String, double[]> edges = new LinkedHashMap<>();
        Map<String, double[]> queriedEdges = new LinkedHashMap<>();
        for (MergeTask task : tasks) {
            double[] e = Arrays.stream(merges.get(task.column()).deciles()).distinct().sorted().toArray();
            edges.put(task.column(), e);
            if (!grouped.containsKey(task.column())) {
                queriedEdges.put(task.column(), e);
            }
        }
        Timing.report("sorted merges", t0);
        t0 = System.nanoTime();
        Map<String, long[]> refBins = new LinkedHashMap<>();
        Map<String, long[]> curBins = new LinkedHashMap<>();
        if (!queriedEdges.isEmpty()) {
            refBins.putAll(prepared.bins(connection, queriedEdges));
            curBins.putAll(CountQueries.binCounts(connection, current, queriedEdges));
        }
        grouped.forEach((column, pair) -> {
            refBins.put(column, pair[0].bins(edges.get(column)));
            curBins.put(column, pair[1].bins(edges.get(column)));
        });

        Timing.report("bin counts", t0);
        t0 = System.nanoTime();
        List<FeatureDrift> results = new ArrayList<>();
        for (DriftFeature f : features) {
            FeatureInputs in = new FeatureInputs(f, refProfile, curProfile);
            if (in.n == 0 || in.m == 0) {
                results.add(in.withoutValues(options));
            } else if (f.numerical()) {
                SortedMerge.Result merge = merges.get(f.name());
                CountQueries.Categories values = merge.distinct() <= FEW_VALUES
                        ? CountQueries.categories(connection, reference, current, f.name(), false) : null;
                results.add(numerical(in, merge, edges.get(f.name()), refBins.get(f.name()), curBins.get(f.name()),
                        values, options));
            } else {
                // The reference's counts come from the preparation: only the current slice is read here.
                java.util.SortedMap<String, Long> refCounts = prepared.textCounts(connection, f.name());
                java.util.SortedMap<String, Long> curCounts = CountQueries.textCounts(connection, current, f.name());
                if (sink != null) {
                    sink.putTexts(f.name(), refCounts, java.util.Collections.unmodifiableSortedMap(curCounts));
                }
                CountQueries.Categories categories = CountQueries.merge(refCounts, curCounts);
                results.add(categorical(in, categories, options));
            }
        }
        Timing.report("categories and statistics", t0);
        long drifted = results.stream().filter(FeatureDrift::drifted).count();
        double share = results.isEmpty() ? 0.0 : (double) drifted / results.size();
        return new DriftResult(summary(reference, refProfile), summary(current, curProfile), share,
                options.driftShare(), share >= options.driftShare() && !results.isEmpty(), results,
                selection.differences(), List.of(), null);
    }

    private static SliceSummary summary(Slice slice, SliceProfile profile) {
        return new SliceSummary(slice.table().name(), slice.where(), profile.rows());
    }

    private static FeatureDrift numerical(FeatureInputs in, SortedMerge.Result merge, double[] edges, long[] refBins,
            long[] curBins, CountQueries.Categories values, DriftOptions options) {
        double std = in.refStd == null ? 0.0 : in.refStd;
        Map<String, Double> metrics = new LinkedHashMap<>();
        double ksP = KolmogorovPValue.twoSample(merge.ks(), in.n, in.m);
        metrics.put("ks_statistic", merge.ks());
        metrics.put("ks_p_value", ksP);
        metrics.put("wasserstein", merge.wasserstein());
        metrics.put("wasserstein_normed", merge.wasserstein() / Math.max(std, 0.001));
        metrics.put("psi", DistributionDistances.psi(refBins, curBins));
        metrics.put("jensen_shannon", DistributionDistances.jensenShannon(refBins, curBins));
        // Chi-square and z need categories: the values themselves when there are few, else the decile bins.
        long[] tableRef = values != null ? values.reference() : refBins;
        long[] tableCur = values != null ? values.current() : curBins;
        addContingencyMetrics(metrics, tableRef, tableCur);
        return verdict(in, FeatureKind.NUMERICAL, merge.distinct(), metrics, tableRef, tableCur,
                FeatureHistogram.numerical(edges, refBins, curBins), options);
    }

    private static FeatureDrift categorical(FeatureInputs in, CountQueries.Categories categories, DriftOptions options) {
        Map<String, Double> metrics = new LinkedHashMap<>();
        metrics.put("psi", DistributionDistances.psi(categories.reference(), categories.current()));
        metrics.put("jensen_shannon", DistributionDistances.jensenShannon(categories.reference(), categories.current()));
        addContingencyMetrics(metrics, categories.reference(), categories.current());
        return verdict(in, FeatureKind.CATEGORICAL, categories.values().size(), metrics, categories.reference(),
                categories.current(), FeatureHistogram.categorical(categories.values(), categories.reference(),
                        categories.current()), options);
    }

    private static void addContingencyMetrics(Map<String, Double> metrics, long[] reference, long[] current) {
        DistributionDistances.ChiSquare chi = DistributionDistances.chiSquare(reference, current);
        metrics.put("chi_square", chi.statistic());
        metrics.put("chi_square_p_value", chi.pValue());
        if (reference.length == 2) {
            metrics.put("z_p_value", firstCategoryZ(reference, current));
        }
    }

    /** The z-test on the share of the first category (for two categories, the test of the contract). */
    private static double firstCategoryZ(long[] reference, long[] current) {
        return DistributionDistances.zTestPValue(reference[0], sum(reference), current[0], sum(current));
    }

    private static FeatureDrift verdict(FeatureInputs in, FeatureKind kind, long distinct, Map<String, Double> metrics,
            long[] tableRef, long[] tableCur, FeatureHistogram histogram, DriftOptions options) {
        DriftMethod method = options.method();
        String warning = null;
        if (method == DriftMethod.AUTO || !MethodSelector.applies(method, kind)) {
            DriftMethod chosen = MethodSelector.automatic(kind, in.n, distinct);
            if (method != DriftMethod.AUTO) {
                warning = method.wireName() + " does not apply to a categorical feature; used " + chosen.wireName();
            }
            method = chosen;
        }
        double statistic = switch (method) {
            case KS -> metrics.get("ks_p_value");
            case WASSERSTEIN -> metrics.get("wasserstein_normed");
            case PSI -> metrics.get("psi");
            case JENSENSHANNON -> metrics.get("jensen_shannon");
            case CHISQUARE -> metrics.get("chi_square_p_value");
            case Z -> metrics.containsKey("z_p_value") ? metrics.get("z_p_value") : firstCategoryZ(tableRef, tableCur);
            case AUTO -> throw new IllegalStateException("resolved above");
        };
        double threshold = options.threshold() != null ? options.threshold() : method.defaultThreshold();
        boolean drifted = method.drifted(statistic, threshold);
        Boolean severe = method == DriftMethod.PSI ? statistic >= DriftMethod.PSI_SEVERE : null;
        return new FeatureDrift(in.feature.name(), kind.wireName(), method, statistic, threshold, drifted,
                method.isPValue() ? statistic : null, in.refNulls(), in.curNulls(), metrics, in.n, in.m, distinct,
                false, severe, histogram, warning);
    }

    private static long sum(long[] counts) {
        long s = 0;
        for (long c : counts) {
            s += c;
        }
        return s;
    }

    /** A feature's counts from the two profile scans. */
    private static final class FeatureInputs {
        final DriftFeature feature;
        final long n;
        final long m;
        final long refRows;
        final long curRows;
        final Double refStd;

        FeatureInputs(DriftFeature feature, SliceProfile ref, SliceProfile cur) {
            this.feature = feature;
            this.n = ref.values().get(feature.name());
            this.m = cur.values().get(feature.name());
            this.refRows = ref.rows();
            this.curRows = cur.rows();
            this.refStd = ref.std().get(feature.name());
        }

        double refNulls() {
            return refRows == 0 ? 0.0 : (double) (refRows - n) / refRows;
        }

        double curNulls() {
            return curRows == 0 ? 0.0 : (double) (curRows - m) / curRows;
        }

        /** A feature with no values on one side cannot be compared: reported, never counted as drifted. */
        FeatureDrift withoutValues(DriftOptions options) {
            DriftMethod method = options.method() == DriftMethod.AUTO ? null : options.method();
            Double threshold = options.threshold() != null ? options.threshold()
                    : method == null ? null : method.defaultThreshold();
            String side = n == 0 && m == 0 ? "either slice" : n == 0 ? "the reference slice" : "the current slice";
            return new FeatureDrift(feature.name(), feature.kind().wireName(), method, null,
                    threshold, false, null, refNulls(), curNulls(), Map.of(), n, m, 0,
                    false, null, null, "no values in " + side + ": not compared");
        }
    }
}
