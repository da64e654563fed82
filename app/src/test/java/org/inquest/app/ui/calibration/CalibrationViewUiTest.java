package org.inquest.app.ui.calibration;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import javafx.scene.Scene;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.inquest.app.ui.TestWorkspaces;
import org.inquest.app.ui.analysis.IncidentSnapshot;
import org.inquest.connectors.catalog.ColumnInfo;
import org.inquest.connectors.catalog.ColumnRole;
import org.inquest.connectors.workspace.Workspace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The calibration view draws what its view model prepared (see {@link CalibrationViewModelTest} for the numbers):
 * the ECE/MCE line, both reliability curves plus the diagonal, and both histograms.
 */
@ExtendWith(ApplicationExtension.class)
class CalibrationViewUiTest {
    @TempDir
    Path dir;
    CalibrationView view;

    @Start
    void start(Stage stage) {
        view = new CalibrationView();
        stage.setScene(new Scene(view, 900, 500));
        stage.show();
    }

    @Test
    void theChartsAndTheLineShowTheSnapshot(FxRobot robot) throws Exception {
        IncidentSnapshot s;
        try (Workspace ws = TestWorkspaces.table(dir, "c", "SELECT id, score :: DOUBLE AS score, label FROM (VALUES"
                + " (1, 0.15, 0), (2, 0.15, 1), (3, 0.85, 1), (4, 0.85, 1), (5, 0.15, 0), (6, 0.15, 0),"
                + " (7, 0.15, 0), (8, 0.85, 0)) t(id, score, label)",
                new ColumnInfo("id", "INTEGER", ColumnRole.ID, null),
                new ColumnInfo("score", "DOUBLE", ColumnRole.SCORE, null),
                new ColumnInfo("label", "INTEGER", ColumnRole.LABEL, null))) {
            s = TestWorkspaces.snapshot(ws, "c", "id <= 4", "id > 4");
        }
        robot.interact(() -> view.show(s));
        Label numbers = robot.lookup("#calibration-numbers").queryAs(Label.class);
        assertEquals("ECE: reference 0.2500, current 0.3250 · MCE: reference 0.3500, current 0.8500 · uniform bins,"
                + " labeled and scored rows: reference 4, current 4", numbers.getText());
        @SuppressWarnings("unchecked")
        LineChart<Number, Number> reliability = robot.lookup("#calibration-reliability").queryAs(LineChart.class);
        assertEquals(List.of("reference", "current", "perfectly calibrated"),
                reliability.getData().stream().map(XYChart.Series::getName).toList());
        assertEquals(1.0, reliability.getData().get(0).getData().get(1).getYValue().doubleValue(), 1e-12);
        @SuppressWarnings("unchecked")
        BarChart<String, Number> histogram = robot.lookup("#calibration-histogram").queryAs(BarChart.class);
        assertEquals(List.of("reference", "current"),
                histogram.getData().stream().map(XYChart.Series::getName).toList());
        XYChart.Data<String, Number> bar = histogram.getData().get(1).getData().get(0);
        assertEquals("0.1–0.2", bar.getXValue());
        assertEquals(0.75, bar.getYValue().doubleValue(), 1e-12);

        robot.interact(() -> view.show(null));
        assertEquals("", numbers.getText());
        assertEquals(0, reliability.getData().size());
        assertEquals(0, histogram.getData().size());
    }
}
