package org.inquest.analysis.segments;

import java.sql.Connection;
import java.util.Optional;
import java.util.function.BiFunction;
import org.inquest.analysis.performance.BinaryOutcome;
import org.inquest.analysis.performance.ModelColumns;
import org.inquest.analysis.performance.TaskKind;
import org.inquest.analysis.segments.SegmentMetric.ValueFormat;
import org.inquest.analysis.slice.Slice;
import org.inquest.analysis.slice.SqlFragment;
import org.inquest.analysis.sql.Queries;
import org.inquest.analysis.sql.SqlBuilder;
import org.inquest.connectors.catalog.ColumnInfo;
import org.inquest.connectors.catalog.ColumnRole;
import org.inquest.connectors.catalog.FeatureKind;
import org.inquest.connectors.catalog.TableInfo;
import org.inquest.connectors.error.UsageException;
import org.inquest.connectors.workspace.Identifiers;

/**
 * Builds the decomposable metrics root-cause analysis ranks segments for. Metrics that are not means by nature get
 * a mean that moves with them, stated in their label: latency p95 is decomposed as the share of requests slower
 * than the reference's p95 (the segment p95s are shown beside it); a numerical feature's drift as its mean in
 * reference standard deviations; a categorical feature's drift as the share of the category whose share changed
 * most.
 */
public final class SegmentMetrics {
    private final Connection connection;
    private final BiFunction<String, String, String> valueText;

    public SegmentMetrics(Connection connection) {
        this(connection, (column, value) -> value);
    }

    /**
     * {@code valueText(column, value)} is how a data value is written into a metric's label (a report passes its
     * redactor, so a redacted category never appears in a label).
     */
    public SegmentMetrics(Connection connection, BiFunction<String, String, String> valueText) {
        this.connection = connection;
        this.valueText = valueText;
    }

    /** Accuracy (classification) or mean absolute error (regression) on labeled rows. */
    public Optional<SegmentMetric> quality(ModelColumns columns, TaskKind task, double threshold) {
        if (columns.label().isEmpty()) {
            return Optional.empty();
        }
        if (task == TaskKind.REGRESSION) {
            Optional<ColumnInfo> predicted = columns.prediction().or(columns::score);
            return predicted.map(p -> SegmentMetric.of("mean_absolute_error", "mean absolute error",
                    ValueFormat.NUMBER, SqlFragment.of("abs(CAST(" + q(columns.label().get()) + " AS DOUBLE) - CAST("
                            + q(p) + " AS DOUBLE))"), null));
        }
        if (task == TaskKind.MULTICLASS) {
            if (columns.prediction().isEmpty()) {
                return Optional.empty();
            }
            String y = "CAST(" + q(columns.label().get()) + " AS VARCHAR)";
            String yhat = "CAST(" + q(columns.prediction().get()) + " AS VARCHAR)";
            return Optional.of(SegmentMetric.of("accuracy", "accuracy", ValueFormat.PERCENT, SqlFragment.of(
                    "CASE WHEN " + y + " IS NULL OR " + yhat + " IS NULL THEN NULL WHEN " + y + " = " + yhat
                            + " THEN 1 ELSE 0 END"), null));
        }
        if (columns.prediction().isEmpty() && columns.score().isEmpty()) {
            return Optional.empty();
        }
        BinaryOutcome o = BinaryOutcome.of(columns, threshold);
        SqlFragment value = new SqlBuilder().sql("CASE WHEN " + o.y() + " IS NULL OR (").fragment(o.yhat())
                .sql(") IS NULL THEN NULL WHEN " + o.y() + " = (").fragment(o.yhat()).sql(") THEN 1 ELSE 0 END")
                .build();
        return Optional.of(SegmentMetric.of("accuracy", "accuracy", ValueFormat.PERCENT, value, null));
    }

    public Optional<SegmentMetric> meanScore(ModelColumns columns) {
        return columns.score().map(s -> SegmentMetric.of("mean_score", "mean score", ValueFormat.NUMBER,
                SqlFragment.of("CAST(" + q(s) + " AS DOUBLE)"), null));
    }

