package org.inquest.analysis.latency;

import java.sql.Connection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.inquest.analysis.performance.Grouping;
import org.inquest.analysis.slice.Slice;
import org.inquest.analysis.slice.SqlFragment;
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
                null) : overall, all));
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
        String sets = withOverall ? "GROUPING SETS ((k), ())" : "GROUPING SETS ((k))";
        String valueSets = withOverall ? "GROUPING SETS ((k, l), (l))" : "GROUPING SETS ((k, l))";
        StringBuilder picks = new StringBuilder();
        for (int i = 0; i < QUANTILES.length; i++) {
            String low = "floor((m - 1) * " + QUANTILES[i] + ")";
            picks.append(", min(l) FILTER (WHERE cum > ").append(low).append(") AS lo").append(i)
                    .append(", min(l) FILTER (WHERE cum > least(").append(low).append(" + 1, m - 1)) AS hi")
                    .append(i);
        }
        // Quantiles from running counts over the distinct latencies (latencies repeat: milliseconds at a fixed
        // resolution), exact with numpy's interpolation, instead of quantile_cont keeping every value.
        SqlFragment query = new SqlBuilder().sql("WITH v AS (SELECT " + grouping.keySql() + " AS k, " + l + " AS l, "
                + e + " AS e FROM " + slice.from() + " WHERE ").fragment(slice.condition()).sql("),"
                + " agg AS (SELECT k, GROUPING(k) AS gk, count(*) AS rows, count(l) AS measured, avg(l) AS mean,"
                + " max(l) AS mx, avg(e) AS err FROM v GROUP BY " + sets + "),"
                + " cnt AS (SELECT k, GROUPING(k) AS gk, l, count(*) AS c FROM v WHERE l IS NOT NULL GROUP BY "
                + valueSets + "),"
                + " run AS (SELECT k, gk, l, sum(c) OVER (PARTITION BY k, gk ORDER BY l) AS cum,"
                + " sum(c) OVER (PARTITION BY k, gk) AS m FROM cnt),"
                + " qs AS (SELECT k, gk" + picks + " FROM run GROUP BY k, gk)"
                + " SELECT agg.k, agg.gk, rows, measured, mean, mx, err, lo0, hi0, lo1, hi1, lo2, hi2"
                + " FROM agg LEFT JOIN qs ON agg.k IS NOT DISTINCT FROM qs.k AND agg.gk = qs.gk"
                + " ORDER BY agg.gk DESC, agg.k").build();
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
