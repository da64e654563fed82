package org.inquest.analysis.quality;

import java.sql.Array;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.inquest.analysis.filter.Timestamps;
import org.inquest.analysis.filter.ValueType;
import org.inquest.analysis.slice.Slice;
import org.inquest.analysis.sql.PreviousPlan;
import org.inquest.analysis.sql.Queries;
import org.inquest.analysis.sql.SqlBuilder;
import org.inquest.connectors.catalog.ColumnInfo;
import org.inquest.connectors.workspace.ColumnFacts;
import org.inquest.connectors.workspace.Identifiers;

/**
 * Profiles every column of a slice: row count, non-null count, exact distinct count, min/max, mean, population std
 * and (when asked) quantiles for numeric columns, min/max for temporal ones. When reference bounds are given, the
 * same scan counts values outside them (out of range). Integer columns keep exact BIGINT bounds; other numeric types
 * are compared as DOUBLE.
 *
 * <p>Exact distinct counts and quantiles are what cost (a hash table or a sort per column, each several times an
 * aggregate scan), so each column gets the cheapest exact plan (ADR 0052):
 * <ul>
 *   <li>a probe of the first {@value #PROBE_ROWS} rows finds columns that look stored in order (log timestamps,
 *       sequential ids); those get an {@link OrderedPass} — one streaming pass, no hash table, no sort — which falls
 *       back to the plans below if the whole column turns out not to be in order;</li>
 *   <li>continuous numeric columns (the probe finds more than 90 % of its values distinct): the same pass over
 *       the values sorted first, so one sort gives distinct count and quantiles;</li>
 *   <li>other high-cardinality columns (unordered ids): when the probe finds every value different, one sort of
 *       their 64-bit hashes proves them all different ({@link UniqueValues}); otherwise (or when the proof fails)
 *       {@code count(DISTINCT)} in a query of its own;</li>
 *   <li>everything else (few distinct values): {@code count(DISTINCT)} and {@code quantile_cont} in the one
 *       aggregate scan with the cheap statistics.</li>
 * </ul>
 * Categorical columns may take their distinct counts from elsewhere (the category count of {@link CategoryCounter}
 * already groups them). In approximate mode quantiles use DuckDB's T-digest ({@code approx_quantile}); everything
 * else stays exact. (Distinct counts stay exact: DuckDB's HyperLogLog missed by 9 % on 200,000 distinct values,
 * too coarse to report.)
 */
final class SliceProfiler {
    static final double[] QUANTILES = {0.05, 0.25, 0.5, 0.75, 0.95};
    static final String[] QUANTILE_KEYS = {"p05", "p25", "p50", "p75", "p95"};
    /** Rows read by the probe that looks for columns stored in order. */
    static final int PROBE_ROWS = 50_000;
    /** A probed column with more distinct values than this share of its values counts as continuous. */
    static final double CONTINUOUS = 0.9;
    private static final Set<String> INTEGRAL = Set.of("TINYINT", "SMALLINT", "INTEGER", "BIGINT", "UTINYINT",
            "USMALLINT", "UINTEGER");

    /** Bounds for the out-of-range count: {@code Long}s for integer columns, {@code Double}s otherwise. */
    record Bounds(Object min, Object max) {
    }

    /** A profile and, when bounds were given, the out-of-range counts by column. */
    record Profile(long rows, Map<String, ColumnStats> columns, Map<String, Long> outOfRange) {
    }

    /**
     * What to compute beyond the cheap statistics.
     *
     * @param quantiles         whether numeric columns get quantiles
     * @param approximate       quantiles by T-digest instead of exactly
     * @param distinctElsewhere columns whose distinct count the caller computes (left null here)
     */
    record Detail(boolean quantiles, boolean approximate, Set<String> distinctElsewhere) {
        static final Detail FULL = new Detail(true, false, Set.of());
    }

    private SliceProfiler() {
    }

    static boolean isIntegral(ColumnInfo c) {
        return INTEGRAL.contains(c.sqlType().toUpperCase(Locale.ROOT));
    }

