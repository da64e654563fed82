package org.inquest.app.ui.chart;

import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.control.Label;
import javafx.scene.shape.Line;

/**
 * A bar chart with one horizontal reference line (e.g. the four-fifths rule: 0.8 × the highest selection rate).
 * The line is laid out in chart coordinates, so it follows resizing and axis changes. NaN hides it.
 */
public final class ThresholdBarChart extends BarChart<String, Number> {
    private final DoubleProperty threshold = new SimpleDoubleProperty(Double.NaN);
    private final StringProperty thresholdLabel = new SimpleStringProperty("");
    private final Line line = new Line();
    private final Label label = new Label();

    public ThresholdBarChart(CategoryAxis x, NumberAxis y) {
        super(x, y);
        line.getStyleClass().add("threshold-line");
        line.setStyle("-fx-stroke: -color-danger-emphasis; -fx-stroke-width: 2; -fx-stroke-dash-array: 8 5;");
        label.setStyle("-fx-text-fill: -color-danger-fg; -fx-font-size: 11px;");
        label.textProperty().bind(thresholdLabel);
        getPlotChildren().addAll(line, label);
        threshold.addListener((o, a, b) -> requestChartLayout());
    }

    public DoubleProperty thresholdProperty() {
        return threshold;
    }

    public StringProperty thresholdLabelProperty() {
        return thresholdLabel;
    }

    @Override
    protected void layoutPlotChildren() {
        super.layoutPlotChildren();
        double t = threshold.get();
        boolean show = !Double.isNaN(t);
        line.setVisible(show);
        label.setVisible(show);
        if (show) {
            NumberAxis y = (NumberAxis) getYAxis();
            double py = y.getDisplayPosition(t);
            line.setStartX(0);
            line.setEndX(getXAxis().getWidth());
            line.setStartY(py);
            line.setEndY(py);
            line.toFront();
            label.resizeRelocate(4, py - 18, label.prefWidth(-1), label.prefHeight(-1));
            label.toFront();
        }
    }
}
