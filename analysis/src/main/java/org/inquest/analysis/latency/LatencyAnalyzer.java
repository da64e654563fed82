package org.inquest.analysis.latency;

import java.sql.Connection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.inquest.analysis.performance.Grouping;
import org.inquest.analysis.slice.Slice;
import org.inquest.analysis.slice.SqlFragment;
import org.inquest.analysis.sql.PreviousPlan;
import org.inquest.analysis.sql.Queries;
import org.inquest.analysis.sql.SqlBuilder;
import org.inquest.connectors.catalog.ColumnInfo;
import org.inquest.connectors.catalog.ColumnRole;
import org.inquest.connectors.workspace.Identifiers;

/**
 * Latency quantiles and error rate in one aggregate query per slice (grouped when asked; the whole slice and its
 * groups together through {@code GROUPING SETS}, so the report reads the latencies once per side).
 */
public final class LatencyAnalyzer {
    private final Connection connection;

    public LatencyAnalyzer(Connection connection) {
        this.connection = connection;
    }

    /** Empty when the table has no {@code latency_ms} column. */
    public Optional<Latency> analyze(Slice slice) {
        return Optional.ofNullable(analyze(slice, Grouping.NONE).values().stream().findFirst()
                .orElse(slice.table().columnWithRole(ColumnRole.LATENCY_MS).isPresent()
                        ? new Latency(0, 0, null, null, null, null, null, null, null) : null));
    }

    public Map<String, Latency> analyze(Slice slice, Grouping grouping) {
        return compute(slice, grouping, false);
    }

    /** The whole slice's latency and each group's. */
    public record WithGroups(Latency overall, Map<String, Latency> groups) {
    }

    /**
     * The whole slice and its groups in one scan ({@code GROUPING SETS ((k), ())}); empty when the table has no
     * {@code latency_ms} column.
     */
    public Optional<WithGroups> analyzeWithOverall(Slice slice, Grouping grouping) {
        if (slice.table().columnWithRole(ColumnRole.LATENCY_MS).isEmpty()) {
            return Optional.empty();
        }
        Map<String, Latency> all = compute(slice, grouping, true);
        Latency overall = all.remove(OVERALL);
        return Optional.of(new WithGroups(overall == null ? new Latency(0, 0, null, null, null, null, null, null,
                ErrorColumn.find(slice.table()).map(ErrorColumn::name).orElse(null)) : overall, all));
    }

    private static final String OVERALL = "\u0000overall";

    private Map<String, Latency> compute(Slice slice, Grouping grouping, boolean withOverall) {
        Map<String, Latency> result = new LinkedHashMap<>();
        Optional<ColumnInfo> latency = slice.table().columnWithRole(ColumnRole.LATENCY_MS);
        if (latency.isEmpty()) {
            return result;
        }
        Optional<ErrorColumn> error = ErrorColumn.find(slice.table());
        String l = "CAST(" + Identifiers.quote(latency.get().name()) + " AS DOUBLE)";
        String e = error.map(ErrorColumn::flagSql).orElse("CAST(NULL AS DOUBLE)");
        SqlFragment rows = new SqlBuilder().sql("SELECT " + grouping.keySql() + " AS k, " + l + " AS l, " + e
                + " AS e FROM " + slice.from() + " WHERE ").fragment(slice.condition()).build();
        SqlFragment query = PreviousPlan.enabled(PreviousPlan.MODEL) ? previousQuery(rows, withOverall)
                : query(rows, withOverall);
        Queries.list(connection, query, rs -> {
            String key = withOverall && rs.getInt(2) == 1 ? OVERALL : rs.getString(1);
            long measured = rs.getLong(4);
            Double[] q = new Double[QUANTILES.length];
            for (int i = 0; i < QUANTILES.length; i++) {
                q[i] = interpolate(measured, QUANTILES[i], Queries.doubleOrNull(rs, 8 + 2 * i),
                        Queries.doubleOrNull(rs, 9 + 2 * i));
            }
            result.put(key, new Latency(rs.getLong(3), measured, q[0], q[1], q[2], Queries.doubleOrNull(rs, 5),
                    Queries.doubleOrNull(rs, 6), Queries.doubleOrNull(rs, 7),
                    error.map(ErrorColumn::name).orElse(null)));
            return null;
        }, "latency of " + slice.table().name());
        return result;
    }

