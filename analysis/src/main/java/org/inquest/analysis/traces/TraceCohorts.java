package org.inquest.analysis.traces;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.inquest.analysis.slice.SqlFragment;
import org.inquest.connectors.error.InputException;
import org.inquest.connectors.error.UsageException;
import org.inquest.connectors.workspace.Identifiers;
import org.inquest.connectors.workspace.Workspace;

/**
 * Cohort compare, "slow requests against normal ones: which stage grew". The traces of a base set are split in two
 * cohorts — the slowest share by trace duration (the default: slowest 5 % against the rest) or the traces matching
 * a filter against the others — and every stage (service, span name) is ranked by how much of the difference in
 * mean trace duration it accounts for.
 *
 * <p>Definitions (computed in DuckDB; self time as in {@link SpanTimesSql}):
 * <ul>
 * <li>trace duration: last span end minus first span start over the trace's spans;</li>
 * <li>slowest share {@code s}: the slow cohort is the traces whose duration is at least the {@code 1 − s}
 * quantile of the base traces' durations (linear interpolation, numpy's default); the normal cohort is the rest;</li>
 * <li>per stage and cohort: {@code per_trace} = spans / traces of the cohort (how often the stage runs per
 * request), {@code self_per_trace_ms} = summed self time / traces of the cohort;</li>
 * <li>{@code contribution_ms} = slow {@code self_per_trace_ms} − normal {@code self_per_trace_ms}, which is the
 * mean self-time difference × per-trace share when the stage runs equally often in both cohorts. Self times
 * partition a trace whose spans do not run in parallel, so the contributions then add up to the difference of mean
 * trace durations; {@code contribution_share} is the contribution over that difference;</li>
 * <li>{@code p95_change_ms}: slow minus normal p95 of the stage's span duration.</li>
 * </ul>
 * Stages are ranked by contribution, largest first, then by p95 change.
 */
public final class TraceCohorts {
    private final Connection connection;

    public TraceCohorts(Connection connection) {
        this.connection = connection;
    }

    /** How the base traces are split into a slow and a normal cohort. */
    public sealed interface Split permits Slowest, Matching {
    }

    /** The slowest {@code share} (0 &lt; share &lt; 1) of the traces by duration against the rest. */
    public record Slowest(double share) implements Split {
        public Slowest {
            if (!(share > 0 && share < 1)) {
                throw new UsageException("the slowest share must be between 0 and 100 %, exclusive (got "
                        + share * 100 + " %)");
            }
        }
    }

    /** The traces having a span that satisfies {@code condition} (e.g. a resolved {@link TraceFilter}). */
    public record Matching(SqlFragment condition, String description) implements Split {
    }

    /** How the split was made: by the slowest share (with the duration threshold it gave) or by a filter. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"by", "slowest_share", "threshold_ms", "where"})
    public record SplitInfo(@JsonProperty("by") String by, @JsonProperty("slowest_share") Double slowestShare,
            @JsonProperty("threshold_ms") Double thresholdMs, @JsonProperty("where") String where) {
    }

    /** One cohort's traces. */
    @JsonPropertyOrder({"traces", "mean_ms", "p50_ms", "p95_ms", "min_ms", "max_ms"})
    public record Cohort(@JsonProperty("traces") long traces, @JsonProperty("mean_ms") double meanMs,
            @JsonProperty("p50_ms") double p50Ms, @JsonProperty("p95_ms") double p95Ms,
            @JsonProperty("min_ms") double minMs, @JsonProperty("max_ms") double maxMs) {
    }

    /** One stage within one cohort. */
    @JsonPropertyOrder({"spans", "traces", "per_trace", "mean_ms", "p95_ms", "self_mean_ms", "self_p95_ms",
        "self_per_trace_ms"})
    public record StageSide(@JsonProperty("spans") long spans, @JsonProperty("traces") long traces,
            @JsonProperty("per_trace") double perTrace, @JsonProperty("mean_ms") double meanMs,
            @JsonProperty("p95_ms") double p95Ms, @JsonProperty("self_mean_ms") double selfMeanMs,
            @JsonProperty("self_p95_ms") double selfP95Ms, @JsonProperty("self_per_trace_ms") double selfPerTraceMs) {
    }

    /** One stage in both cohorts; a side is null when the stage never runs in that cohort. */
    @JsonPropertyOrder({"service", "name", "contribution_ms", "contribution_share", "self_mean_change_ms",
        "p95_change_ms", "slow", "normal"})
    public record Stage(@JsonProperty("service") String service, @JsonProperty("name") String name,
            @JsonProperty("contribution_ms") double contributionMs,
            @JsonProperty("contribution_share") Double contributionShare,
            @JsonProperty("self_mean_change_ms") Double selfMeanChangeMs,
            @JsonProperty("p95_change_ms") Double p95ChangeMs, @JsonProperty("slow") StageSide slow,
            @JsonProperty("normal") StageSide normal) {
    }

    @JsonPropertyOrder({"split", "slow", "normal", "difference_ms", "stages"})
    public record Result(@JsonProperty("split") SplitInfo split, @JsonProperty("slow") Cohort slow,
            @JsonProperty("normal") Cohort normal, @JsonProperty("difference_ms") double differenceMs,
            @JsonProperty("stages") List<Stage> stages) {
        public Result {
            stages = List.copyOf(stages);
        }
    }

