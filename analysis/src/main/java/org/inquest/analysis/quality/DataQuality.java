package org.inquest.analysis.quality;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.inquest.analysis.filter.ValueType;
import org.inquest.analysis.slice.Slice;
import org.inquest.analysis.slice.ValueCounts;
import org.inquest.analysis.sql.PreviousPlan;
import org.inquest.connectors.catalog.ColumnInfo;

/**
 * Compares the data quality of two slices column by column: nulls, distinct values, ranges and moments, top
 * categories, new categories, out-of-range values and schema differences, each graded ok / warning / critical by
 * {@link QualityThresholds}. Everything is computed in DuckDB in three queries: one profile scan per slice (the
 * current one also counts out-of-range values against the reference bounds) and one category count over both.
 */
public final class DataQuality {
    /** Categories listed per side under {@code top}. */
    public static final int TOP_CATEGORIES = 10;
    /** New categories listed by name (all are counted). */
    public static final int MAX_NEW_CATEGORIES = 20;

    static final List<String> NOTES = List.of(
            "std is the population standard deviation (ddof 0); quantiles use linear interpolation"
                    + " (numpy's default, DuckDB quantile_cont)",
            "nulls are left out of every statistic except nulls and null_share; shares of categories, new"
                    + " categories and out-of-range values are of non-null values",
            "time-zone aware timestamps are shown in UTC");
    /** What approximate mode changes, and the bounds its test holds it to. */
    public static final String APPROXIMATE_NOTE = "approximate: quantiles of columns with few distinct values by"
            + " T-digest (approx_quantile, tested within 1 % of rank; continuous and ordered columns get exact"
            + " quantiles from their one sorted pass anyway); every other number is exact";

    private DataQuality() {
    }

    public static QualityReport compare(Connection connection, Slice reference, Slice current) {
        return compare(connection, reference, current, QualityThresholds.DEFAULTS);
    }

    public static QualityReport compare(Connection connection, Slice reference, Slice current,
                                        QualityThresholds thresholds) {
        return compare(connection, reference, current, thresholds, false);
    }

    /**
     * As {@link #compare(Connection, Slice, Slice, QualityThresholds)}; with {@code approximate}, quantiles are
     * estimated (see {@link #APPROXIMATE_NOTE}), which is faster on large continuous columns. The report says so
     * in {@code approximate} and its notes.
     */
    public static QualityReport compare(Connection connection, Slice reference, Slice current,
                                        QualityThresholds thresholds, boolean approximate) {
        return compare(connection, reference, current, thresholds, approximate, true);
    }

    /**
     * As {@link #compare(Connection, Slice, Slice, QualityThresholds, boolean)}; without {@code quantiles} numeric
     * columns get no quantiles (the report's quality section does not show them, and exact quantiles of continuous
     * columns are the costliest statistic).
     */
    public static QualityReport compare(Connection connection, Slice reference, Slice current,
                                        QualityThresholds thresholds, boolean approximate, boolean quantiles) {
        return compare(connection, reference, current, thresholds, approximate, quantiles, null);
    }

