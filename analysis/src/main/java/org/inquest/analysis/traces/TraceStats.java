package org.inquest.analysis.traces;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.inquest.analysis.slice.SqlFragment;
import org.inquest.connectors.error.InputException;
import org.inquest.connectors.workspace.Identifiers;
import org.inquest.connectors.workspace.Workspace;

/**
 * Per-operation latency statistics of a spans table, entirely in DuckDB: the JVM receives one row per (service,
 * name). Self time comes from {@link SpanTimesSql} (the window sweep of ADR 0071); quantiles are
 * {@code quantile_cont} (linear interpolation, numpy's default). {@link #compare} puts two slices side by side.
 */
public final class TraceStats {
    private final Connection connection;

    public TraceStats(Connection connection) {
        this.connection = connection;
    }

    /** The contract's {@code {"operations": [...]}}. */
    public record Result(@JsonProperty("operations") List<OperationStats> operations) {
        public Result {
            operations = List.copyOf(operations);
        }
    }

    /** Statistics of the spans of {@code table} that satisfy {@code condition} (compiled, parameterised). */
    public Result compute(String table, SqlFragment condition) {
        SpanTables.require(connection, table);
        String sql = "WITH " + SpanTimesSql.ctes(Identifiers.userTable(table), condition.sql())
                + " SELECT service, name, count(*), count(*) FILTER (WHERE status = 2),"
                + " quantile_cont(dur, 0.5), quantile_cont(dur, 0.95), quantile_cont(dur, 0.99),"
                + " quantile_cont(self, 0.5), quantile_cont(self, 0.95), quantile_cont(self, 0.99), avg(dur), sum(self)"
                + " FROM m GROUP BY service, name ORDER BY service, name";
        List<OperationStats> rows = new ArrayList<>();
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            condition.bind(ps, 1);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(new OperationStats(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4),
                            rs.getDouble(5), rs.getDouble(6), rs.getDouble(7), rs.getDouble(8), rs.getDouble(9),
                            rs.getDouble(10), rs.getDouble(11), rs.getDouble(12)));
                }
            }
        } catch (SQLException e) {
            throw new InputException("trace statistics of " + table + ": " + Workspace.firstLine(e.getMessage()), e);
        }
        return new Result(rows);
    }

    /**
     * One operation in both slices. {@code reference} or {@code current} is null when the operation has no span in
     * that slice; {@code change} is then null too.
     */
    public record OperationChange(@JsonProperty("service") String service, @JsonProperty("name") String name,
            @JsonProperty("reference") OperationStats reference, @JsonProperty("current") OperationStats current,
            @JsonProperty("change") Change change) {
    }

    /** Current minus reference, field by field ({@code error_rate} is errors / count). */
    public record Change(@JsonProperty("count") long count, @JsonProperty("errors") long errors,
            @JsonProperty("error_rate") double errorRate, @JsonProperty("p50_ms") double p50,
            @JsonProperty("p95_ms") double p95, @JsonProperty("p99_ms") double p99,
            @JsonProperty("self_p50_ms") double selfP50, @JsonProperty("self_p95_ms") double selfP95,
            @JsonProperty("self_p99_ms") double selfP99, @JsonProperty("mean_ms") double mean,
            @JsonProperty("p95_ratio") Double p95Ratio) {
        static Change between(OperationStats ref, OperationStats cur) {
            return new Change(cur.count() - ref.count(), cur.errors() - ref.errors(),
                    (double) cur.errors() / cur.count() - (double) ref.errors() / ref.count(), cur.p50() - ref.p50(),
                    cur.p95() - ref.p95(), cur.p99() - ref.p99(), cur.selfP50() - ref.selfP50(),
                    cur.selfP95() - ref.selfP95(), cur.selfP99() - ref.selfP99(), cur.mean() - ref.mean(),
                    ref.p95() > 0 ? cur.p95() / ref.p95() : null);
        }
    }

    /** Reference and current statistics per operation, in (service, name) order. */
    public record Comparison(@JsonProperty("operations") List<OperationChange> operations) {
        public Comparison {
            operations = List.copyOf(operations);
        }
    }

    /** Both slices' statistics and the change of each operation (current minus reference). */
    public Comparison compare(String table, SqlFragment reference, SqlFragment current) {
        Comparator<String> text = Comparator.nullsFirst(Comparator.naturalOrder());
        Map<List<String>, OperationStats[]> byOperation = new TreeMap<>((a, b) -> {
            int c = text.compare(a.get(0), b.get(0));
            return c != 0 ? c : text.compare(a.get(1), b.get(1));
        });
        for (OperationStats o : compute(table, reference).operations()) {
            byOperation.computeIfAbsent(Arrays.asList(o.service(), o.name()), k -> new OperationStats[2])[0] = o;
        }
        for (OperationStats o : compute(table, current).operations()) {
            byOperation.computeIfAbsent(Arrays.asList(o.service(), o.name()), k -> new OperationStats[2])[1] = o;
        }
        List<OperationChange> rows = new ArrayList<>();
        for (Map.Entry<List<String>, OperationStats[]> e : byOperation.entrySet()) {
            OperationStats ref = e.getValue()[0];
            OperationStats cur = e.getValue()[1];
            rows.add(new OperationChange(e.getKey().get(0), e.getKey().get(1), ref, cur,
                    ref == null || cur == null ? null : Change.between(ref, cur)));
        }
        return new Comparison(rows);
    }
}
