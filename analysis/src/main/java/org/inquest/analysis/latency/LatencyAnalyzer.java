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

/** Latency quantiles and error rate in one aggregate query per slice (grouped when asked). */
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
        Map<String, Latency> result = new LinkedHashMap<>();
        Optional<ColumnInfo> latency = slice.table().columnWithRole(ColumnRole.LATENCY_MS);
        if (latency.isEmpty()) {
            return result;
        }
        Optional<ErrorColumn> error = ErrorColumn.find(slice.table());
        String l = "CAST(" + Identifiers.quote(latency.get().name()) + " AS DOUBLE)";
        SqlFragment query = new SqlBuilder().sql("SELECT " + grouping.keySql() + " AS k, count(*), count(" + l
                + "), quantile_cont(" + l + ", [0.5, 0.95, 0.99]), avg(" + l + "), max(" + l + "), "
                + error.map(e -> "avg(" + e.flagSql() + ")").orElse("CAST(NULL AS DOUBLE)") + " FROM "
                + slice.from() + " WHERE ").fragment(slice.condition()).sql(" GROUP BY k ORDER BY k").build();
        Queries.list(connection, query, rs -> {
            java.sql.Array q = rs.getArray(4);
            Object[] qs = q == null ? null : (Object[]) q.getArray();
            result.put(rs.getString(1), new Latency(rs.getLong(2), rs.getLong(3), quantile(qs, 0),
                    quantile(qs, 1), quantile(qs, 2), Queries.doubleOrNull(rs, 5), Queries.doubleOrNull(rs, 6),
                    Queries.doubleOrNull(rs, 7), error.map(ErrorColumn::name).orElse(null)));
            return null;
        }, "latency of " + slice.table().name());
        return result;
    }

    private static Double quantile(Object[] values, int index) {
        return values == null || values[index] == null ? null : ((Number) values[index]).doubleValue();
    }
}