    /**
     * As {@link #compare(Connection, Slice, Slice, QualityThresholds, boolean, boolean)}, reading the columns whose
     * per-value counts another analysis of these two slices already holds ({@code counts}, may be null; in the
     * report, drift's) instead of scanning them: distinct counts, integer columns' bounds, moments and
     * out-of-range counts, and categories (ADR 0131). The same numbers; used without quantiles only.
     */
    public static QualityReport compare(Connection connection, Slice reference, Slice current,
                                        QualityThresholds thresholds, boolean approximate, boolean quantiles,
                                        ValueCounts counts) {
        ValueCounts known = counts != null && counts.of(reference, current) && !quantiles
                && !PreviousPlan.enabled(PreviousPlan.REUSE) && !PreviousPlan.enabled(PreviousPlan.QUALITY)
                ? counts : null;
        // Numeric columns counted value by value elsewhere: integer ones wholly, the others for their distinct count.
        Set<String> counted = new LinkedHashSet<>();
        Set<String> distinctCounted = new LinkedHashSet<>();
        for (ColumnInfo ref : known == null ? List.<ColumnInfo>of() : reference.table().columns()) {
            ColumnInfo cur = current.table().column(ref.name()).orElse(null);
            if (cur != null && known.numbers(ref.name()) != null && ColumnKind.of(ref) == ColumnKind.NUMERICAL
                    && ColumnKind.of(cur) == ColumnKind.NUMERICAL && ref.sqlType().equalsIgnoreCase(cur.sqlType())) {
                (CountedStats.whole(ref) ? counted : distinctCounted).add(ref.name());
            }
        }
        List<ColumnInfo> refColumns = reference.table().columns();
        List<ColumnInfo> curColumns = current.table().columns();
        SliceProfiler.Profile refProfile = SliceProfiler.profile(connection, reference, scanned(refColumns, counted),
                Map.of(), detail(refColumns, approximate, quantiles, distinctCounted));
        fromCounts(refProfile, known, counted, distinctCounted, true);

        Map<String, SliceProfiler.Bounds> bounds = new LinkedHashMap<>();
        for (ColumnInfo cur : curColumns) {
            ColumnInfo ref = reference.table().column(cur.name()).orElse(null);
            if (ref != null && ColumnKind.of(ref) == ColumnKind.NUMERICAL && isNumber(cur)) {
                ColumnStats r = refProfile.columns().get(ref.name());
                if (r.min() != null && r.max() != null) {
                    bounds.put(cur.name(), new SliceProfiler.Bounds(r.min(), r.max()));
                }
            }
        }
        SliceProfiler.Profile curProfile = SliceProfiler.profile(connection, current, scanned(curColumns, counted),
                bounds, detail(curColumns, approximate, quantiles, distinctCounted));
        fromCounts(curProfile, known, counted, distinctCounted, false);
        for (String name : counted) {
            SliceProfiler.Bounds b = bounds.get(name);
            if (b != null) {
                curProfile.outOfRange().put(name, CountedStats.outOfRange(known.numbers(name).current(),
                        (Long) b.min(), (Long) b.max()));
            }
        }

        Set<String> names = new LinkedHashSet<>();
        refColumns.forEach(c -> names.add(c.name()));
        curColumns.forEach(c -> names.add(c.name()));

        List<CategoryCounter.Column> categorical = new ArrayList<>();
        Map<String, Long> refValues = new LinkedHashMap<>();
        Map<String, Long> curValues = new LinkedHashMap<>();
        Map<String, CategoryCounter.Categories> countedCategories = new LinkedHashMap<>();
        for (String name : names) {
            ColumnInfo ref = reference.table().column(name).orElse(null);
            ColumnInfo cur = current.table().column(name).orElse(null);
            boolean refCat = ref != null && ColumnKind.of(ref).hasCategories();
            boolean curCat = cur != null && ColumnKind.of(cur).hasCategories();
            if (refCat && curCat && known != null && known.texts(name) != null) {
                ValueCounts.Sides<java.util.SortedMap<String, Long>> texts = known.texts(name);
                countedCategories.put(name, CategoryCounter.fromCounts(texts.reference(), texts.current(),
                        TOP_CATEGORIES, MAX_NEW_CATEGORIES, refProfile.columns().get(name).values(),
                        curProfile.columns().get(name).values()));
            } else if (refCat || curCat) {
                categorical.add(new CategoryCounter.Column(name, refCat ? name : null, curCat ? name : null));
                if (ref != null) {
                    refValues.put(name, refProfile.columns().get(name).values());
                }
                if (cur != null) {
                    curValues.put(name, curProfile.columns().get(name).values());
                }
            }
        }
        Map<String, CategoryCounter.Categories> categories = CategoryCounter.count(connection, reference, current,
                categorical, TOP_CATEGORIES, MAX_NEW_CATEGORIES, refValues, curValues);
        categories.putAll(countedCategories);

        List<ColumnQuality> columns = new ArrayList<>();
        List<SchemaDifferences.Column> missing = new ArrayList<>();
        List<SchemaDifferences.Column> added = new ArrayList<>();
        List<SchemaDifferences.TypeChange> typeChanged = new ArrayList<>();
        for (String name : names) {
            ColumnInfo ref = reference.table().column(name).orElse(null);
            ColumnInfo cur = current.table().column(name).orElse(null);
            ColumnStats refStats = ref == null ? null : refProfile.columns().get(name);
            ColumnStats curStats = cur == null ? null : curProfile.columns().get(name);
            CategoryCounter.Categories cats = categories.get(name);
            if (cats != null) {
                refStats = ref != null && ColumnKind.of(ref).hasCategories() ? refStats.withTop(cats.referenceTop())
                        .withDistinct(cats.referenceDistinct(), refStats.quantiles()) : refStats;
                curStats = cur != null && ColumnKind.of(cur).hasCategories() ? curStats.withTop(cats.currentTop())
                        .withDistinct(cats.currentDistinct(), curStats.quantiles()) : curStats;
            }
            QualityGrader grader = new QualityGrader(thresholds);
            if (ref == null) {
                added.add(new SchemaDifferences.Column(name, cur.sqlType()));
                grader.added();
            } else if (cur == null) {
                missing.add(new SchemaDifferences.Column(name, ref.sqlType()));
                grader.missing();
            } else if (!ref.sqlType().equalsIgnoreCase(cur.sqlType())) {
                Severity s = grader.typeChanged(ref.sqlType(), cur.sqlType());
                typeChanged.add(new SchemaDifferences.TypeChange(name, ref.sqlType(), cur.sqlType(), s));
            }
            Double nullShareChange = null;
            List<String> newCategories = null;
            Long newCount = null;
            Long newRows = null;
            Long outOfRange = null;
            Double outOfRangeShare = null;
            if (refStats != null && curStats != null) {
                nullShareChange = curStats.nullShare() - refStats.nullShare();
                grader.nullShare(refStats.nullShare(), curStats.nullShare());
                grader.constant(refStats.distinct(), curStats.distinct() != null && curStats.distinct() == 1,
                        curStats.values());
                boolean bothCategorical = ColumnKind.of(ref).hasCategories() && ColumnKind.of(cur).hasCategories();
                if (bothCategorical && cats != null && refStats.values() > 0) {
                    newCategories = cats.newCategories();
                    newCount = cats.newCategoryCount();
                    newRows = cats.newCategoryRows();
                    grader.newCategories(cats.newCategoryCount(), cats.newCategoryRows(), cats.newCategories(),
                            curStats.values());
                }
                Long oor = curProfile.outOfRange().get(name);
                if (oor != null) {
                    outOfRange = oor;
                    outOfRangeShare = curStats.values() == 0 ? 0.0 : (double) oor / curStats.values();
                    grader.outOfRange(oor, outOfRangeShare, refStats.min(), refStats.max());
                }
            }
            ColumnInfo described = ref != null ? ref : cur;
            columns.add(new ColumnQuality(name, ColumnKind.of(described).wireName(),
                    ref == null ? null : ref.sqlType(), cur == null ? null : cur.sqlType(), refStats, curStats,
                    newCategories, newCount, newRows, outOfRange, outOfRangeShare, nullShareChange, grader.severity(),
                    grader.findings()));
        }
        Severity overall = Severity.OK;
        for (ColumnQuality c : columns) {
            overall = Severity.max(overall, c.severity());
        }
        return new QualityReport(
                new QualityReport.SliceSummary(reference.table().name(), reference.where(), refProfile.rows()),
                new QualityReport.SliceSummary(current.table().name(), current.where(), curProfile.rows()),
                overall, approximate, columns, new SchemaDifferences(missing, added, typeChanged), thresholds,
                approximate ? concat(NOTES, APPROXIMATE_NOTE) : NOTES);
    }

