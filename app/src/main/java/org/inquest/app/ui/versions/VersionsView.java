package org.inquest.app.ui.versions;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.geometry.Insets;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.layout.BorderPane;
import org.inquest.analysis.calibration.Calibration;
import org.inquest.analysis.calibration.CalibrationBin;
import org.inquest.app.ui.chart.Charts;
import org.inquest.app.ui.common.GridView;

/** The versions tab: metrics per model version side by side; score distribution per version. */
public final class VersionsView extends BorderPane {
    public VersionsView(VersionsViewModel vm) {
        setId("versions");
        Label state = new Label();
        state.textProperty().bind(vm.stateProperty());
        state.setPadding(new Insets(6, 8, 6, 8));
        setTop(state);
        GridView grid = new GridView("versions-table", "Open this tab to compute metrics per version.");
        grid.bind(vm.gridProperty());
        BarChart<String, Number> scores = Charts.bars("versions-scores", "score bin", "share of scored rows");
        vm.calibrationsProperty().addListener((o, a, cal) -> plot(scores, cal));
        SplitPane split = new SplitPane(grid, scores);
        split.setDividerPositions(0.5);
        setCenter(split);
    }

    private static void plot(BarChart<String, Number> chart, Map<String, Calibration> cal) {
        chart.getData().clear();
        cal.forEach((version, c) -> {
            if (c.count() == 0) {
                return;
            }
            List<XYChart.Data<String, Number>> pts = new ArrayList<>();
            for (CalibrationBin b : c.bins()) {
                pts.add(new XYChart.Data<>(String.format(Locale.ROOT, "%.1f–%.1f", b.lower(), b.upper()),
                        (double) b.count() / c.count()));
            }
            chart.getData().add(Charts.series(version, pts));
        });
    }
}
