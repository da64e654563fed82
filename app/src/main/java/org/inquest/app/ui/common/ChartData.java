package org.inquest.app.ui.common;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import javafx.scene.chart.Axis;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.ValueAxis;
import javafx.scene.chart.XYChart;
import javafx.util.StringConverter;

/**
 * A chart's data as a table, for "Copy data": over categories (the bins of a histogram, groups, days), or when every
 * series has the same x values, one row per x with a column per series; otherwise (a reliability diagram's points
 * and its diagonal) one row per point with its series, x and y. The x of a number axis that labels its ticks (a replay bucket's index) is written as the
 * label the chart shows.
 */
public final class ChartData {
    private ChartData() {
    }

    public static <X, Y> ResultGrid of(XYChart<X, Y> chart) {
        return of(name(chart.getXAxis(), "x"), name(chart.getYAxis(), "y"), chart.getData(), xText(chart.getXAxis()),
                chart.getXAxis() instanceof CategoryAxis);
    }

    /**
     * {@code categorical}: x values are categories (bins, groups, days), so series that miss some still share a row
     * per category (in the order first drawn, an empty cell where a series has none).
     */
    static <X, Y> ResultGrid of(String xName, String yName, List<XYChart.Series<X, Y>> series,
            Function<X, Object> x, boolean categorical) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < series.size(); i++) {
            String n = series.get(i).getName();
            names.add(n == null || n.isBlank() ? "series " + (i + 1) : n);
        }
        List<List<Object>> rows = new ArrayList<>();
        if (!series.isEmpty() && (categorical || sameXs(series))) {
            Set<X> xs = new LinkedHashSet<>();
            List<Map<X, Y>> ys = new ArrayList<>();
            for (XYChart.Series<X, Y> s : series) {
                Map<X, Y> byX = new HashMap<>();
                for (XYChart.Data<X, Y> d : s.getData()) {
                    xs.add(d.getXValue());
                    byX.putIfAbsent(d.getXValue(), d.getYValue());
                }
                ys.add(byX);
            }
            for (X value : xs) {
                List<Object> row = new ArrayList<>();
                row.add(x.apply(value));
                for (Map<X, Y> byX : ys) {
                    row.add(byX.get(value));
                }
                rows.add(row);
            }
            List<String> columns = new ArrayList<>();
            columns.add(xName);
            columns.addAll(names);
            return new ResultGrid(columns, rows, false);
        }
        for (int i = 0; i < series.size(); i++) {
            for (XYChart.Data<X, Y> d : series.get(i).getData()) {
                rows.add(List.of(names.get(i), x.apply(d.getXValue()), d.getYValue()));
            }
        }
        return new ResultGrid(List.of("series", xName, yName), rows, false);
    }

    /** Tab-separated text: a header row, then a row per grid row ({@link Csv#tsv}). */
    public static String tsv(ResultGrid grid) {
        return Csv.tsv(grid);
    }

    /** Every series has the same x values in the same order (and no x twice). */
    private static <X, Y> boolean sameXs(List<XYChart.Series<X, Y>> series) {
        List<XYChart.Data<X, Y>> first = series.get(0).getData();
        if (first.stream().map(XYChart.Data::getXValue).distinct().count() != first.size()) {
            return false;
        }
        for (XYChart.Series<X, Y> s : series) {
            if (s.getData().size() != first.size()) {
                return false;
            }
            for (int p = 0; p < first.size(); p++) {
                if (!Objects.equals(s.getData().get(p).getXValue(), first.get(p).getXValue())) {
                    return false;
                }
            }
        }
        return true;
    }

    private static String name(Axis<?> axis, String otherwise) {
        String label = axis.getLabel();
        return label == null || label.isBlank() ? otherwise : label;
    }

    @SuppressWarnings("unchecked")
    private static <X> Function<X, Object> xText(Axis<X> axis) {
        if (axis instanceof ValueAxis<?> v && v.getTickLabelFormatter() != null) {
            StringConverter<Number> labels = (StringConverter<Number>) v.getTickLabelFormatter();
            return x -> labels.toString((Number) x);
        }
        return x -> x;
    }
}