    static Profile profile(Connection connection, Slice slice, List<ColumnInfo> columns, Map<String, Bounds> bounds,
                           boolean approximate) {
        return profile(connection, slice, columns, bounds, new Detail(true, approximate, Set.of()));
    }

    static Profile profile(Connection connection, Slice slice, List<ColumnInfo> columns, Map<String, Bounds> bounds,
                           Detail detail) {
        Set<String> knownUnique = knownUnique(connection, slice, columns, detail);
        List<ColumnInfo> distinctHere = columns.stream().filter(c -> ColumnKind.of(c) != ColumnKind.OTHER
                && !detail.distinctElsewhere().contains(c.name()) && !knownUnique.contains(c.name())).toList();
        Set<String> continuous = new LinkedHashSet<>();
        Set<String> uniqueInProbe = new LinkedHashSet<>();
        Set<String> ordered = probe(connection, slice, distinctHere.stream()
                .filter(c -> ColumnKind.of(c) != ColumnKind.CATEGORICAL).toList(), continuous, uniqueInProbe);
        // Continuous numeric columns: one sort gives the distinct count and the quantiles. (Sorting 5M doubles
        // cost less CPU than count(DISTINCT) of them on the demo, and yields the quantiles for free.)
        Set<String> sorted = new LinkedHashSet<>();
        columns.stream().filter(c -> continuous.contains(c.name()) && !ordered.contains(c.name())
                && ValueType.ofSqlType(c.sqlType()) == ValueType.NUMBER).forEach(c -> sorted.add(c.name()));
        // Other high-cardinality columns (unordered ids, text): their own count(DISTINCT) query each. Several
        // large distinct aggregates in one query cost more than the same aggregates run one after another.
        Set<String> alone = new LinkedHashSet<>();
        columns.stream().filter(c -> continuous.contains(c.name()) && !ordered.contains(c.name())
                && !sorted.contains(c.name())).forEach(c -> alone.add(c.name()));
        Set<String> passed = new LinkedHashSet<>(ordered);
        passed.addAll(sorted);
        Set<String> scanned = new LinkedHashSet<>();
        distinctHere.stream().map(ColumnInfo::name).filter(n -> !passed.contains(n) && !alone.contains(n))
                .forEach(scanned::add);
        Profile profile = scan(connection, slice, columns, bounds, detail, scanned, passed);
        for (ColumnInfo c : columns) {
            if (knownUnique.contains(c.name())) {
                ColumnStats cheap = profile.columns().get(c.name());
                profile.columns().put(c.name(), cheap.withDistinct(cheap.values(), cheap.quantiles()));
            } else if (passed.contains(c.name())) {
                profile.columns().put(c.name(), ordered(connection, slice, c, profile.columns().get(c.name()),
                        detail, sorted.contains(c.name())));
            } else if (alone.contains(c.name())) {
                ColumnStats cheap = profile.columns().get(c.name());
                // Identifiers (every probed value different): a sort of their hashes can prove them all
                // different, far cheaper than hashing the values into a table (ADR 0056).
                profile.columns().put(c.name(), uniqueInProbe.contains(c.name()) && !PreviousPlan.enabled()
                        && UniqueValues.proven(connection, slice, c.name(), cheap.values())
                        ? cheap.withDistinct(cheap.values(), cheap.quantiles())
                        : distinctAlone(connection, slice, c, cheap));
            }
        }
        return profile;
    }

    /**
     * Identifier columns the import proved unique over the whole table, as it still is ({@link ColumnFacts}, ADR
     * 0132): unique in every slice, so their distinct count is their non-null count, with no probe, pass or sort.
     * Not for numeric columns when quantiles are asked for (their ordered or sorted pass gives those).
     */
    private static Set<String> knownUnique(Connection connection, Slice slice, List<ColumnInfo> columns,
                                           Detail detail) {
        Set<String> known = new LinkedHashSet<>();
        if (PreviousPlan.enabled(PreviousPlan.FACTS)) {
            return known;
        }
        for (ColumnInfo c : columns) {
            if (ColumnKind.of(c) == ColumnKind.IDENTIFIER && !detail.distinctElsewhere().contains(c.name())
                    && !(detail.quantiles() && ValueType.ofSqlType(c.sqlType()) == ValueType.NUMBER)
                    && ColumnFacts.unique(connection, slice.table().name(), c.name())) {
                known.add(c.name());
            }
        }
        return known;
    }

