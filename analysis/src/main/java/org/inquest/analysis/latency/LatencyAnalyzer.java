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
        SqlFragment query = new SqlBuilder().sql("SELECT k, GROUPING(k), count(*), count(l),"
                + " quantile_cont(l, [0.5, 0.95, 0.99]), avg(l), max(l), avg(e) FROM (SELECT " + grouping.keySql()
                + " AS k, " + l + " AS l, " + e + " AS e FROM " + slice.from() + " WHERE ")
                .fragment(slice.condition()).sql(") GROUP BY " + (withOverall ? "GROUPING SETS ((k), ())" : "k")
                        + " ORDER BY GROUPING(k) DESC, k").build();
        Queries.list(connection, query, rs -> {
            java.sql.Array q = rs.getArray(5);
            Object[] qs = q == null ? null : (Object[]) q.getArray();
            String key = withOverall && rs.getInt(2) == 1 ? OVERALL : rs.getString(1);
            result.put(key, new Latency(rs.getLong(3), rs.getLong(4), quantile(qs, 0),
                    quantile(qs, 1), quantile(qs, 2), Queries.doubleOrNull(rs, 6), Queries.doubleOrNull(rs, 7),
                    Queries.doubleOrNull(rs, 8), error.map(ErrorColumn::name).orElse(null)));
            return null;
        }, "latency of " + slice.table().name());
        return result;
    }

    private static Double quantile(Object[] values, int index) {
        return values == null || values[index] == null ? null : ((Number) values[index]).doubleValue();
    }
}