    /**
     * Categorical columns take their distinct counts from the category count, which groups them anyway, and
     * {@code counted} columns from their value counts.
     */
    private static SliceProfiler.Detail detail(List<ColumnInfo> columns, boolean approximate, boolean quantiles,
                                               Set<String> counted) {
        Set<String> elsewhere = new LinkedHashSet<>(counted);
        columns.stream().filter(c -> ColumnKind.of(c).hasCategories()).forEach(c -> elsewhere.add(c.name()));
        return new SliceProfiler.Detail(quantiles, approximate, elsewhere);
    }

    /** The columns a slice's profile scan reads: all but those taken wholly from value counts. */
    private static List<ColumnInfo> scanned(List<ColumnInfo> columns, Set<String> counted) {
        return columns.stream().filter(c -> !counted.contains(c.name())).toList();
    }

    /** Adds to a profile what the value counts give: whole integer columns, and other columns' distinct counts. */
    private static void fromCounts(SliceProfiler.Profile profile, ValueCounts known, Set<String> counted,
                                   Set<String> distinctCounted, boolean reference) {
        for (String name : counted) {
            ValueCounts.Sides<ValueCounts.Numbers> sides = known.numbers(name);
            profile.columns().put(name, CountedStats.of(profile.rows(),
                    reference ? sides.reference() : sides.current()));
        }
        for (String name : distinctCounted) {
            ValueCounts.Sides<ValueCounts.Numbers> sides = known.numbers(name);
            ColumnStats scanned = profile.columns().get(name);
            long distinct = (reference ? sides.reference() : sides.current()).values().length;
            profile.columns().put(name, scanned.withDistinct(distinct, scanned.quantiles()));
        }
    }

    private static List<String> concat(List<String> notes, String extra) {
        List<String> all = new ArrayList<>(notes);
        all.add(extra);
        return all;
    }

    private static boolean isNumber(ColumnInfo c) {
        return ValueType.ofSqlType(c.sqlType()) == ValueType.NUMBER;
    }
}