    /** The exact distinct count of one column in a query of its own. */
    private static ColumnStats distinctAlone(Connection connection, Slice slice, ColumnInfo c, ColumnStats cheap) {
        SqlBuilder q = new SqlBuilder().sql("SELECT count(DISTINCT " + Identifiers.quote(c.name()) + ") FROM "
                + slice.from() + " WHERE ").fragment(slice.condition());
        return Queries.one(connection, q.build(), rs -> cheap.withDistinct(rs.getLong(1), cheap.quantiles()),
                "distinct values of " + c.name() + " in " + slice.table().name());
    }

    /**
     * Returns the columns whose first {@value #PROBE_ROWS} values are non-null, arrive in non-decreasing order and
     * are not all equal (candidates for an {@link OrderedPass}); adds to {@code continuous} those whose probed
     * values are more than {@value #CONTINUOUS}·n distinct, and to {@code unique} those whose probed values are all
     * different.
     */
    private static Set<String> probe(Connection connection, Slice slice, List<ColumnInfo> candidates,
                                     Set<String> continuous, Set<String> unique) {
        Set<String> ordered = new LinkedHashSet<>();
        if (candidates.isEmpty()) {
            return ordered;
        }
        SqlBuilder q = new SqlBuilder().sql("SELECT 0");
        for (int i = 0; i < candidates.size(); i++) {
            q.sql(", count(x" + i + "), count(*) FILTER (WHERE x" + i + " < p" + i + " OR x" + i + " IS NULL),"
                    + " count(*) FILTER (WHERE x" + i + " <> p" + i + "), count(DISTINCT x" + i + ")");
        }
        q.sql(" FROM (SELECT ");
        for (int i = 0; i < candidates.size(); i++) {
            q.sql((i == 0 ? "" : ", ") + "x" + i + ", lag(x" + i + ") OVER (ROWS UNBOUNDED PRECEDING) AS p" + i);
        }
        q.sql(" FROM (SELECT ");
        for (int i = 0; i < candidates.size(); i++) {
            q.sql((i == 0 ? "" : ", ") + Identifiers.quote(candidates.get(i).name()) + " AS x" + i);
        }
        q.sql(" FROM " + slice.from() + " WHERE ").fragment(slice.condition()).sql(" LIMIT " + PROBE_ROWS + "))");
        Queries.one(connection, q.build(), rs -> {
            for (int i = 0; i < candidates.size(); i++) {
                // A null in the probe could hide a step down between its neighbours: such columns are not probed.
                long values = rs.getLong(2 + 4 * i);
                if (values > 1 && rs.getLong(3 + 4 * i) == 0 && rs.getLong(4 + 4 * i) > 0) {
                    ordered.add(candidates.get(i).name());
                }
                if (values > 0 && rs.getLong(5 + 4 * i) > CONTINUOUS * values) {
                    continuous.add(candidates.get(i).name());
                }
                if (values > 0 && rs.getLong(5 + 4 * i) == values) {
                    unique.add(candidates.get(i).name());
                }
            }
            return null;
        }, "order probe of " + slice.table().name());
        return ordered;
    }

