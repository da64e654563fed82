package org.inquest.app.ui.report;

import java.io.File;
import java.nio.file.Path;
import java.util.function.Consumer;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import org.controlsfx.control.CheckComboBox;
import org.inquest.app.ui.common.Clip;

/** The report tab: sections, sensitive and redacted columns, format; Export writes the file and offers to open it. */
public final class ReportView extends VBox {
    public ReportView(ReportViewModel vm, Consumer<Path> open) {
        setId("report");
        setSpacing(10);
        setPadding(new Insets(12));
        Label intro = new Label("A postmortem report of the applied slices: summary, inputs and lineage, drift, data"
                + " quality, model quality, calibration, fairness, latency and the segments that explain the change."
                + " HTML is one self-contained file; Markdown pastes into a postmortem document; JSON is for tools.");
        intro.setWrapText(true);

        CheckBox calibration = new CheckBox("Calibration");
        calibration.selectedProperty().bindBidirectional(vm.calibrationProperty());
        CheckBox fairness = new CheckBox("Fairness");
        fairness.selectedProperty().bindBidirectional(vm.fairnessProperty());
        CheckBox latency = new CheckBox("Latency");
        latency.selectedProperty().bindBidirectional(vm.latencyProperty());
        Label always = new Label("(summary, inputs, drift, quality, model quality and segments are always included)");
        always.setWrapText(true);
        always.setMinWidth(0);
        HBox.setHgrow(always, javafx.scene.layout.Priority.ALWAYS);
        HBox sections = new HBox(12, whole(calibration), whole(fairness), whole(latency), always);

        CheckComboBox<String> sensitive = checks("report-sensitive", vm.categorical(), vm.sensitive());
        CheckComboBox<String> redact = checks("report-redact", vm.columns(), vm.redacted());
        ChoiceBox<ReportViewModel.Format> format = new ChoiceBox<>(
                FXCollections.observableArrayList(ReportViewModel.Format.values()));
        format.setId("report-format");
        format.valueProperty().bindBidirectional(vm.formatProperty());

        GridPane form = new GridPane();
        form.setHgap(10);
        form.setVgap(8);
        form.addRow(0, whole(new Label("Optional sections")), sections);
        form.addRow(1, whole(new Label("Sensitive columns (fairness)")), sensitive);
        form.addRow(2, whole(new Label("Redacted columns (pseudonyms)")), redact);
        form.addRow(3, whole(new Label("Format")), format);

        Button export = new Button("Export report…");
        export.setId("report-export");
        export.getStyleClass().add("accent");
        export.setOnAction(e -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle("Export report");
            chooser.setInitialFileName("inquest-report." + vm.formatProperty().get().extension());
            File file = chooser.showSaveDialog(getScene().getWindow());
            if (file != null) {
                vm.export(file.toPath(), p -> { });
            }
        });
        Button openIt = new Button("Open");
        openIt.setId("report-open");
        openIt.disableProperty().bind(vm.writtenProperty().isNull());
        openIt.setOnAction(e -> open.accept(vm.writtenProperty().get()));
        Label state = Clip.copyable(new Label());
        state.setId("report-state");
        state.textProperty().bind(vm.stateProperty());
        getChildren().addAll(intro, form, new HBox(8, export, openIt), state);
    }

    /** A label or check box that keeps its whole text: the row's note gives way instead ("Calibrati…" at 1366 px). */
    private static <T extends javafx.scene.control.Labeled> T whole(T labeled) {
        labeled.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        return labeled;
    }

    private static CheckComboBox<String> checks(String id, javafx.collections.ObservableList<String> items,
            javafx.collections.ObservableList<String> checked) {
        CheckComboBox<String> box = new CheckComboBox<>(items);
        box.setId(id);
        box.setPrefWidth(360);
        box.getCheckModel().getCheckedItems().addListener((ListChangeListener<String>) c ->
                checked.setAll(box.getCheckModel().getCheckedItems()));
        return box;
    }
}
