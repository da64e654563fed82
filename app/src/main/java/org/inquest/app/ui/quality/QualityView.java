package org.inquest.app.ui.quality;

import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import org.inquest.app.ui.common.GridView;

/** The data quality tab. */
public final class QualityView extends BorderPane {
    public QualityView(QualityViewModel vm) {
        setId("quality");
        Label summary = new Label();
        summary.setWrapText(true);
        summary.textProperty().bind(vm.summaryProperty());
        summary.setPadding(new Insets(6, 8, 6, 8));
        setTop(summary);
        GridView grid = new GridView("quality-table", "No slices analysed yet.");
        grid.bind(vm.gridProperty());
        setCenter(grid);
    }
}
