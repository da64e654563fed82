package org.inquest.analysis.drift;

import java.io.StringWriter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import tech.tablesaw.aggregate.AggregateFunctions;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.io.csv.CsvWriteOptions;

/**
 * A drift result as Tablesaw frames: the small, already aggregated per-feature and per-window numbers in the
 * tidy shape an analyst loads into a spreadsheet or a notebook (one row per feature, or per window and feature),
 * and the feature × window matrix of drift over time (NannyML's chunk view) pivoted from the tidy frame.
 * The frames never hold data rows, only the verdicts DuckDB's aggregates produced (ADR 0002).
 */
public final class DriftFrames {
    /** The {@code window} value of the rows that compare the whole current slice. */
    public static final String WHOLE_SLICE = "all";

    private DriftFrames() {
    }

    /**
     * One row per (window, feature): {@code window} is {@value #WHOLE_SLICE} for the whole current slice, then each
     * {@code --by} window's start. Every metric of the contract a feature has becomes a column of its own (missing
     * where the feature's kind has no such metric).
     */
    public static Table tidy(DriftResult result) {
        List<String> metricNames = metricNames(result);
        StringColumn window = StringColumn.create("window");
        StringColumn windowEnd = StringColumn.create("window_end");
        LongColumn windowRows = LongColumn.create("window_rows");
        StringColumn feature = StringColumn.create("feature");
        StringColumn kind = StringColumn.create("kind");
        StringColumn method = StringColumn.create("method");
        DoubleColumn statistic = DoubleColumn.create("statistic");
        DoubleColumn threshold = DoubleColumn.create("threshold");
        BooleanColumn drifted = BooleanColumn.create("drifted");
        DoubleColumn pValue = DoubleColumn.create("p_value");
        DoubleColumn referenceNulls = DoubleColumn.create("reference_nulls");
        DoubleColumn currentNulls = DoubleColumn.create("current_nulls");
        List<DoubleColumn> metrics = metricNames.stream().map(DoubleColumn::create).toList();

        List<WindowRows> groups = new ArrayList<>();
        groups.add(new WindowRows(WHOLE_SLICE, null, result.current().rows(), result.features()));
        if (result.windows() != null) {
            for (DriftResult.DriftWindow w : result.windows()) {
                groups.add(new WindowRows(w.start(), w.end(), w.rows(), w.features()));
            }
        }
        for (WindowRows g : groups) {
            for (FeatureDrift f : g.features()) {
                window.append(g.start());
                windowEnd.append(g.end());
                windowRows.append(g.rows());
                feature.append(f.name());
                kind.append(f.kind());
                method.append(f.method() == null ? null : f.method().wireName());
                appendNumber(statistic, f.statistic());
                appendNumber(threshold, f.threshold());
                drifted.append(f.drifted());
                appendNumber(pValue, f.pValue());
                referenceNulls.append(f.referenceNulls());
                currentNulls.append(f.currentNulls());
                for (int i = 0; i < metricNames.size(); i++) {
                    appendNumber(metrics.get(i), f.metrics() == null ? null : f.metrics().get(metricNames.get(i)));
                }
            }
        }
        Table table = Table.create("drift", window, windowEnd, windowRows, feature, kind, method, statistic, threshold,
                drifted, pValue, referenceNulls, currentNulls);
        metrics.forEach(table::addColumns);
        return table;
    }

    /**
     * Drift over time: one row per feature (in the result's order), one column per {@code --by} window (its
     * start), each cell the window's drift score ({@code statistic}) for that feature, or 1/0 for drifted or not
     * with {@link Cell#DRIFTED}; a frame with only the feature column when the result has no windows.
     */
    public static Table overTime(DriftResult result, Cell cell) {
        Table tidy = tidy(result);
        Table windows = tidy.where(tidy.stringColumn("window").isNotEqualTo(WHOLE_SLICE)
                .and(tidy.doubleColumn("statistic").isNotMissing()));
        if (windows.isEmpty()) {
            return Table.create("drift over time", StringColumn.create("feature"));
        }
        DoubleColumn value = cell == Cell.STATISTIC ? windows.doubleColumn("statistic")
                : DoubleColumn.create("drifted_value", windows.booleanColumn("drifted").asDoubleArray());
        Table long3 = Table.create("cells", windows.stringColumn("feature"), windows.stringColumn("window"),
                value.setName("value"));
        // Each (feature, window) pair occurs once, so any aggregate returns the cell's own value.
        Table wide = long3.pivot("feature", "window", "value", AggregateFunctions.max);
        wide.setName("drift over time");
        return wide;
    }

    /** What a cell of {@link #overTime} holds. */
    public enum Cell {
        STATISTIC, DRIFTED
    }

    /** The frame as RFC 4180 CSV with a header line (missing values are empty fields). */
    public static String csv(Table table) {
        StringWriter out = new StringWriter();
        table.write().csv(CsvWriteOptions.builder(out).header(true).lineEnd("\n").build());
        return out.toString();
    }

    private static List<String> metricNames(DriftResult result) {
        Set<String> names = new LinkedHashSet<>();
        result.features().forEach(f -> addMetricNames(names, f));
        if (result.windows() != null) {
            result.windows().forEach(w -> w.features().forEach(f -> addMetricNames(names, f)));
        }
        return List.copyOf(names);
    }

    private static void addMetricNames(Set<String> names, FeatureDrift f) {
        if (f.metrics() != null) {
            names.addAll(f.metrics().keySet());
        }
    }

    private static void appendNumber(DoubleColumn column, Double value) {
        if (value == null || value.isNaN()) {
            column.appendMissing();
        } else {
            column.append(value.doubleValue());
        }
    }

    private record WindowRows(String start, String end, long rows, List<FeatureDrift> features) {
    }
}
