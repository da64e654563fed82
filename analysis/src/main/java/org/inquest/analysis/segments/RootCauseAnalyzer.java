package org.inquest.analysis.segments;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.inquest.analysis.slice.Slice;
import org.inquest.analysis.slice.SqlFragment;
import org.inquest.analysis.sql.PreviousPlan;
import org.inquest.analysis.sql.Queries;
import org.inquest.analysis.sql.SqlBuilder;
import org.inquest.connectors.workspace.Identifiers;

/**
 * Ranks segments (column = value, a numerical column's range, and pairs of them) by how much of a metric's change
 * between two slices they explain (see {@link Contribution}). All metrics are aggregated together and the JVM
 * receives one row per (side, segment).
 *
 * <p>Queries (ADR 0054). The rows of both slices are stacked with a side tag. When the categorical columns'
 * combinations are few (the product of their distinct counts is at most {@value #FINE_GROUPS}), one scan groups
 * the rows by (side, every categorical column) — one hash table of a few thousand groups — plus (side, range) for
 * each numerical column, and every single-column and categorical pair segment is summed from those fine groups
 * inside DuckDB. Pairs that involve a numerical range are grouped the same way in one more scan over the pair
 * columns only. When combinations are many, each segment set is its own {@code GROUPING SETS} entry over the rows
 * (the earlier plan). Both plans give the same counts and sums.
 */
public final class RootCauseAnalyzer {
    public static final int TOP = 10;
    /** Minimum support: a segment must hold this many rows and this share of a slice on at least one side. */
    public static final long MIN_ROWS = 30;
    public static final double MIN_SHARE = 0.01;
    /** A pair must explain this much more than each of its single-column parents to be listed beside them. */
    public static final double PAIR_MARGIN = 1.1;
    /** How many columns take part in pairs. */
    public static final int PAIR_COLUMNS = 6;
    /** Largest number of combinations (product of distinct counts) grouped at once in the fine plan. */
    public static final long FINE_GROUPS = 100_000;
    /**
     * A numerical column with at most this many distinct values per slice is grouped by value, and its values by
     * range afterwards, when its ranges are a segment set of their own (ADR 0057).
     */
    public static final long VALUE_GROUPS = 50_000;
    /** Most distinct values of a display aggregate's input whose counts are read into the JVM. */
    static final int DISPLAY_VALUES = 200_000;

    /** Integer types exact as DOUBLE, whose ranges can be looked up by value ({@link Dim#lookupSql}). */
    private static final Set<String> LOOKUP_TYPES = Set.of("TINYINT", "SMALLINT", "INTEGER", "UTINYINT",
            "USMALLINT", "UINTEGER");

    private final Connection connection;

    public RootCauseAnalyzer(Connection connection) {
        this.connection = connection;
    }

