package org.inquest.app.ui.calibration;

import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Insets;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.inquest.app.ui.analysis.IncidentSnapshot;
import org.inquest.app.ui.chart.Charts;
import org.inquest.app.ui.common.Clip;

/**
 * The calibration tab: reliability diagram (fraction positive against mean predicted score per bin, both slices,
 * with the diagonal of perfect calibration), ECE and MCE, and the scores' distribution over the same bins, as
 * {@link CalibrationViewModel} prepares them.
 */
public final class CalibrationView extends BorderPane {
    private final CalibrationViewModel vm;
    private final LineChart<Number, Number> reliability = Charts.unitSquare("calibration-reliability",
            "mean predicted score", "fraction positive");
    private final BarChart<String, Number> histogram = Charts.bars("calibration-histogram", "score bin",
            "share of scored rows");
    private final Label numbers = Clip.copyable(new Label());

    public CalibrationView() {
        this(new CalibrationViewModel());
    }

    public CalibrationView(CalibrationViewModel vm) {
        this.vm = vm;
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
        vm.show(s);
        reliability.getData().clear();
        histogram.getData().clear();
        numbers.setText(vm.numbersProperty().get());
        if (vm.curvesProperty().get().isEmpty()) {
            return;
        }
        for (CalibrationViewModel.Curve c : vm.curvesProperty().get()) {
            List<XYChart.Data<Number, Number>> pts = new ArrayList<>();
            for (CalibrationViewModel.Point p : c.points()) {
                pts.add(new XYChart.Data<>(p.meanPredicted(), p.fractionPositive()));
            }
            reliability.getData().add(Charts.series(c.name(), pts));
        }
        List<XYChart.Data<Number, Number>> diagonal = List.of(new XYChart.Data<>(0, 0), new XYChart.Data<>(1, 1));
        XYChart.Series<Number, Number> perfect = Charts.series("perfectly calibrated", diagonal);
        reliability.getData().add(perfect);
        perfect.getNode().setStyle("-fx-stroke: -color-fg-subtle; -fx-stroke-dash-array: 6 4;");
        for (XYChart.Data<Number, Number> d : perfect.getData()) {
            if (d.getNode() != null) {
                d.getNode().setVisible(false);
            }
        }
        for (CalibrationViewModel.Bars b : vm.histogramProperty().get()) {
            List<XYChart.Data<String, Number>> pts = new ArrayList<>();
            for (CalibrationViewModel.Bar bar : b.bars()) {
                pts.add(new XYChart.Data<>(bar.bin(), bar.share()));
            }
            histogram.getData().add(Charts.series(b.name(), pts));
        }
    }
}
