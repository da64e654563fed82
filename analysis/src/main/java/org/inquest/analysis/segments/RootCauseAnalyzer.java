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
import org.inquest.analysis.sql.Queries;
import org.inquest.analysis.sql.SqlBuilder;
import org.inquest.connectors.workspace.Identifiers;

/**
 * Ranks segments (column = value, and pairs of them) by how much of a metric's change between two slices they
 * explain (see {@link Contribution}). All metrics are aggregated together: one {@code GROUPING SETS} query over
 * both slices for single columns, then one for pairs among the most explanatory columns. The JVM receives one row
 * per (side, segment).
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

    private final Connection connection;

    public RootCauseAnalyzer(Connection connection) {
        this.connection = connection;
    }

    public List<RootCause> analyze(Slice reference, Slice current, List<SegmentMetric> metrics, List<String> columns) {
        if (metrics.isEmpty()) {
            return List.of();
        }
        List<List<Integer>> singles = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            singles.add(List.of(i));
        }
        Map<Segment, Stats[]> stats = aggregate(reference, current, metrics, columns, singles, true);
        Map<Segment, Stats[]> overall = Map.of(new Segment(Map.of()), stats.remove(new Segment(Map.of())));
        List<String> pairColumns = pairColumns(metrics, columns, stats, overall.values().iterator().next());
        if (pairColumns.size() >= 2) {
            List<List<Integer>> pairs = new ArrayList<>();
            for (int i = 0; i < pairColumns.size(); i++) {
                for (int j = i + 1; j < pairColumns.size(); j++) {
                    pairs.add(List.of(columns.indexOf(pairColumns.get(i)), columns.indexOf(pairColumns.get(j))));
                }
            }
            stats.putAll(aggregate(reference, current, metrics, columns, pairs, false));
        }
        Stats[] whole = overall.values().iterator().next();
        List<RootCause> result = new ArrayList<>();
        for (int m = 0; m < metrics.size(); m++) {
            RootCause cause = rank(metrics.get(m), m, whole, stats);
            result.add(cause.metric().hasDisplay() ? withDisplay(cause, reference, current) : cause);
        }
        return result;
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
        ranked.sort(Comparator.comparingDouble((Contribution c) -> -c.explanatory(change))
                .thenComparing(c -> c.segment().size()).thenComparing(c -> c.segment().name()));
        return new RootCause(metric, refAll, curAll, ranked.subList(0, Math.min(TOP, ranked.size())));
    }

    /**
     * The display aggregate (e.g. latency p95) of the whole slices and of the ranked segments only: one scan per
     * slice with one filtered aggregate per segment. Holistic aggregates inside the GROUPING SETS query would keep
     * every value of every segment of every set.
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
        String input = metric.displayRowSql();
        SqlBuilder q = new SqlBuilder().sql("SELECT " + String.format(java.util.Locale.ROOT,
                metric.displayAggregate(), input));
        for (Contribution c : cause.top()) {
            q.sql(", " + String.format(java.util.Locale.ROOT, metric.displayAggregate(), input) + " FILTER (WHERE ");
            int k = 0;
            for (Map.Entry<String, String> e : c.segment().conditions().entrySet()) {
                String column = "CAST(" + Identifiers.quote(e.getKey()) + " AS VARCHAR)";
                q.sql(k++ == 0 ? "" : " AND ");
                if (e.getValue().equals(Segment.NULL_VALUE)) {
                    q.sql(column + " IS NULL");
                } else {
                    q.sql(column + " = ").value(e.getValue());
                }
            }
            q.sql(")");
        }
        q.sql(" FROM " + slice.from() + " WHERE ").fragment(slice.condition());
        int n = cause.top().size() + 1;
        return Queries.one(connection, q.build(), rs -> {
            Double[] values = new Double[n];
            for (int i = 0; i < n; i++) {
                values[i] = Queries.doubleOrNull(rs, i + 1);
            }
            return values;
        }, metric.displayLabel() + " of the ranked segments");
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
        for (Map.Entry<String, String> condition : pair.segment().conditions().entrySet()) {
            Contribution parent = all.get(Segment.of(condition.getKey(), condition.getValue()));
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
     * One GROUPING SETS query over both slices. Each set is (side, its columns); with {@code withOverall} the set
     * (side) gives each slice's totals, keyed by the empty segment.
     */
    private Map<Segment, Stats[]> aggregate(Slice reference, Slice current, List<SegmentMetric> metrics,
                                            List<String> columns, List<List<Integer>> sets, boolean withOverall) {
        Set<Integer> used = new LinkedHashSet<>();
        sets.forEach(used::addAll);
        List<Integer> usedColumns = new ArrayList<>(used);
        SqlBuilder q = new SqlBuilder().sql("WITH r AS (");
        side(q, 0, reference, metrics, columns, usedColumns);
        q.sql(" UNION ALL ");
        side(q, 1, current, metrics, columns, usedColumns);
        q.sql(") SELECT side");
        for (int c : usedColumns) {
            q.sql(", GROUPING(s" + c + "), s" + c);
        }
        for (int m = 0; m < metrics.size(); m++) {
            q.sql(", count(v" + m + "), sum(v" + m + ")");
            SegmentMetric metric = metrics.get(m);
            q.sql(", CAST(NULL AS DOUBLE)"); // display aggregates: only for the ranked segments, see withDisplay
        }
        q.sql(" FROM r GROUP BY GROUPING SETS (" + (withOverall ? "(side)" : ""));
        for (int i = 0; i < sets.size(); i++) {
            q.sql(i == 0 && !withOverall ? "" : ", ").sql("(side");
            for (int c : sets.get(i)) {
                q.sql(", s" + c);
            }
            q.sql(")");
        }
        q.sql(")");
        Map<Segment, Stats[]> result = new LinkedHashMap<>();
        Queries.list(connection, q.build(), rs -> {
            int side = rs.getInt(1);
            Map<String, String> conditions = new LinkedHashMap<>();
            int col = 2;
            for (int c : usedColumns) {
                boolean grouped = rs.getInt(col) == 0;
                String value = rs.getString(col + 1);
                if (grouped) {
                    conditions.put(columns.get(c), value == null ? Segment.NULL_VALUE : value);
                }
                col += 2;
            }
            Stats s = Stats.read(rs, col, metrics.size());
            result.computeIfAbsent(new Segment(conditions), k -> new Stats[] {Stats.EMPTY, Stats.EMPTY})[side] = s;
            return null;
        }, "root-cause segments");
        if (withOverall) {
            result.computeIfAbsent(new Segment(Map.of()), k -> new Stats[] {Stats.EMPTY, Stats.EMPTY});
        }
        return result;
    }

    private static void side(SqlBuilder q, int side, Slice slice, List<SegmentMetric> metrics, List<String> columns,
                             List<Integer> usedColumns) {
        q.sql("SELECT " + side + " AS side");
        for (int c : usedColumns) {
            q.sql(", CAST(" + Identifiers.quote(columns.get(c)) + " AS VARCHAR) AS s" + c);
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