    /** Distinct count (and quantiles) of a column the probe found in order, with the fallback when it is not. */
    private static ColumnStats ordered(Connection connection, Slice slice, ColumnInfo c, ColumnStats cheap,
                                       Detail detail, boolean sort) {
        boolean numeric = ValueType.ofSqlType(c.sqlType()) == ValueType.NUMBER;
        boolean wantQuantiles = numeric && detail.quantiles() && cheap.values() > 0;
        long[] ranks = wantQuantiles ? Interpolation.ranks(cheap.values(), QUANTILES) : new long[0];
        OrderedPass.Result pass = OrderedPass.run(connection, slice, c.name(), ranks, sort);
        if (pass.ordered() && pass.values() == cheap.values()) {
            Map<String, Double> quantiles = wantQuantiles ? Interpolation.quantiles(cheap.values(), QUANTILES,
                    QUANTILE_KEYS, ranks, pass.orderStatistics()) : null;
            return cheap.withDistinct(pass.distinct(), quantiles);
        }
        String col = Identifiers.quote(c.name());
        SqlBuilder q = new SqlBuilder().sql("SELECT count(DISTINCT " + col + ")");
        if (numeric && detail.quantiles()) {
            quantileSql(q, col, detail.approximate());
        }
        q.sql(" FROM " + slice.from() + " WHERE ").fragment(slice.condition());
        return Queries.one(connection, q.build(), rs -> cheap.withDistinct(rs.getLong(1),
                numeric && detail.quantiles() ? quantiles(rs.getArray(2)) : null),
                "distinct values of " + c.name() + " in " + slice.table().name());
    }

    private static void quantileSql(SqlBuilder q, String col, boolean approximate) {
        q.sql(", " + (approximate ? "approx_quantile(" : "quantile_cont(") + "CAST(" + col + " AS DOUBLE), [");
        for (int i = 0; i < QUANTILES.length; i++) {
            q.sql((i == 0 ? "" : ", ") + QUANTILES[i]);
        }
        q.sql("])");
    }

    /**
     * The aggregate scan: counts, bounds and moments of every column, exact distinct counts of the columns in
     * {@code withDistinct}, and quantiles of the numeric columns not in {@code ordered} (an ordered pass reads
     * those).
     */
    private static Profile scan(Connection connection, Slice slice, List<ColumnInfo> columns,
                                Map<String, Bounds> bounds, Detail detail, Set<String> withDistinct,
                                Set<String> ordered) {
        // Integer columns' mean and std from exact integer sums (ADR 0105): a fifth of the CPU of avg and
        // stddev_pop (a division per row), and exact where those round.
        Set<String> exact = new LinkedHashSet<>();
        columns.stream().filter(c -> IntegerMoments.applies(c.sqlType()) && !PreviousPlan.enabled(PreviousPlan.QUALITY))
                .forEach(c -> exact.add(c.name()));
        SqlBuilder q = new SqlBuilder().sql("SELECT count(*)");
        for (ColumnInfo c : columns) {
            String col = Identifiers.quote(c.name());
            ValueType type = ValueType.ofSqlType(c.sqlType());
            boolean here = withDistinct.contains(c.name());
            q.sql(", count(" + col + ")");
            q.sql(here ? ", count(DISTINCT " + col + ")" : ", NULL");
            if (type == ValueType.NUMBER) {
                String asDouble = "CAST(" + col + " AS DOUBLE)";
                String bound = isIntegral(c) ? "CAST(%s(" + col + ") AS BIGINT)" : "%s(" + asDouble + ")";
                q.sql(", " + String.format(bound, "min") + ", " + String.format(bound, "max"));
                if (exact.contains(c.name())) {
                    String wide = "CAST(" + col + " AS BIGINT)";
                    q.sql(", sum(" + wide + "), sum(" + wide + " * " + col + ")");
                } else {
                    q.sql(", avg(" + asDouble + "), stddev_pop(" + asDouble + ")");
                }
                if (detail.quantiles() && !ordered.contains(c.name())) {
                    quantileSql(q, col, detail.approximate());
                } else {
                    q.sql(", NULL");
                }
                Bounds b = bounds.get(c.name());
                if (b != null) {
                    String value = isIntegral(c) ? col : asDouble;
                    q.sql(", count_if(" + value + " < ").value(b.min()).sql(" OR " + value + " > ").value(b.max())
                            .sql(")");
                }
            } else if (type == ValueType.TIMESTAMP) {
                q.sql(", CAST(min(" + col + ") AS VARCHAR), CAST(max(" + col + ") AS VARCHAR)");
            }
        }
        q.sql(" FROM " + slice.from() + " WHERE ").fragment(slice.condition());
        return Queries.one(connection, q.build(), rs -> read(rs, columns, bounds, exact),
                "profile of " + slice.table().name());
    }