    /**
     * Splits the traces having a span that satisfies {@code base} (all traces: {@link SqlFragment#TRUE}) and ranks
     * the stages. Exit 2 when there are no traces, or when one cohort is empty.
     */
    public Result compare(String table, SqlFragment base, Split split) {
        SpanTables.require(connection, table);
        String t = Identifiers.userTable(table);
        List<Object> parameters = new ArrayList<>(base.parameters());
        String traces = "traces AS (SELECT trace_id, (max(end_unix_nano) - min(start_unix_nano)) / 1e6 AS d FROM " + t
                + " WHERE trace_id IN (SELECT trace_id FROM " + t + " WHERE " + base.sql() + ") GROUP BY trace_id)";
        String cohort;
        String threshold;
        if (split instanceof Slowest slowest) {
            cohort = " cut AS (SELECT quantile_cont(d, ?) AS q FROM traces),"
                    + " cohort AS (SELECT trace_id, d, d >= q AS slow FROM traces, cut)";
            parameters.add(1.0 - slowest.share());
            threshold = "(SELECT q FROM cut)";
        } else {
            SqlFragment matching = ((Matching) split).condition();
            cohort = " cohort AS (SELECT trace_id, d, trace_id IN (SELECT trace_id FROM " + t + " WHERE "
                    + matching.sql() + ") AS slow FROM traces)";
            parameters.addAll(matching.parameters());
            threshold = "NULL";
        }
        String with = "WITH " + traces + "," + cohort + ", " + SpanTimesSql.ctes(t,
                "trace_id IN (SELECT trace_id FROM cohort)");
        SqlFragment cohorts = new SqlFragment(with + " SELECT slow, count(*), avg(d), quantile_cont(d, 0.5),"
                + " quantile_cont(d, 0.95), min(d), max(d), " + threshold + " FROM cohort GROUP BY slow", parameters);
        SqlFragment stages = new SqlFragment(with + " SELECT c.slow, m.service, m.name, count(*),"
                + " count(DISTINCT m.trace_id), avg(m.dur), quantile_cont(m.dur, 0.95), avg(m.self),"
                + " quantile_cont(m.self, 0.95), sum(m.self) FROM m JOIN cohort c USING (trace_id)"
                + " GROUP BY c.slow, m.service, m.name", parameters);
        Cohort[] sides = new Cohort[2];
        Double[] cut = new Double[1];
        query(table, cohorts, rs -> {
            sides[rs.getBoolean(1) ? 0 : 1] = new Cohort(rs.getLong(2), rs.getDouble(3), rs.getDouble(4),
                    rs.getDouble(5), rs.getDouble(6), rs.getDouble(7));
            double q = rs.getDouble(8);
            cut[0] = rs.wasNull() ? null : q;
        });
        if (sides[0] == null && sides[1] == null) {
            throw new UsageException("no traces in '" + table + "' match the filter: nothing to compare");
        }
        if (sides[0] == null || sides[1] == null) {
            throw new UsageException("the " + (sides[0] == null ? "slow" : "normal") + " cohort is empty ("
                    + (sides[0] == null ? sides[1].traces() : sides[0].traces()) + " traces, all in the other one):"
                    + " nothing to compare");
        }
        Map<List<String>, StageSide[]> byStage = new LinkedHashMap<>();
        query(table, stages, rs -> {
            boolean slow = rs.getBoolean(1);
            long cohortTraces = slow ? sides[0].traces() : sides[1].traces();
            long spans = rs.getLong(4);
            StageSide side = new StageSide(spans, rs.getLong(5), (double) spans / cohortTraces, rs.getDouble(6),
                    rs.getDouble(7), rs.getDouble(8), rs.getDouble(9), rs.getDouble(10) / cohortTraces);
            byStage.computeIfAbsent(Arrays.asList(rs.getString(2), rs.getString(3)),
                    k -> new StageSide[2])[slow ? 0 : 1] = side;
        });
        double difference = sides[0].meanMs() - sides[1].meanMs();
        List<Stage> ranked = new ArrayList<>();
        for (Map.Entry<List<String>, StageSide[]> e : byStage.entrySet()) {
            StageSide slow = e.getValue()[0];
            StageSide normal = e.getValue()[1];
            double contribution = (slow == null ? 0 : slow.selfPerTraceMs())
                    - (normal == null ? 0 : normal.selfPerTraceMs());
            boolean both = slow != null && normal != null;
            ranked.add(new Stage(e.getKey().get(0), e.getKey().get(1), contribution,
                    difference != 0 ? contribution / difference : null,
                    both ? slow.selfMeanMs() - normal.selfMeanMs() : null,
                    both ? slow.p95Ms() - normal.p95Ms() : null, slow, normal));
        }
        Comparator<String> text = Comparator.nullsFirst(Comparator.naturalOrder());
        ranked.sort(Comparator.comparingDouble(Stage::contributionMs).reversed()
                .thenComparing(s -> s.p95ChangeMs() == null ? Double.NEGATIVE_INFINITY : s.p95ChangeMs(),
                        Comparator.reverseOrder())
                .thenComparing(Stage::service, text).thenComparing(Stage::name, text));
        SplitInfo info = split instanceof Slowest s ? new SplitInfo("slowest", s.share(), cut[0], null)
                : new SplitInfo("filter", null, null, ((Matching) split).description());
        return new Result(info, sides[0], sides[1], difference, ranked);
    }

    private interface RowReader {
        void read(ResultSet rs) throws SQLException;
    }

    private void query(String table, SqlFragment sql, RowReader reader) {
        try (PreparedStatement ps = connection.prepareStatement(sql.sql())) {
            sql.bind(ps, 1);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    reader.read(rs);
                }
            }
        } catch (SQLException e) {
            throw new InputException("comparing trace cohorts of " + table + ": "
                    + Workspace.firstLine(e.getMessage()), e);
        }
    }
}
