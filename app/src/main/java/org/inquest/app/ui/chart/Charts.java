package org.inquest.app.ui.chart;

import java.util.List;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import org.inquest.app.ui.common.ChartMenu;

/**
 * Builders for the workbench's charts. Every chart is fed pre-aggregated points (bins, windows, groups): a few
 * dozen nodes, never one per row. Every chart copies its data and saves as PNG from its context menu
 * ({@link ChartMenu}).
 */
public final class Charts {
    private Charts() {
    }

    public static BarChart<String, Number> bars(String id, String xLabel, String yLabel) {
        CategoryAxis x = new CategoryAxis();
        x.setLabel(xLabel);
        NumberAxis y = new NumberAxis();
        y.setLabel(yLabel);
        BarChart<String, Number> chart = new BarChart<>(x, y);
        chart.setId(id);
        chart.setAnimated(false);
        chart.setBarGap(1);
        chart.setCategoryGap(6);
        chart.setMinHeight(180);
        return ChartMenu.attach(chart, id);
    }

    public static ThresholdBarChart thresholdBars(String id, String xLabel, String yLabel) {
        CategoryAxis x = new CategoryAxis();
        x.setLabel(xLabel);
        NumberAxis y = new NumberAxis(0, 1, 0.1);
        y.setLabel(yLabel);
        y.setAutoRanging(false);
        ThresholdBarChart chart = new ThresholdBarChart(x, y);
        chart.setId(id);
        chart.setAnimated(false);
        chart.setMinHeight(180);
        return ChartMenu.attach(chart, id);
    }

    /** A line chart over categories (time windows), values on a number axis. */
    public static LineChart<String, Number> lines(String id, String xLabel, String yLabel) {
        CategoryAxis x = new CategoryAxis();
        x.setLabel(xLabel);
        NumberAxis y = new NumberAxis();
        y.setLabel(yLabel);
        y.setForceZeroInRange(false);
        LineChart<String, Number> chart = new LineChart<>(x, y);
        chart.setId(id);
        chart.setAnimated(false);
        chart.setCreateSymbols(true);
        chart.setMinHeight(180);
        return ChartMenu.attach(chart, id);
    }

    /** Unit square axes (0..1 both ways), for reliability diagrams. */
    public static LineChart<Number, Number> unitSquare(String id, String xLabel, String yLabel) {
        NumberAxis x = new NumberAxis(0, 1, 0.1);
        x.setLabel(xLabel);
        x.setAutoRanging(false);
        NumberAxis y = new NumberAxis(0, 1, 0.1);
        y.setLabel(yLabel);
        y.setAutoRanging(false);
        LineChart<Number, Number> chart = new LineChart<>(x, y);
        chart.setId(id);
        chart.setAnimated(false);
        chart.setMinHeight(220);
        return ChartMenu.attach(chart, id);
    }

    public static <X, Y> XYChart.Series<X, Y> series(String name, List<XYChart.Data<X, Y>> points) {
        XYChart.Series<X, Y> s = new XYChart.Series<>();
        s.setName(name);
        s.getData().setAll(points);
        return s;
    }
}
