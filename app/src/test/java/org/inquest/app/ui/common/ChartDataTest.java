package org.inquest.app.ui.common;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import javafx.scene.chart.XYChart;
import org.junit.jupiter.api.Test;

/** "Copy data" of a chart: the table its series make and the tab-separated text, on hand-made series. */
class ChartDataTest {
    @Test
    void seriesOverTheSameBinsShareARowPerBin() {
        List<XYChart.Series<String, Number>> series = List.of(
                series("reference", List.of("(0, 1]", "(1, 2]", "(2, 5]"), List.of(0.1, 0.2, 0.7)),
                series("current", List.of("(0, 1]", "(1, 2]", "(2, 5]"), List.of(0.3, 0.3, 0.4)));
        String tsv = ChartData.tsv(ChartData.of("income bin", "share of rows", series, x -> x, true));
        assertEquals("income bin\treference\tcurrent\n"
                + "(0, 1]\t0.1\t0.3\n"
                + "(1, 2]\t0.2\t0.3\n"
                + "(2, 5]\t0.7\t0.4\n", tsv);
    }

    /** Bins a slice has no rows in are left out of its series: the row of that bin has an empty cell. */
    @Test
    void categoriesASeriesMissesAreEmptyCells() {
        List<XYChart.Series<String, Number>> series = List.of(
                series("reference", List.of("0.0-0.1", "0.1-0.2"), List.of(0.5, 0.5)),
                series("current", List.of("0.1-0.2", "0.9-1.0"), List.of(0.25, 0.75)));
        String tsv = ChartData.tsv(ChartData.of("score bin", "share", series, x -> x, true));
        assertEquals("score bin\treference\tcurrent\n"
                + "0.0-0.1\t0.5\t\n"
                + "0.1-0.2\t0.5\t0.25\n"
                + "0.9-1.0\t\t0.75\n", tsv);
    }

    @Test
    void seriesOverDifferentXsGetARowPerPoint() {
        List<XYChart.Series<Number, Number>> series = List.of(
                series("current", List.of(0.15, 0.55), List.of(0.1, 0.625)),
                series("perfectly calibrated", List.of(0, 1), List.of(0, 1)));
        String tsv = ChartData.tsv(ChartData.of("mean score", "fraction positive", series, x -> x, false));
        assertEquals("series\tmean score\tfraction positive\n"
                + "current\t0.15\t0.1\n"
                + "current\t0.55\t0.625\n"
                + "perfectly calibrated\t0\t0\n"
                + "perfectly calibrated\t1\t1\n", tsv);
    }

    /** The x written as the chart labels it (a replay bucket's index as its time); a series without a name. */
    @Test
    void xAsLabelledAndUnnamedSeries() {
        List<XYChart.Series<Number, Number>> series = List.of(series(null, List.of(0, 1), List.of(12.5, 40.0)));
        String tsv = ChartData.tsv(ChartData.of("bucket", "p95 ms", series, x -> "09-22 10:0" + x, false));
        assertEquals("bucket\tseries 1\n09-22 10:00\t12.5\n09-22 10:01\t40.0\n", tsv);
    }

    @Test
    void tabsAndLineBreaksInValuesBecomeSpaces() {
        ResultGrid grid = new ResultGrid(List.of("group", "rate"), List.of(List.<Object>of("a\tb\nc", 0.5)), false);
        assertEquals("group\trate\na b c\t0.5\n", ChartData.tsv(grid));
    }

    private static <X> XYChart.Series<X, Number> series(String name, List<? extends X> xs, List<? extends Number> ys) {
        XYChart.Series<X, Number> s = new XYChart.Series<>();
        s.setName(name);
        for (int i = 0; i < xs.size(); i++) {
            s.getData().add(new XYChart.Data<>(xs.get(i), ys.get(i)));
        }
        return s;
    }
}