    /**
     * The columns segments are cut from.
     *
     * @param categorical columns whose values are segments
     * @param distinct    largest distinct count per slice of categorical columns, where known (for the plan)
     * @param bins        numerical columns and the inner edges of their ranges, ascending: ranges (−inf, e1],
     *                    (e1, e2], …, (ek, +inf), plus the null segment
     */
    public record SegmentColumns(List<String> categorical, Map<String, Long> distinct, Map<String, double[]> bins) {
        public SegmentColumns {
            categorical = List.copyOf(categorical);
            distinct = Map.copyOf(distinct);
            bins = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(bins));
        }
    }

    /**
     * One dimension segments are cut along: a categorical column, or a numerical column's ranges. {@code values}
     * is a numerical column's largest distinct count per slice where known (null otherwise).
     */
    private record Dim(String column, double[] edges, long cardinality, Long values, boolean integral) {
        /** Longest list of range indexes looked up by value instead of a {@code CASE} over the edges. */
        static final int MAX_LOOKUP = 10_000;

        boolean binned() {
            return edges != null;
        }

        /** A numerical column whose rows are grouped by value first, then the values by range (ADR 0057). */
        boolean byValue() {
            return binned() && values != null && values <= VALUE_GROUPS && !PreviousPlan.enabled();
        }

        /** The column as DOUBLE, the value its ranges compare. */
        String doubleSql() {
            return "CAST(" + Identifiers.quote(column) + " AS DOUBLE)";
        }

        /** The dimension's value per row: the category as text, or the index of the range. */
        void valueSql(SqlBuilder q) {
            if (!binned()) {
                q.sql("CAST(" + Identifiers.quote(column) + " AS VARCHAR)");
                return;
            }
            if (!lookupSql(q)) {
                rangeSql(q, doubleSql());
            }
        }

        /**
         * For an integer column whose first and last edges are at most {@link #MAX_LOOKUP} apart: the range index
         * of every integer between them, read from a constant list by value ({@code list_extract}), and the two
         * outer ranges from one comparison each. The same index as {@link #rangeSql} (each integer's range is
         * worked out here with the same comparisons, on the same DOUBLE), at less than half the CPU of the
         * {@code CASE} on the 10M-row demo (ADR 0105). Returns false (nothing written) when it does not apply.
         */
        boolean lookupSql(SqlBuilder q) {
            if (!integral || edges.length == 0 || PreviousPlan.enabled(PreviousPlan.SEGMENTS)) {
                return false;
            }
            double low = Math.floor(edges[0]);
            double high = Math.ceil(edges[edges.length - 1]);
            if (!(high - low <= MAX_LOOKUP)) {
                return false;
            }
            // Values v with edges[0] < v <= edges[last] are low + 1 .. high; list_extract counts from 1.
            StringBuilder list = new StringBuilder("[");
            int index = 0;
            for (long v = (long) low + 1; v <= (long) high; v++) {
                while (index < edges.length && !((double) v <= edges[index])) {
                    index++;
                }
                list.append(v == (long) low + 1 ? "" : ",").append(index);
            }
            list.append("]");
            String c = Identifiers.quote(column);
            q.sql("CAST(CASE WHEN " + c + " IS NULL THEN NULL WHEN " + c + " <= ").value(edges[0])
                    .sql(" THEN 0 WHEN " + c + " > ").value(edges[edges.length - 1]).sql(" THEN " + edges.length
                            + " ELSE " + (high > low ? "list_extract(" + list + ", CAST(" + c + " AS BIGINT) - "
                            + (long) low + ")" : "NULL") + " END AS INTEGER)");
            return true;
        }

        /** The index of the range holding {@code x} (a DOUBLE expression) as a small integer; null for null. */
        void rangeSql(SqlBuilder q, String x) {
            // The range's index as a small integer (grouping on it is about twice as fast as on its text).
            q.sql("CAST(CASE WHEN " + x + " IS NULL THEN NULL");
            for (int i = 0; i < edges.length; i++) {
                q.sql(" WHEN " + x + " <= ").value(edges[i]).sql(" THEN " + i);
            }
            q.sql(" ELSE " + edges.length + " END AS INTEGER)");
        }

        Segment.Bin bin(int index) {
            return new Segment.Bin(index == 0 ? null : edges[index - 1], index == edges.length ? null : edges[index]);
        }
    }

    public List<RootCause> analyze(Slice reference, Slice current, List<SegmentMetric> metrics, List<String> columns) {
        return analyze(reference, current, metrics, new SegmentColumns(columns, Map.of(), Map.of()));
    }

    public List<RootCause> analyze(Slice reference, Slice current, List<SegmentMetric> metrics,
                                   SegmentColumns columns) {
        if (metrics.isEmpty()) {
            return List.of();
        }
        List<Dim> dims = new ArrayList<>();
        for (String c : columns.categorical()) {
            Long d = columns.distinct().get(c);
            dims.add(new Dim(c, null, d == null ? Long.MAX_VALUE : d + 1, null, false));
        }
        columns.bins().forEach((c, edges) -> dims.add(new Dim(c, edges.clone(), edges.length + 2L,
                columns.distinct().get(c), reference.table().column(c)
                .map(info -> LOOKUP_TYPES.contains(info.sqlType().toUpperCase(java.util.Locale.ROOT))).orElse(false))));
        List<Integer> categorical = new ArrayList<>();
        List<Integer> binned = new ArrayList<>();
        for (int i = 0; i < dims.size(); i++) {
            (dims.get(i).binned() ? binned : categorical).add(i);
        }
        Map<Segment, Stats[]> stats;
        Set<List<Integer>> pairsDone = new java.util.HashSet<>();
        if (categorical.size() >= 1 && combinations(dims, categorical) <= FINE_GROUPS) {
            List<List<Integer>> regroup = new ArrayList<>();
            regroup.add(List.of());
            categorical.forEach(i -> regroup.add(List.of(i)));
            for (int a = 0; a < categorical.size(); a++) {
                for (int b = a + 1; b < categorical.size(); b++) {
                    List<Integer> pair = List.of(categorical.get(a), categorical.get(b));
                    regroup.add(pair);
                    pairsDone.add(pair);
                }
            }
            List<List<Integer>> direct = binned.stream().map(List::of).toList();
            stats = aggregate(reference, current, metrics, dims, categorical, regroup, direct);
        } else {
            List<List<Integer>> direct = new ArrayList<>();
            direct.add(List.of());
            for (int i = 0; i < dims.size(); i++) {
                direct.add(List.of(i));
            }
            stats = aggregate(reference, current, metrics, dims, List.of(), List.of(), direct);
        }
        Stats[] whole = stats.remove(new Segment(Map.of()));
        if (whole == null) {
            whole = new Stats[] {Stats.EMPTY, Stats.EMPTY};
        }
        Map<Segment, Stats[]> singles = new LinkedHashMap<>();
        stats.forEach((k, v) -> {
            if (k.size() == 1) {
                singles.put(k, v);
            }
        });
        List<String> pairColumns = pairColumns(metrics, dims.stream().map(Dim::column).toList(), singles, whole);
        Set<Segment> outsidePairColumns = new java.util.HashSet<>();
        stats.keySet().stream().filter(k -> k.size() > 1 && !pairColumns.containsAll(k.conditions().keySet()))
                .forEach(outsidePairColumns::add);
        outsidePairColumns.forEach(stats::remove);
        List<List<Integer>> pairs = new ArrayList<>();
        for (int i = 0; i < pairColumns.size(); i++) {
            for (int j = i + 1; j < pairColumns.size(); j++) {
                List<Integer> pair = List.of(indexOf(dims, pairColumns.get(i)), indexOf(dims, pairColumns.get(j)));
                List<Integer> sorted = pair.stream().sorted().toList();
                if (!pairsDone.contains(sorted)) {
                    pairs.add(sorted);
                }
            }
        }
        if (!pairs.isEmpty()) {
            List<Integer> involved = pairs.stream().flatMap(List::stream).distinct().sorted().toList();
            if (combinations(dims, involved) <= FINE_GROUPS) {
                stats.putAll(aggregate(reference, current, metrics, dims, involved, pairs, List.of()));
            } else {
                stats.putAll(aggregate(reference, current, metrics, dims, List.of(), List.of(), pairs));
            }
        }
        List<RootCause> result = new ArrayList<>();
        for (int m = 0; m < metrics.size(); m++) {
            RootCause cause = rank(metrics.get(m), m, whole, stats);
            result.add(cause.metric().hasDisplay() ? withDisplay(cause, reference, current) : cause);
        }
        return result;
    }

    private static int indexOf(List<Dim> dims, String column) {
        for (int i = 0; i < dims.size(); i++) {
            if (dims.get(i).column().equals(column)) {
                return i;
            }
        }
        throw new IllegalArgumentException(column);
    }

    /** Upper bound of the number of value combinations of some dimensions (saturating). */
    private static long combinations(List<Dim> dims, List<Integer> which) {
        long product = 1;
        for (int i : which) {
            long c = dims.get(i).cardinality();
            if (c == Long.MAX_VALUE || product > FINE_GROUPS * 10 / Math.max(1, c) + 1) {
                return Long.MAX_VALUE;
            }
            product *= c;
        }
        return product;
    }

    private RootCause rank(SegmentMetric metric, int m, Stats[] whole, Map<Segment, Stats[]> stats) {
        SegmentSide refAll = whole[0].side(m, whole[0]);
        SegmentSide curAll = whole[1].side(m, whole[1]);
        if (refAll.value() == null || curAll.value() == null || refAll.value().equals(curAll.value())) {
            return new RootCause(metric, refAll, curAll, List.of());
        }
        double change = curAll.value() - refAll.value();
        Map<Segment, Contribution> all = new LinkedHashMap<>();
        stats.forEach((segment, sides) -> {
            if (metric.column() != null && segment.conditions().containsKey(metric.column())) {
                return;
            }
            all.put(segment, Contribution.of(segment, sides[0].side(m, whole[0]), sides[1].side(m, whole[1]),
                    refAll.value(), change));
        });
        List<Contribution> ranked = new ArrayList<>();
        for (Contribution c : all.values()) {
            if (!supported(c) || c.explanatory(change) <= 0) {
                continue;
            }
            if (c.segment().size() > 1 && !clearlyBeyondParents(c, all, change)) {
                continue;
            }
            ranked.add(c);
        }
        // By what a segment explains beyond its size (Contribution.excess), so that a segment as large as the slice
        // cannot come first only by being most of it; the contribution itself is still reported.
        ranked.sort(Comparator.comparingDouble((Contribution c) -> -c.excess(change))
                .thenComparingDouble(c -> -c.explanatory(change))
                .thenComparing(c -> c.segment().size()).thenComparing(c -> c.segment().name()));
        return new RootCause(metric, refAll, curAll, ranked.subList(0, Math.min(TOP, ranked.size())));
    }

    /**
     * The display aggregate (a quantile, e.g. latency p95) of the whole slices and of the ranked segments only.
     * One query per slice counts each distinct input value overall and in each ranked segment (filtered counts in
     * one hash aggregate), then running counts over the values in order give every segment's order statistics —
     * exact, and far cheaper than a holistic quantile aggregate per segment, which would keep every value.
     */
    private RootCause withDisplay(RootCause cause, Slice reference, Slice current) {
        Double[] ref = display(cause, reference);
        Double[] cur = display(cause, current);
        List<Contribution> top = new ArrayList<>();
        for (int i = 0; i < cause.top().size(); i++) {
            Contribution c = cause.top().get(i);
            top.add(new Contribution(c.segment(), withDisplay(c.reference(), ref[i + 1]),
                    withDisplay(c.current(), cur[i + 1]), c.within(), c.mix(), c.contribution(), c.shareOfChange()));
        }
        return new RootCause(cause.metric(), withDisplay(cause.reference(), ref[0]),
                withDisplay(cause.current(), cur[0]), top);
    }

    private static SegmentSide withDisplay(SegmentSide side, Double display) {
        return new SegmentSide(side.rows(), side.share(), side.value(), display);
    }

    private Double[] display(RootCause cause, Slice slice) {
        SegmentMetric metric = cause.metric();
        double q = metric.displayQuantile();
        int n = cause.top().size() + 1;
        String input = metric.displayRowSql();
        SqlBuilder counts = new SqlBuilder().sql("SELECT " + input + " AS x, count(*) AS c0");
        for (int i = 0; i < cause.top().size(); i++) {
            counts.sql(", count(*) FILTER (WHERE ");
            condition(counts, cause.top().get(i).segment());
            counts.sql(") AS c" + (i + 1));
        }
        counts.sql(" FROM " + slice.from() + " WHERE (").fragment(slice.condition()).sql(") AND " + input
                + " IS NOT NULL GROUP BY 1");
        if (!PreviousPlan.enabled(PreviousPlan.SEGMENTS)) {
            Double[] values = displayInJvm(counts, n, q, metric.displayLabel());
            if (values != null) {
                return values;
            }
        }
        SqlBuilder running = new SqlBuilder().sql("SELECT x");
        SqlBuilder picks = new SqlBuilder().sql("SELECT 0");
        for (int i = 0; i < n; i++) {
            running.sql(", sum(c" + i + ") OVER (ORDER BY x) AS r" + i + ", sum(c" + i + ") OVER () AS n" + i);
            String low = "floor((n" + i + " - 1) * " + q + ")";
            picks.sql(", CAST(max(n" + i + ") AS BIGINT), CAST(min(x) FILTER (WHERE r" + i + " > " + low + ") AS DOUBLE),"
                    + " CAST(min(x) FILTER (WHERE r" + i + " > least(" + low + " + 1, n" + i + " - 1)) AS DOUBLE)");
        }
        SqlFragment query = new SqlBuilder().fragment(picks.build()).sql(" FROM (").fragment(running.build())
                .sql(" FROM (").fragment(counts.build()).sql("))").build();
        return Queries.one(connection, query, rs -> {
            Double[] values = new Double[n];
            for (int i = 0; i < n; i++) {
                long count = rs.getLong(2 + 3 * i);
                Double low = Queries.doubleOrNull(rs, 3 + 3 * i);
                Double high = Queries.doubleOrNull(rs, 4 + 3 * i);
                if (count > 0 && low != null && high != null) {
                    double h = (count - 1) * q;
                    double t = h - Math.floor(h);
                    double d = high - low;
                    values[i] = t >= 0.5 ? high - d * (1 - t) : low + d * t;
                }
            }
            return values;
        }, metric.displayLabel() + " of the ranked segments");
    }

    /**
     * The display quantile of the whole slice and each ranked segment from the per-value counts read in value
     * order: running counts in the JVM instead of DuckDB's windows, which cost several times the counting itself
     * on the 10M-row demo (ADR 0105). The same order statistics and interpolation as the windowed query; null
     * (the caller runs that query) when there are more than {@link #DISPLAY_VALUES} distinct values.
     */
    private Double[] displayInJvm(SqlBuilder counts, int n, double q, String what) {
        SqlFragment sorted = new SqlBuilder().fragment(counts.build()).sql(" ORDER BY 1 LIMIT ")
                .value((long) DISPLAY_VALUES + 1).build();
        List<double[]> rows = Queries.list(connection, sorted, rs -> {
            double[] row = new double[n + 1];
            row[0] = rs.getDouble(1);
            for (int i = 0; i < n; i++) {
                row[i + 1] = rs.getLong(i + 2);
            }
            return row;
        }, what + " of the ranked segments (counts by value)");
        if (rows.size() > DISPLAY_VALUES) {
            return null;
        }
        Double[] values = new Double[n];
        for (int i = 0; i < n; i++) {
            long count = 0;
            for (double[] row : rows) {
                count += (long) row[i + 1];
            }
            if (count == 0) {
                continue;
            }
            double lowRank = Math.floor((count - 1) * q);
            double highRank = Math.min(lowRank + 1, count - 1);
            Double low = null;
            Double high = null;
            long running = 0;
            for (double[] row : rows) {
                running += (long) row[i + 1];
                if (low == null && running > lowRank) {
                    low = row[0];
                }
                if (running > highRank) {
                    high = row[0];
                    break;
                }
            }
            if (low != null && high != null) {
                double h = (count - 1) * q;
                double t = h - Math.floor(h);
                double d = high - low;
                values[i] = t >= 0.5 ? high - d * (1 - t) : low + d * t;
            }
        }
        return values;
    }

    /** The SQL condition selecting a segment's rows (values and range bounds as parameters). */
    private static void condition(SqlBuilder q, Segment segment) {
        int k = 0;
        for (Map.Entry<String, String> e : segment.conditions().entrySet()) {
            q.sql(k++ == 0 ? "" : " AND ");
            String c = Identifiers.quote(e.getKey());
            Segment.Bin bin = segment.bins().get(e.getKey());
            if (e.getValue().equals(Segment.NULL_VALUE) && bin == null) {
                q.sql(c + " IS NULL");
            } else if (bin != null) {
                String x = "CAST(" + c + " AS DOUBLE)";
                q.sql("(" + x + " IS NOT NULL");
                if (bin.lower() != null) {
                    q.sql(" AND " + x + " > ").value(bin.lower());
                }
                if (bin.upper() != null) {
                    q.sql(" AND " + x + " <= ").value(bin.upper());
                }
                q.sql(")");
            } else {
                q.sql("CAST(" + c + " AS VARCHAR) = ").value(e.getValue());
            }
        }
    }

    /** Enough rows on one side, and not the whole of both slices (such a segment explains nothing). */
    private static boolean supported(Contribution c) {
        if (c.reference().share() >= 1 && c.current().share() >= 1) {
            return false;
        }
        return c.reference().rows() >= MIN_ROWS && c.reference().share() >= MIN_SHARE
                || c.current().rows() >= MIN_ROWS && c.current().share() >= MIN_SHARE;
    }

    private static boolean clearlyBeyondParents(Contribution pair, Map<Segment, Contribution> all, double change) {
        for (String column : pair.segment().conditions().keySet()) {
            Contribution parent = all.get(pair.segment().part(column));
            if (parent != null && pair.explanatory(change) < PAIR_MARGIN * parent.explanatory(change)) {
                return false;
            }
        }
        return true;
    }

    /** The columns whose single segments explain most, over all metrics, for the pairs query. */
    private static List<String> pairColumns(List<SegmentMetric> metrics, List<String> columns,
                                            Map<Segment, Stats[]> singles, Stats[] whole) {
        Map<String, Double> best = new HashMap<>();
        for (int m = 0; m < metrics.size(); m++) {
            SegmentSide refAll = whole[0].side(m, whole[0]);
            SegmentSide curAll = whole[1].side(m, whole[1]);
            if (refAll.value() == null || curAll.value() == null || refAll.value().equals(curAll.value())) {
                continue;
            }
            double change = curAll.value() - refAll.value();
            for (Map.Entry<Segment, Stats[]> e : singles.entrySet()) {
                String column = e.getKey().conditions().keySet().iterator().next();
                if (column.equals(metrics.get(m).column())) {
                    continue;
                }
                Contribution c = Contribution.of(e.getKey(), e.getValue()[0].side(m, whole[0]),
                        e.getValue()[1].side(m, whole[1]), refAll.value(), change);
                best.merge(column, Math.abs(c.explanatory(change) / change), Math::max);
            }
        }
        return columns.stream().filter(best::containsKey)
                .sorted(Comparator.comparingDouble((String c) -> -best.get(c))).limit(PAIR_COLUMNS).toList();
    }

    /**
     * Counts and sums of every metric per segment set, over both slices, in one query. {@code direct} sets are
     * {@code GROUPING SETS} entries over the rows; with {@code fine} dimensions the rows are also grouped by (side,
     * every fine dimension) and each {@code regroup} set (subsets of {@code fine}; the empty set is the whole
     * slice) is summed from those groups. A direct set that is one numerical column with few values
     * ({@link Dim#byValue()}) groups the rows by (side, value) and those groups by range: the counts and sums are the
     * same, and no per-row range expression is evaluated (ADR 0057). Each set is (side, its dimensions); the empty
     * set is keyed by the empty segment.
     */
    private Map<Segment, Stats[]> aggregate(Slice reference, Slice current, List<SegmentMetric> metrics,
                                            List<Dim> dims, List<Integer> fine, List<List<Integer>> regroup,
                                            List<List<Integer>> direct) {
        Set<Integer> used = new java.util.TreeSet<>(fine);
        regroup.forEach(used::addAll);
        direct.forEach(used::addAll);
        List<Integer> usedDims = new ArrayList<>(used);
        // Dimensions grouped by value: in no set but their own single one.
        Set<Integer> byValue = new java.util.TreeSet<>();
        for (List<Integer> set : direct) {
            if (set.size() == 1 && dims.get(set.get(0)).byValue()) {
                byValue.add(set.get(0));
            }
        }
        for (List<List<Integer>> sets : List.of(regroup, direct)) {
            sets.stream().filter(set -> set.size() > 1).forEach(set -> set.forEach(byValue::remove));
        }
        fine.forEach(byValue::remove);
        SqlBuilder q = new SqlBuilder().sql("WITH r AS (");
        side(q, 0, reference, metrics, dims, usedDims, byValue);
        q.sql(" UNION ALL ");
        side(q, 1, current, metrics, dims, usedDims, byValue);
        q.sql(")");
        List<List<Integer>> level1 = new ArrayList<>(direct);
        if (!fine.isEmpty()) {
            level1.add(fine);
        }
        q.sql(", l1 AS " + (fine.isEmpty() && byValue.isEmpty() ? "" : "MATERIALIZED ") + "(SELECT side");
        for (int d : usedDims) {
            q.sql(", GROUPING(s" + d + ") AS g" + d + ", s" + d);
        }
        for (int m = 0; m < metrics.size(); m++) {
            q.sql(", count(v" + m + ") AS n" + m + ", sum(v" + m + ") AS t" + m);
        }
        q.sql(" FROM r GROUP BY GROUPING SETS (");
        sets(q, level1);
        q.sql("))");
        StringBuilder fineRows = new StringBuilder("TRUE");
        for (int d : usedDims) {
            fineRows.append(" AND g").append(d).append(fine.contains(d) ? " = 0" : " = 1");
        }
        boolean any = false;
        if (direct.size() > byValue.size()) {
            q.sql(" SELECT side");
            for (int d : usedDims) {
                // A by-value dimension's column holds values, not range indexes: never shown here.
                q.sql(byValue.contains(d) ? ", g" + d + ", CAST(NULL AS INTEGER)" : ", g" + d + ", s" + d);
            }
            for (int m = 0; m < metrics.size(); m++) {
                q.sql(", n" + m + ", t" + m + ", CAST(NULL AS DOUBLE)");
            }
            q.sql(" FROM l1 WHERE TRUE" + (fine.isEmpty() ? "" : " AND NOT (" + fineRows + ")"));
            for (int d : byValue) {
                q.sql(" AND g" + d + " = 1");
            }
            any = true;
        }
        for (int d : byValue) {
            q.sql(any ? " UNION ALL" : "").sql(" SELECT side");
            for (int u : usedDims) {
                q.sql(u == d ? ", 0, b" : ", 1, NULL");
            }
            for (int m = 0; m < metrics.size(); m++) {
                q.sql(", CAST(sum(n" + m + ") AS BIGINT), sum(t" + m + "), CAST(NULL AS DOUBLE)");
            }
            q.sql(" FROM (SELECT side, ");
            dims.get(d).rangeSql(q, "s" + d);
            q.sql(" AS b");
            for (int m = 0; m < metrics.size(); m++) {
                q.sql(", n" + m + ", t" + m);
            }
            q.sql(" FROM l1 WHERE g" + d + " = 0) GROUP BY side, b");
            any = true;
        }
        if (!fine.isEmpty()) {
            Set<Integer> regrouped = new java.util.HashSet<>();
            regroup.forEach(regrouped::addAll);
            q.sql(any ? " UNION ALL" : "").sql(" SELECT side");
            for (int d : usedDims) {
                // GROUPING() only names grouped columns; the others are constant here (not grouped).
                q.sql(regrouped.contains(d) ? ", GROUPING(s" + d + "), s" + d : ", 1, NULL");
            }
            for (int m = 0; m < metrics.size(); m++) {
                q.sql(", CAST(sum(n" + m + ") AS BIGINT), sum(t" + m + "), CAST(NULL AS DOUBLE)");
            }
            q.sql(" FROM l1 WHERE " + fineRows + " GROUP BY GROUPING SETS (");
            sets(q, regroup);
            q.sql(")");
        }
        Map<Segment, Stats[]> result = new LinkedHashMap<>();
        Queries.list(connection, q.build(), rs -> {
            int side = rs.getInt(1);
            Map<String, String> conditions = new LinkedHashMap<>();
            Map<String, Segment.Bin> bins = new LinkedHashMap<>();
            int col = 2;
            boolean rangeOfNulls = false;
            for (int d : usedDims) {
                boolean grouped = rs.getInt(col) == 0;
                String value = rs.getString(col + 1);
                if (grouped) {
                    Dim dim = dims.get(d);
                    if (value == null) {
                        // A numerical column's missing values are no range: its null share is a metric of its own.
                        rangeOfNulls |= dim.binned();
                        conditions.put(dim.column(), Segment.NULL_VALUE);
                    } else if (dim.binned()) {
                        Segment.Bin bin = dim.bin(Integer.parseInt(value));
                        conditions.put(dim.column(), bin.label());
                        bins.put(dim.column(), bin);
                    } else {
                        conditions.put(dim.column(), value);
                    }
                }
                col += 2;
            }
            if (!rangeOfNulls) {
                Stats s = Stats.read(rs, col, metrics.size());
                result.computeIfAbsent(new Segment(conditions, bins), k -> new Stats[] {Stats.EMPTY,
                        Stats.EMPTY})[side] = s;
            }
            return null;
        }, "root-cause segments");
        return result;
    }

    /** {@code (side, s1, s2), (side, s3)}: one entry per set, each with the side. */
    private static void sets(SqlBuilder q, List<List<Integer>> sets) {
        for (int i = 0; i < sets.size(); i++) {
            q.sql(i == 0 ? "(side" : ", (side");
            for (int d : sets.get(i)) {
                q.sql(", s" + d);
            }
            q.sql(")");
        }
    }

    private static void side(SqlBuilder q, int side, Slice slice, List<SegmentMetric> metrics, List<Dim> dims,
                             List<Integer> usedDims, Set<Integer> byValue) {
        q.sql("SELECT " + side + " AS side");
        for (int d : usedDims) {
            q.sql(", ");
            if (byValue.contains(d)) {
                q.sql(dims.get(d).doubleSql());
            } else {
                dims.get(d).valueSql(q);
            }
            q.sql(" AS s" + d);
        }
        for (int m = 0; m < metrics.size(); m++) {
            q.sql(", CAST(").fragment(metrics.get(m).valueSql()).sql(" AS DOUBLE) AS v" + m);
        }
        q.sql(" FROM " + slice.from() + " WHERE ").fragment(slice.condition());
    }

    /** Per metric: rows where it is defined, the sum of its values, the display aggregate. */
    private record Stats(long[] n, double[] sum, Double[] display) {
        static final Stats EMPTY = new Stats(new long[0], new double[0], new Double[0]);

        static Stats read(ResultSet rs, int firstColumn, int metrics) throws SQLException {
            long[] n = new long[metrics];
            double[] sum = new double[metrics];
            Double[] display = new Double[metrics];
            int col = firstColumn;
            for (int m = 0; m < metrics; m++) {
                n[m] = rs.getLong(col);
                sum[m] = rs.getDouble(col + 1);
                display[m] = Queries.doubleOrNull(rs, col + 2);
                col += 3;
            }
            return new Stats(n, sum, display);
        }

        SegmentSide side(int m, Stats whole) {
            long rows = n.length == 0 ? 0 : n[m];
            long total = whole.n.length == 0 ? 0 : whole.n[m];
            return new SegmentSide(rows, total == 0 ? 0 : (double) rows / total, rows == 0 ? null : sum[m] / rows,
                    display.length == 0 ? null : display[m]);
        }
    }
}
