package org.inquest.analysis.traces;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.inquest.analysis.slice.SqlFragment;
import org.inquest.connectors.error.InputException;
import org.inquest.connectors.error.UsageException;
import org.inquest.connectors.workspace.Identifiers;
import org.inquest.connectors.workspace.Workspace;

/**
 * The workbench's trace search: every trace matching {@link TraceCriteria}, aggregated per trace in DuckDB (one
 * statement; the JVM receives at most {@code limit + sample} rows however many traces match). It returns the
 * slowest {@code limit} traces for the results table and the points of a duration-over-time scatter: the slowest
 * {@code limit} always, plus up to {@code sample} others chosen by a hash of the trace id (a stable sample, so the
 * same search draws the same points), and the total number of matching traces.
 */
public final class TraceFinder {
    private final Connection connection;

    public TraceFinder(Connection connection) {
        this.connection = connection;
    }

    /** One point of the scatter: trace start (epoch ms) and duration. {@code slowest} marks the top of the list. */
    public record Point(String traceId, double startEpochMs, double durationMs, boolean error, boolean slowest) {
    }

    /** {@code slowest}: slowest first; {@code points}: the scatter, at most limit + sample. */
    public record Result(long total, List<TraceSearch.TraceSummary> slowest, List<Point> points) {
        public Result {
            slowest = List.copyOf(slowest);
            points = List.copyOf(points);
        }

        /** Whether the scatter leaves traces out. */
        public boolean sampled() {
            return points.size() < total;
        }
    }

    public Result find(String table, TraceCriteria criteria, int limit, int sample) {
        if (limit < 1 || sample < 0) {
            throw new UsageException("trace search: limit must be positive and sample non-negative");
        }
        Matching m = matching(table, criteria);
        List<Object> parameters = new ArrayList<>(m.parameters());
        parameters.add(limit);
        parameters.add(sample);
        String sql = m.sql() + ", r AS (SELECT *, row_number() OVER (ORDER BY d DESC, trace_id) AS rk,"
                + " row_number() OVER (ORDER BY hash(trace_id), trace_id) AS rh, count(*) OVER () AS total FROM m)"
                + " SELECT trace_id, root_service, root_name, first_start, b, d, n, errs, rk, total FROM r"
                + " WHERE rk <= ? OR rh <= ? ORDER BY rk";
        List<TraceSearch.TraceSummary> slowest = new ArrayList<>();
        List<Point> points = new ArrayList<>();
        long total = 0;
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.size(); i++) {
                ps.setObject(i + 1, parameters.get(i));
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long rank = rs.getLong(9);
                    total = rs.getLong(10);
                    double d = rs.getDouble(6);
                    long errors = rs.getLong(8);
                    if (rank <= limit) {
                        slowest.add(new TraceSearch.TraceSummary(rs.getString(1), rs.getString(2), rs.getString(3),
                                rs.getString(4), d, rs.getLong(7), errors));
                    }
                    points.add(new Point(rs.getString(1), rs.getLong(5) / 1e6, d, errors > 0, rank <= limit));
                }
            }
        } catch (SQLException e) {
            throw new InputException("searching traces in " + table + ": " + Workspace.firstLine(e.getMessage()), e);
        }
        return new Result(total, slowest, points);
    }

    /**
     * A condition on the spans table keeping the spans of the traces that match {@code criteria} (or, with
     * {@code matching = false}, of the traces that do not): stage statistics of a search's result, or of the rest
     * of the traces for a cohort comparison.
     */
    public SqlFragment traceCondition(String table, TraceCriteria criteria, boolean matching) {
        Matching m = matching(table, criteria);
        if (matching) {
            return new SqlFragment("trace_id IN (" + m.sql() + " SELECT trace_id FROM m)", m.parameters());
        }
        List<Object> parameters = new ArrayList<>(criteria.traceCondition().parameters());
        parameters.addAll(m.parameters());
        return new SqlFragment("(" + criteria.traceCondition().sql() + ") AND trace_id NOT IN (" + m.sql()
                + " SELECT trace_id FROM m)", parameters);
    }

    /** The CTEs {@code agg} (one row per trace) and {@code m} (the matching traces), with their parameters. */
    private Matching matching(String table, TraceCriteria criteria) {
        if (criteria.minMs() != null && criteria.maxMs() != null && criteria.minMs() > criteria.maxMs()) {
            throw new UsageException("trace search: the minimum duration " + criteria.minMs()
                    + " ms is above the maximum " + criteria.maxMs() + " ms");
        }
        SpanTables.require(connection, table);
        SqlFragment match = criteria.spanMatch();
        SqlFragment traces = criteria.traceCondition();
        List<Object> parameters = new ArrayList<>(match.parameters());
        parameters.addAll(traces.parameters());
        StringBuilder keep = new StringBuilder("hit");
        if (criteria.minMs() != null) {
            keep.append(" AND d >= ?");
            parameters.add(criteria.minMs());
        }
        if (criteria.maxMs() != null) {
            keep.append(" AND d <= ?");
            parameters.add(criteria.maxMs());
        }
        switch (criteria.status()) {
            case OK -> keep.append(" AND errs = 0");
            case ERROR -> keep.append(" AND errs > 0");
            default -> { }
        }
        String sql = "WITH agg AS (SELECT trace_id, arg_min(service, start_unix_nano) AS root_service,"
                + " arg_min(name, start_unix_nano) AS root_name, CAST(min(start) AS VARCHAR) AS first_start,"
                + " min(start_unix_nano) AS b, (max(end_unix_nano) - min(start_unix_nano)) / 1e6 AS d,"
                + " count(*) AS n, count(*) FILTER (WHERE status = 2) AS errs, bool_or(" + match.sql() + ") AS hit"
                + " FROM " + Identifiers.userTable(table) + " WHERE " + traces.sql() + " GROUP BY trace_id),"
                + " m AS (SELECT * FROM agg WHERE " + keep + ")";
        return new Matching(sql, parameters);
    }

    private record Matching(String sql, List<Object> parameters) {
    }
}
