package org.inquest.app.ui.chart;

import java.util.function.IntFunction;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.shape.Line;
import javafx.util.StringConverter;
import org.inquest.app.ui.common.ChartMenu;

/**
 * A line chart over an index axis (e.g. replay buckets 0 … n−1) with a vertical cursor line at {@link #cursor()}
 * and an optional dashed horizontal reference line ({@link #reference()}, NaN hides it). Moving the cursor only
 * moves the line (no relayout of the series), so a cursor that moves 30 times a second costs nothing per point.
 * Tick labels come from {@code label} (index → text).
 */
public final class CursorLineChart extends LineChart<Number, Number> {
    private final IntegerProperty cursor = new SimpleIntegerProperty(0);
    private final DoubleProperty reference = new SimpleDoubleProperty(Double.NaN);
    private final Line cursorLine = new Line();
    private final Line referenceLine = new Line();

    private CursorLineChart(NumberAxis x, NumberAxis y) {
        super(x, y);
        cursorLine.getStyleClass().add("cursor-line");
        cursorLine.setStyle("-fx-stroke: -color-danger-emphasis; -fx-stroke-width: 2;");
        cursorLine.setMouseTransparent(true);
        referenceLine.setStyle("-fx-stroke: -color-fg-muted; -fx-stroke-width: 1.5; -fx-stroke-dash-array: 6 4;");
        referenceLine.setMouseTransparent(true);
        getPlotChildren().addAll(referenceLine, cursorLine);
        cursor.addListener((o, a, b) -> placeCursor());
        reference.addListener((o, a, b) -> requestChartLayout());
    }

    /** A chart with id {@code id}, y label {@code yLabel}, no symbols, and x tick labels from {@code label}. */
    public static CursorLineChart of(String id, String yLabel, IntFunction<String> label) {
        NumberAxis x = new NumberAxis();
        x.setAutoRanging(false);
        x.setMinorTickVisible(false);
        x.setTickLabelFormatter(new StringConverter<>() {
            @Override
            public String toString(Number value) {
                return label.apply((int) Math.round(value.doubleValue()));
            }

            @Override
            public Number fromString(String text) {
                return 0;
            }
        });
        NumberAxis y = new NumberAxis();
        y.setLabel(yLabel);
        y.setForceZeroInRange(true);
        CursorLineChart chart = new CursorLineChart(x, y);
        chart.setId(id);
        chart.setAnimated(false);
        chart.setCreateSymbols(false);
        chart.setLegendVisible(false);
        chart.setMinHeight(120);
        return ChartMenu.attach(chart, id);
    }

    /** Sets the x range to [0, last] with about six labelled ticks. */
    public void setIndexRange(int last) {
        NumberAxis x = (NumberAxis) getXAxis();
        x.setLowerBound(0);
        x.setUpperBound(Math.max(1, last));
        x.setTickUnit(Math.max(1, Math.ceil(Math.max(1, last) / 6.0)));
    }

    public IntegerProperty cursor() {
        return cursor;
    }

    public DoubleProperty reference() {
        return reference;
    }

    @Override
    protected void layoutPlotChildren() {
        super.layoutPlotChildren();
        double r = reference.get();
        referenceLine.setVisible(!Double.isNaN(r));
        if (!Double.isNaN(r)) {
            double py = getYAxis().getDisplayPosition(r);
            referenceLine.setStartX(0);
            referenceLine.setEndX(getXAxis().getWidth());
            referenceLine.setStartY(py);
            referenceLine.setEndY(py);
        }
        placeCursor();
    }

    private void placeCursor() {
        double px = getXAxis().getDisplayPosition(cursor.get());
        cursorLine.setStartX(px);
        cursorLine.setEndX(px);
        cursorLine.setStartY(0);
        cursorLine.setEndY(getYAxis().getHeight());
        cursorLine.toFront();
    }
}