    /** Share of rows predicted positive (binary models). */
    public Optional<SegmentMetric> positiveRate(ModelColumns columns, double threshold) {
        if (columns.prediction().isEmpty() && columns.score().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(SegmentMetric.of("positive_rate", "positive rate", ValueFormat.PERCENT,
                BinaryOutcome.of(columns, threshold).yhat(), null));
    }

    public SegmentMetric nullShare(TableInfo table, String column) {
        ColumnInfo c = require(table, column);
        return SegmentMetric.of("null_share:" + column, "null share of " + column, ValueFormat.PERCENT,
                SqlFragment.of("CASE WHEN " + q(c) + " IS NULL THEN 1 ELSE 0 END"), column);
    }

    /** Latency p95, decomposed as the share of requests slower than the reference's p95. */
    public Optional<SegmentMetric> latencyP95(Slice reference) {
        Optional<ColumnInfo> latency = reference.table().columnWithRole(ColumnRole.LATENCY_MS);
        if (latency.isEmpty()) {
            return Optional.empty();
        }
        String l = "CAST(" + q(latency.get()) + " AS DOUBLE)";
        Double p95 = Queries.one(connection, new SqlBuilder().sql("SELECT quantile_cont(" + l + ", 0.95) FROM "
                + reference.from() + " WHERE ").fragment(reference.condition()).build(),
                rs -> Queries.doubleOrNull(rs, 1), "reference latency p95");
        return latencyP95(reference, p95);
    }

    /**
     * As {@link #latencyP95(Slice)} with the reference's p95 already known (the report's latency section computes
     * it with the same definition, {@code quantile_cont(latency, 0.95)}).
     */
    public Optional<SegmentMetric> latencyP95(Slice reference, Double p95) {
        Optional<ColumnInfo> latency = reference.table().columnWithRole(ColumnRole.LATENCY_MS);
        if (latency.isEmpty()) {
            return Optional.empty();
        }
        String l = "CAST(" + q(latency.get()) + " AS DOUBLE)";
        if (p95 == null) {
            return Optional.empty();
        }
        SqlFragment slower = new SqlBuilder().sql("CASE WHEN " + l + " IS NULL THEN NULL WHEN " + l + " > ")
                .value(p95).sql(" THEN 1 ELSE 0 END").build();
        return Optional.of(new SegmentMetric("latency_p95", "share of requests slower than the reference p95 ("
                + ValueFormat.MILLISECONDS.format(p95) + ")", ValueFormat.PERCENT, slower, latency.get().name(),
                "latency p95", l, 0.95, ValueFormat.MILLISECONDS));
    }

    /** The drift of one feature as a decomposable mean (see the class comment). */
    public SegmentMetric drift(Slice reference, Slice current, String column) {
        ColumnInfo c = require(reference.table(), column);
        String x = q(c);
        if (c.featureKind() == FeatureKind.NUMERICAL && c.isNumericType()) {
            double[] moments = Queries.one(connection, new SqlBuilder().sql("SELECT avg(CAST(" + x + " AS DOUBLE)),"
                    + " stddev_pop(CAST(" + x + " AS DOUBLE)) FROM " + reference.from() + " WHERE ")
                    .fragment(reference.condition()).build(), rs -> new double[] {rs.getDouble(1), rs.getDouble(2)},
                    "reference mean of " + column);
            double std = Math.max(moments[1], 0.001);
            SqlFragment value = new SqlBuilder().sql("(CAST(" + x + " AS DOUBLE) - ").value(moments[0])
                    .sql(") / ").value(std).build();
            return SegmentMetric.of("drift:" + column, "mean of " + column + " in reference standard deviations",
                    ValueFormat.NUMBER, value, column);
        }
        String text = "CAST(" + x + " AS VARCHAR)";
        String category = Queries.list(connection, new SqlBuilder().sql("WITH c AS (SELECT side, v, count(*) AS n"
                + " FROM (SELECT 0 AS side, " + text + " AS v FROM " + reference.from() + " WHERE ")
                .fragment(reference.condition()).sql(" UNION ALL SELECT 1, " + text + " FROM " + current.from()
                        + " WHERE ").fragment(current.condition()).sql(") WHERE v IS NOT NULL GROUP BY side, v),"
                        + " t AS (SELECT side, sum(n) AS total FROM c GROUP BY side)"
                        + " SELECT v, abs(coalesce(sum(n / total) FILTER (WHERE side = 1), 0)"
                        + " - coalesce(sum(n / total) FILTER (WHERE side = 0), 0)) AS d"
                        + " FROM c JOIN t USING (side) GROUP BY v ORDER BY d DESC, v LIMIT 1").build(),
                rs -> rs.getString(1), "category shares of " + column).stream().findFirst().orElse(null);
        SqlFragment value = category == null ? SqlFragment.of("CAST(NULL AS DOUBLE)")
                : new SqlBuilder().sql("CASE WHEN " + x + " IS NULL THEN NULL WHEN " + text + " = ").value(category)
                .sql(" THEN 1 ELSE 0 END").build();
        return new SegmentMetric("drift:" + column, "share of " + column + "=" + valueText.apply(column, category), ValueFormat.PERCENT,
                value, column, null, null, null, null);
    }

    private static ColumnInfo require(TableInfo table, String column) {
        return table.column(column).orElseThrow(() -> new UsageException("unknown column '" + column + "' in table '"
                + table.name() + "'"));
    }

    private static String q(ColumnInfo c) {
        return Identifiers.quote(c.name());
    }
}
