package org.inquest.app.ui.calibration;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.geometry.Insets;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.inquest.analysis.calibration.Calibration;
import org.inquest.analysis.calibration.CalibrationBin;
import org.inquest.app.ui.analysis.IncidentSnapshot;
import org.inquest.app.ui.chart.Charts;
import org.inquest.app.ui.common.Clip;
import org.inquest.app.ui.common.Format;

/**
 * The calibration tab: reliability diagram (fraction positive against mean predicted score per bin, both slices,
 * with the diagonal of perfect calibration), ECE and MCE, and the scores' distribution over the same bins.
 */
public final class CalibrationView extends BorderPane {
    private final LineChart<Number, Number> reliability = Charts.unitSquare("calibration-reliability",
            "mean predicted score", "fraction positive");
    private final BarChart<String, Number> histogram = Charts.bars("calibration-histogram", "score bin",
            "share of scored rows");
    private final Label numbers = Clip.copyable(new Label());

    public CalibrationView() {
        setId("calibration");
        numbers.setId("calibration-numbers");
        numbers.setPadding(new Insets(6, 8, 6, 8));
        setTop(numbers);
        reliability.setCreateSymbols(true);
        HBox charts = new HBox(8, reliability, histogram);
        HBox.setHgrow(reliability, Priority.ALWAYS);
        HBox.setHgrow(histogram, Priority.ALWAYS);
        reliability.setPrefWidth(520);
        histogram.setPrefWidth(520);
        VBox box = new VBox(charts);
        VBox.setVgrow(charts, Priority.ALWAYS);
        box.setPadding(new Insets(6));
        setCenter(box);
    }

    /** Shows {@code s} (the workbench calls this when the tab is on screen). */
    public void show(IncidentSnapshot s) {
        reliability.getData().clear();
        histogram.getData().clear();
        if (s == null) {
            numbers.setText("");
            return;
        }
        Calibration ref = s.referenceCalibration();
        Calibration cur = s.currentCalibration();
        if (ref == null && cur == null) {
            numbers.setText("Calibration needs a score and a label column (binary classification) in a slice.");
            return;
        }
        numbers.setText(String.format(Locale.ROOT, "ECE: reference %s, current %s · MCE: reference %s, current %s"
                + " · %s bins, labeled and scored rows: reference %s, current %s",
                Format.number(ref == null ? null : ref.ece(), 4), Format.number(cur == null ? null : cur.ece(), 4),
                Format.number(ref == null ? null : ref.mce(), 4), Format.number(cur == null ? null : cur.mce(), 4),
                cur != null ? cur.strategy() : ref.strategy(), ref == null ? Format.NONE : Format.count(ref.count()),
                cur == null ? Format.NONE : Format.count(cur.count())));
        List<XYChart.Data<Number, Number>> diagonal = List.of(new XYChart.Data<>(0, 0), new XYChart.Data<>(1, 1));
        XYChart.Series<Number, Number> perfect = Charts.series("perfectly calibrated", diagonal);
        addCurve("reference", ref);
        addCurve("current", cur);
        reliability.getData().add(perfect);
        perfect.getNode().setStyle("-fx-stroke: -color-fg-subtle; -fx-stroke-dash-array: 6 4;");
        for (XYChart.Data<Number, Number> d : perfect.getData()) {
            if (d.getNode() != null) {
                d.getNode().setVisible(false);
            }
        }
        addHistogram("reference", ref);
        addHistogram("current", cur);
    }

    private void addCurve(String name, Calibration c) {
        if (c == null) {
            return;
        }
        List<XYChart.Data<Number, Number>> pts = new ArrayList<>();
        for (CalibrationBin b : c.bins()) {
            pts.add(new XYChart.Data<>(b.meanPredicted(), b.fractionPositive()));
        }
        reliability.getData().add(Charts.series(name, pts));
    }

    private void addHistogram(String name, Calibration c) {
        if (c == null || c.count() == 0) {
            return;
        }
        List<XYChart.Data<String, Number>> pts = new ArrayList<>();
        for (CalibrationBin b : c.bins()) {
            pts.add(new XYChart.Data<>(String.format(Locale.ROOT, "%.1f–%.1f", b.lower(), b.upper()),
                    (double) b.count() / c.count()));
        }
        histogram.getData().add(Charts.series(name, pts));
    }
}
