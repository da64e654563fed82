package org.inquest.analysis.replay;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.inquest.analysis.latency.ErrorColumn;
import org.inquest.analysis.performance.BinaryOutcome;
import org.inquest.analysis.performance.ModelColumns;
import org.inquest.analysis.performance.TaskDetector;
import org.inquest.analysis.performance.TaskKind;
import org.inquest.analysis.slice.Slice;
import org.inquest.analysis.sql.Queries;
import org.inquest.analysis.sql.SqlBuilder;
import org.inquest.analysis.traces.LinkedPredictions;
import org.inquest.connectors.catalog.Catalog;
import org.inquest.connectors.catalog.ColumnRole;
import org.inquest.connectors.catalog.TableInfo;
import org.inquest.connectors.error.UsageException;
import org.inquest.connectors.workspace.Identifiers;
import org.inquest.connectors.workspace.TraceLinks;

/**
 * Computes the replay timeline of a current slice (see ADR 0090). DuckDB does all the work in a handful of scans:
 * <ol>
 *   <li>the slice's time range (to choose the bucket width);</li>
 *   <li>the reference side of the feature (one scan, two for a numerical feature: deciles, then bin counts);</li>
 *   <li>one {@code GROUP BY bucket} scan of the slice returning, per non-empty bucket, volume, p95 latency, error
 *       rate, mean score, accuracy and labeled count, and the feature's non-null count, mean and bin or category
 *       counts. When the error flag comes from traces, the spans table's per-trace error flag is joined in the same
 *       statement.</li>
 * </ol>
 * The JVM receives one row per bucket and only fills the empty buckets and computes each bucket's PSI from counts.
 */
public final class ReplayTimelines {
    /** Statuses of a span that mean an error (OTLP status code 2; the Jaeger reader maps error=true to it). */
    static final int ERROR_STATUS = 2;

    private final Connection connection;

    public ReplayTimelines(Connection connection) {
        this.connection = connection;
    }

    public ReplayTimeline compute(Slice reference, Slice current, ReplayOptions options) {
        TimeColumn time = TimeColumn.of(current);
        long[] range = range(current, time);
        long rows = range[0];
        long withoutTime = range[0] - range[1];
        List<String> warnings = new ArrayList<>();
        if (withoutTime > 0) {
            warnings.add(withoutTime + " rows have no " + time.name() + " and are not replayed");
        }
        BucketWidth width = range[1] == 0 ? options.bucket()
                : BucketWidth.choose(options.bucket(), range[2], range[3]);
        if (!width.equals(options.bucket())) {
            warnings.add("the slice spans " + options.bucket().bucketsBetween(range[2], range[3]) + " buckets of "
                    + options.bucket().text() + " (at most " + BucketWidth.MAX_BUCKETS + "); replayed in buckets of "
                    + width.text());
        }

        String featureName = options.feature() != null ? options.feature()
                : FeatureBaseline.defaultFeature(reference, current);
        FeatureBaseline baseline = featureName == null ? null
                : FeatureBaseline.of(connection, reference, FeatureBaseline.column(reference, current, featureName));

        ModelColumns cols = ModelColumns.of(current.table());
        Optional<ErrorColumn> errorColumn = ErrorColumn.find(current.table());
        LinkedPredictions linked = errorColumn.isPresent() ? null : linkedSpans(current, options);
        String spans = linked == null ? null : linked.spansTable();
        String errorSource = errorColumn.map(e -> "column " + e.name()).orElse(spans == null ? null
                : "spans table " + spans + (linked.byTraceId() ? "" : ", linked by " + linked.describe())
                        + " (a trace with an error span is an error)");
        TaskKind task = options.task() != null ? options.task()
                : cols.label().isPresent() ? new TaskDetector(connection).detect(List.of(current), cols) : null;
        boolean accuracy = task == TaskKind.BINARY && cols.label().isPresent()
                && (cols.prediction().isPresent() || cols.score().isPresent());
        String accuracySource = !accuracy ? null : cols.prediction().isPresent()
                ? "label = " + cols.prediction().get().name()
                : "label = (" + cols.score().get().name() + " >= " + options.threshold() + ")";
        if (cols.label().isPresent() && !accuracy) {
            warnings.add("accuracy is replayed for binary classification only");
        }

        List<ReplayBucket> buckets = new ArrayList<>();
        if (range[1] > 0) {
            long origin = Math.floorDiv(range[2], width.micros()) * width.micros();
            long count = width.bucketsBetween(range[2], range[3]);
            Map<Long, ReplayBucket> filled = buckets(current, time, width, origin, baseline, cols, errorColumn,
                    linked, accuracy, options.threshold());
            for (long k = 0; k < count; k++) {
                long start = origin + k * width.micros();
                ReplayBucket b = filled.get(k);
                buckets.add(b != null ? b : ReplayBucket.empty((int) k, TimeColumn.format(start),
                        TimeColumn.format(start + width.micros()), start));
            }
        }
        ReplayTimeline.Feature feature = baseline == null ? null : new ReplayTimeline.Feature(baseline.name(),
                baseline.kind().name().toLowerCase(java.util.Locale.ROOT),
                baseline.numerical() ? "psi on the reference's decile bins (right-closed, as inquest drift)"
                        : "psi on the reference's categories (one bin per value, as inquest drift)",
                reference.table().name(), reference.where(), baseline.rows(), baseline.nullShare(), baseline.mean(),
                Arrays.stream(baseline.edges()).boxed().toList());
        String start = buckets.isEmpty() ? null : buckets.get(0).start();
        String end = buckets.isEmpty() ? null : buckets.get(buckets.size() - 1).end();
        return new ReplayTimeline(current.table().name(), current.where(), time.name(), options.bucket().text(),
                width.text(), width.seconds(), start, end, rows, withoutTime, errorSource, spans, accuracySource,
                feature, buckets, warnings);
    }