    private static Profile read(ResultSet rs, List<ColumnInfo> columns, Map<String, Bounds> bounds,
                                Set<String> exact) throws SQLException {
        int i = 1;
        long rows = rs.getLong(i++);
        Map<String, ColumnStats> stats = new LinkedHashMap<>();
        Map<String, Long> outOfRange = new LinkedHashMap<>();
        for (ColumnInfo c : columns) {
            ValueType type = ValueType.ofSqlType(c.sqlType());
            long values = rs.getLong(i++);
            long distinctValue = rs.getLong(i);
            Long distinct = rs.wasNull() ? null : distinctValue;
            i++;
            Object min = null;
            Object max = null;
            Double mean = null;
            Double std = null;
            Map<String, Double> quantiles = null;
            if (type == ValueType.NUMBER) {
                // Not a conditional expression: Long and Double operands would be unboxed and promoted to double.
                if (isIntegral(c)) {
                    min = longOrNull(rs, i);
                    max = longOrNull(rs, i + 1);
                } else {
                    min = doubleOrNull(rs, i);
                    max = doubleOrNull(rs, i + 1);
                }
                if (exact.contains(c.name())) {
                    IntegerMoments moments = IntegerMoments.of(values, bigOrNull(rs, i + 2), bigOrNull(rs, i + 3));
                    mean = moments == null ? null : moments.mean();
                    std = moments == null ? null : moments.std();
                } else {
                    mean = doubleOrNull(rs, i + 2);
                    std = doubleOrNull(rs, i + 3);
                }
                quantiles = quantiles(rs.getArray(i + 4));
                i += 5;
                if (bounds.containsKey(c.name())) {
                    outOfRange.put(c.name(), rs.getLong(i++));
                }
            } else if (type == ValueType.TIMESTAMP) {
                min = time(rs.getString(i));
                max = time(rs.getString(i + 1));
                i += 2;
            }
            long nulls = rows - values;
            double nullShare = rows == 0 ? 0.0 : (double) nulls / rows;
            stats.put(c.name(), new ColumnStats(rows, nulls, nullShare, distinct, min, max, mean, std, quantiles,
                    null));
        }
        return new Profile(rows, stats, outOfRange);
    }

    private static Map<String, Double> quantiles(Array array) throws SQLException {
        if (array == null) {
            return null;
        }
        Object[] values = (Object[]) array.getArray();
        Map<String, Double> out = new LinkedHashMap<>();
        for (int k = 0; k < values.length && k < QUANTILE_KEYS.length; k++) {
            out.put(QUANTILE_KEYS[k], values[k] == null ? null : ((Number) values[k]).doubleValue());
        }
        return out;
    }

    private static String time(String duckText) {
        if (duckText == null) {
            return null;
        }
        java.time.LocalDateTime t = Timestamps.parseTimestamp(duckText);
        return t == null ? duckText : Timestamps.format(t);
    }

    private static java.math.BigInteger bigOrNull(ResultSet rs, int index) throws SQLException {
        Object v = rs.getObject(index);
        if (v == null) {
            return null;
        }
        return v instanceof java.math.BigInteger b ? b : new java.math.BigDecimal(v.toString()).toBigIntegerExact();
    }

    private static Long longOrNull(ResultSet rs, int index) throws SQLException {
        long v = rs.getLong(index);
        return rs.wasNull() ? null : v;
    }

    private static Double doubleOrNull(ResultSet rs, int index) throws SQLException {
        double v = rs.getDouble(index);
        return rs.wasNull() ? null : v;
    }
}