    /**
     * One hash aggregate over the rows: per (group, latency) the row count, the latencies' sum and the error flags'
     * sum and count (ADR 0101). Latencies repeat (milliseconds at a fixed resolution: 54k distinct values among the
     * 10M-row demo's), so every later step — the whole slice as the cells summed by latency, rows, mean, max, error
     * rate, and the quantiles picked from running counts, exact with numpy's interpolation — reads those cells, not
     * the rows. A continuous latency makes as many cells as rows and the plan costs what the previous one did.
     */
    private static SqlFragment query(SqlFragment rows, boolean withOverall) {
        String overall = withOverall ? " UNION ALL SELECT NULL, 1, l, sum(c), sum(ls), sum(es), sum(ec) FROM cells"
                + " GROUP BY l" : "";
        return new SqlBuilder().sql("WITH cells AS MATERIALIZED (SELECT k, l, count(*) AS c, sum(l) AS ls,"
                + " sum(e) AS es, count(e) AS ec FROM (").fragment(rows).sql(") GROUP BY k, l),"
                + " vals AS (SELECT k, 0 AS gk, l, c, ls, es, ec FROM cells" + overall + "),"
                + " agg AS (SELECT k, gk, CAST(sum(c) AS BIGINT) AS rows,"
                + " CAST(coalesce(sum(c) FILTER (WHERE l IS NOT NULL), 0) AS BIGINT) AS measured,"
                + " sum(ls) / sum(c) FILTER (WHERE l IS NOT NULL) AS mean, max(l) AS mx,"
                + " sum(es) / nullif(sum(ec), 0) AS err FROM vals GROUP BY k, gk),"
                + " run AS (SELECT k, gk, l, sum(c) OVER (PARTITION BY k, gk ORDER BY l) AS cum,"
                + " sum(c) OVER (PARTITION BY k, gk) AS m FROM vals WHERE l IS NOT NULL),"
                + picks()).build();
    }

    /** The plan before ADR 0101: one scan for rows, mean, max and errors, another for the latency counts. */
    private static SqlFragment previousQuery(SqlFragment rows, boolean withOverall) {
        String sets = withOverall ? "GROUPING SETS ((k), ())" : "GROUPING SETS ((k))";
        String valueSets = withOverall ? "GROUPING SETS ((k, l), (l))" : "GROUPING SETS ((k, l))";
        return new SqlBuilder().sql("WITH v AS (").fragment(rows).sql("),"
                + " agg AS (SELECT k, GROUPING(k) AS gk, count(*) AS rows, count(l) AS measured, avg(l) AS mean,"
                + " max(l) AS mx, avg(e) AS err FROM v GROUP BY " + sets + "),"
                + " cnt AS (SELECT k, GROUPING(k) AS gk, l, count(*) AS c FROM v WHERE l IS NOT NULL GROUP BY "
                + valueSets + "),"
                + " run AS (SELECT k, gk, l, sum(c) OVER (PARTITION BY k, gk ORDER BY l) AS cum,"
                + " sum(c) OVER (PARTITION BY k, gk) AS m FROM cnt),"
                + picks()).build();
    }

    /**
     * The order statistics around (m − 1)·q for each quantile, from the running counts {@code cum} over the
     * distinct latencies of {@code run}, joined to the per-group aggregates {@code agg}.
     */
    private static String picks() {
        StringBuilder picks = new StringBuilder();
        for (int i = 0; i < QUANTILES.length; i++) {
            String low = "floor((m - 1) * " + QUANTILES[i] + ")";
            picks.append(", min(l) FILTER (WHERE cum > ").append(low).append(") AS lo").append(i)
                    .append(", min(l) FILTER (WHERE cum > least(").append(low).append(" + 1, m - 1)) AS hi")
                    .append(i);
        }
        return " qs AS (SELECT k, gk" + picks + " FROM run GROUP BY k, gk)"
                + " SELECT agg.k, agg.gk, rows, measured, mean, mx, err, lo0, hi0, lo1, hi1, lo2, hi2"
                + " FROM agg LEFT JOIN qs ON agg.k IS NOT DISTINCT FROM qs.k AND agg.gk = qs.gk"
                + " ORDER BY agg.gk DESC, agg.k";
    }

    private static final double[] QUANTILES = {0.5, 0.95, 0.99};

    /** Linear interpolation between the order statistics around (n − 1)·q, as numpy (its two-sided lerp). */
    static Double interpolate(long n, double q, Double low, Double high) {
        if (n == 0 || low == null || high == null) {
            return null;
        }
        double h = (n - 1) * q;
        double t = h - Math.floor(h);
        double d = high - low;
        return t >= 0.5 ? high - d * (1 - t) : low + d * t;
    }
}