    /** count(*), count(time), min and max of the time in microseconds. */
    private long[] range(Slice slice, TimeColumn time) {
        return Queries.one(connection, new SqlBuilder().sql("SELECT count(*), count(t), min(t), max(t) FROM (SELECT "
                + time.micros() + " AS t FROM " + slice.from() + " WHERE ").fragment(slice.condition()).sql(")")
                .build(), rs -> new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)},
                "time range of " + slice.table().name());
    }

    /**
     * The spans table to link and how: {@code options.spansTable()} (which must be a spans table), else the first
     * spans table of the workspace; linked by {@code options.link()}, else the saved link, else the trace_id role.
     * Null when the workspace has no spans, or nothing links the predictions to them and no table was asked for.
     */
    private LinkedPredictions linkedSpans(Slice current, ReplayOptions options) {
        String requested = options.spansTable();
        Catalog catalog = new Catalog(connection);
        String spans;
        if (requested != null) {
            TableInfo t = catalog.table(requested);
            if (t.column("trace_id").isEmpty() || t.column("status").isEmpty()) {
                throw new UsageException("table '" + requested + "' is not a spans table (import traces with"
                        + " inquest import --kind traces)");
            }
            spans = t.name();
        } else {
            spans = catalog.tables().stream().filter(t -> org.inquest.connectors.traces.SpanTable.KIND.equals(
                    t.kind())).map(TableInfo::name).sorted().findFirst().orElse(null);
        }
        if (spans == null) {
            if (options.link() != null) {
                throw new UsageException("a link to spans needs a spans table (import traces with"
                        + " inquest import --kind traces)");
            }
            return null;
        }
        if (options.link() == null && current.table().columnWithRole(ColumnRole.TRACE_ID).isEmpty()
                && new TraceLinks(connection).find(current.table().name(), spans).isEmpty()) {
            if (requested != null) {
                throw new UsageException("table '" + current.table().name() + "' has no column with the trace_id"
                        + " role to link to spans table '" + requested + "' (link it by a span attribute:"
                        + " --link-attribute KEY)");
            }
            return null;
        }
        return LinkedPredictions.resolve(connection, current.table(), spans, options.link());
    }

    private Map<Long, ReplayBucket> buckets(Slice current, TimeColumn time, BucketWidth width, long origin,
            FeatureBaseline feature, ModelColumns cols, Optional<ErrorColumn> errorColumn, LinkedPredictions linked,
            boolean accuracy, double threshold) {
        String spans = linked == null ? null : linked.spansTable();
        String latency = cols.latency().map(c -> "CAST(" + Identifiers.quote(c.name()) + " AS DOUBLE)")
                .orElse("CAST(NULL AS DOUBLE)");
        String score = cols.score().map(c -> "CAST(" + Identifiers.quote(c.name()) + " AS DOUBLE)")
                .orElse("CAST(NULL AS DOUBLE)");
        boolean numerical = feature != null && feature.numerical();
        String f = feature == null ? "CAST(NULL AS DOUBLE)" : "CAST(" + Identifiers.quote(feature.name())
                + (numerical ? " AS DOUBLE)" : " AS VARCHAR)");
        boolean histogram = feature != null && (!numerical || feature.edges().length > 0);

        SqlBuilder q = new SqlBuilder().sql("SELECT k, n, q, e, en, s, a, l, fv, fm, "
                + (histogram ? "map_keys(h), map_values(h)" : "NULL, NULL") + " FROM (SELECT k, count(*) AS n,"
                + " quantile_cont(lat, 0.95) AS q, avg(err) AS e, count(err) AS en, avg(p) AS s, avg(hit) AS a,"
                + " count(hit) AS l, count(f) AS fv, " + (numerical ? "avg(f)" : "CAST(NULL AS DOUBLE)") + " AS fm");
        if (histogram) {
            q.sql(", ");
            if (numerical) {
                FeatureBaseline.histogram(q, "f", feature.edges());
            } else {
                q.sql("histogram(f)");
            }
            q.sql(" AS h");
        }
        q.sql(" FROM (SELECT (t - ").value(origin).sql(") // ").value(width.micros()).sql(" AS k, lat, "
                + (spans == null ? "err" : "terr AS err") + ", p, hit, f FROM (SELECT " + time.micros() + " AS t, "
                + latency + " AS lat, " + errorColumn.map(ErrorColumn::flagSql).orElse("CAST(NULL AS INTEGER)")
                + " AS err, " + score + " AS p, ");
        if (accuracy) {
            BinaryOutcome outcome = BinaryOutcome.of(cols, threshold);
            q.sql("CASE WHEN (" + outcome.y() + ") IS NOT NULL AND (").fragment(outcome.yhat()).sql(
                    ") IS NOT NULL THEN CAST((" + outcome.y() + ") = (").fragment(outcome.yhat()).sql(
                    ") AS INTEGER) END");
        } else {
            q.sql("CAST(NULL AS INTEGER)");
        }
        q.sql(" AS hit, " + f + " AS f, " + (spans == null ? "NULL" : linked.predictionKey()) + " AS tk FROM "
                + current.from() + " WHERE ").fragment(current.condition()).sql(") r");
        if (spans != null) {
            // One error flag per trace: 1 when any of its spans has error status.
            String perTrace = "SELECT trace_id AS inquest_tk, max(CASE WHEN status = " + ERROR_STATUS
                    + " THEN 1 ELSE 0 END) AS terr FROM " + Identifiers.userTable(spans) + " GROUP BY trace_id";
            if (linked.byTraceId()) {
                q.sql(" LEFT JOIN (" + perTrace + ") s ON s.inquest_tk = r.tk");
            } else {
                // by attribute: each key's trace, then that trace's flag; both sides hashed once
                q.sql(" LEFT JOIN (SELECT m.link_key AS inquest_tk, e.terr FROM (").fragment(linked.allKeyedTraces())
                        .sql(") m JOIN (" + perTrace + ") e ON e.inquest_tk = m.trace_id) s ON s.inquest_tk = r.tk");
            }
        }
        q.sql(" WHERE t IS NOT NULL) GROUP BY k) ORDER BY k");

        Map<Long, ReplayBucket> result = new HashMap<>();
        Queries.list(connection, q.build(), rs -> {
            long k = rs.getLong(1);
            long start = origin + k * width.micros();
            long n = rs.getLong(2);
            long values = rs.getLong(9);
            Double psi = null;
            if (histogram && values > 0) {
                if (numerical) {
                    psi = feature.psi(FeatureBaseline.binCounts(rs.getArray(11), rs.getArray(12), feature.edges()));
                } else {
                    psi = feature.psi(categories(rs.getArray(11), rs.getArray(12)));
                }
            }
            result.put(k, new ReplayBucket((int) k, TimeColumn.format(start), TimeColumn.format(start
                    + width.micros()), start, n, Queries.doubleOrNull(rs, 3), Queries.doubleOrNull(rs, 4),
                    rs.getLong(5), Queries.doubleOrNull(rs, 6), Queries.doubleOrNull(rs, 7), rs.getLong(8), psi,
                    feature == null ? null : (double) (n - values) / n, Queries.doubleOrNull(rs, 10)));
            return null;
        }, "replay of " + current.table().name());
        return result;
    }

    private static Map<String, Long> categories(java.sql.Array keyArray, java.sql.Array valueArray)
            throws java.sql.SQLException {
        Map<String, Long> counts = new HashMap<>();
        Object[] keys = keyArray == null ? new Object[0] : (Object[]) keyArray.getArray();
        Object[] values = valueArray == null ? new Object[0] : (Object[]) valueArray.getArray();
        for (int i = 0; i < keys.length; i++) {
            if (keys[i] != null) {
                counts.merge(keys[i].toString(), ((Number) values[i]).longValue(), Long::sum);
            }
        }
        return counts;
    }
}
