package org.inquest.app.ui.performance;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javafx.geometry.Insets;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.inquest.app.ui.chart.Charts;
import org.inquest.app.ui.common.GridView;

/**
 * The performance tab: metrics side by side (with latency) above the confusion matrix of both slices; metrics per
 * day and per segment.
 */
public final class PerformanceView extends BorderPane {
    static final List<String> PLOTTED = List.of("accuracy", "precision", "recall", "f1", "roc_auc");

    public PerformanceView(PerformanceViewModel vm) {
        setId("performance");
        GridView metrics = new GridView("performance-metrics", "No slices analysed yet.");
        metrics.bind(vm.metricsProperty());
        GridView confusion = new GridView("performance-confusion", "No binary classification to count.");
        confusion.bind(vm.confusionProperty());
        confusion.setPrefHeight(124); // its header and both rows without a scroll bar
        confusion.setMinHeight(124);
        Label confusionTitle = new Label("Confusion matrix (labeled rows; a row per actual class)");
        confusionTitle.getStyleClass().add("muted");
        VBox left = new VBox(4, metrics, confusionTitle, confusion);
        VBox.setVgrow(metrics, Priority.ALWAYS);
        LineChart<String, Number> overTime = Charts.lines("performance-over-time", "day (current slice)", "metric");
        vm.overTimeProperty().addListener((o, a, days) -> plot(overTime, days));
        GridView segments = new GridView("performance-segments", "Open this tab to compute per-segment metrics.");
        segments.bind(vm.bySegmentProperty());
        ComboBox<String> column = new ComboBox<>(vm.segmentColumns());
        column.setId("performance-segment-column");
        column.valueProperty().bindBidirectional(vm.segmentColumnProperty());
        Label state = new Label();
        state.getStyleClass().add("muted");
        state.textProperty().bind(vm.stateProperty());
        HBox segmentBar = new HBox(8, new Label("Per segment of"), column, state);
        segmentBar.setPadding(new Insets(4, 0, 4, 0));
        VBox right = new VBox(4, overTime, segmentBar, segments);
        VBox.setVgrow(overTime, Priority.ALWAYS);
        VBox.setVgrow(segments, Priority.ALWAYS);
        right.setPadding(new Insets(6));
        SplitPane split = new SplitPane(left, right);
        split.setDividerPositions(0.42);
        setCenter(split);
    }

    private static void plot(LineChart<String, Number> chart, Map<String, Map<String, Object>> days) {
        chart.getData().clear();
        for (String metric : PLOTTED) {
            List<XYChart.Data<String, Number>> pts = new ArrayList<>();
            days.forEach((day, values) -> {
                if (values.get(metric) instanceof Number n) {
                    pts.add(new XYChart.Data<>(day.length() >= 10 ? day.substring(5, 10) : day, n));
                }
            });
            if (!pts.isEmpty()) {
                chart.getData().add(Charts.series(metric, pts));
            }
        }
    }
}
