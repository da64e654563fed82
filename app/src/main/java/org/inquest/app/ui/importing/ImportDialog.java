package org.inquest.app.ui.importing;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.cell.ComboBoxTableCell;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.inquest.app.ui.common.Format;
import org.inquest.app.ui.common.GridView;
import org.inquest.connectors.catalog.ColumnRole;
import org.inquest.connectors.ingest.ImportKind;

/** The import dialog window (also opened by dropping files onto the workbench). */
public final class ImportDialog {
    private ImportDialog() {
    }

    public static Stage show(Window owner, ImportViewModel vm, List<Path> initial, Consumer<String> openQuarantine,
            Runnable imported) {
        Stage stage = new Stage();
        stage.initOwner(owner);
        stage.setTitle("Import data");

        Label files = new Label("No file chosen");
        files.setId("import-files");
        files.setWrapText(true);
        vm.files().addListener((javafx.collections.ListChangeListener<Path>) c -> files.setText(
                vm.files().isEmpty() ? "No file chosen" : String.join(", ", vm.files().stream()
                        .map(Path::toString).toList())));
        Button choose = new Button("Choose files…");
        choose.setOnAction(e -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle("Files to import");
            chooser.getExtensionFilters().addAll(
                    new FileChooser.ExtensionFilter("Data files", "*.csv", "*.parquet", "*.jsonl", "*.json", "*.ndjson",
                            "*.csv.gz"),
                    new FileChooser.ExtensionFilter("All files", "*"));
            List<File> chosen = chooser.showOpenMultipleDialog(stage);
            if (chosen != null) {
                vm.setFiles(chosen.stream().map(File::toPath).toList());
            }
        });
        TextField table = new TextField();
        table.setId("import-table");
        table.textProperty().bindBidirectional(vm.tableProperty());
        ComboBox<ImportKind> kind = new ComboBox<>(FXCollections.observableArrayList(ImportKind.values()));
        kind.setId("import-kind");
        kind.valueProperty().bindBidirectional(vm.kindProperty());
        GridPane form = new GridPane();
        form.setHgap(8);
        form.setVgap(6);
        form.addRow(0, new Label("Files"), new HBox(8, choose, files));
        form.addRow(1, new Label("Table"), table);
        form.addRow(2, new Label("Kind"), kind);

        GridView preview = new GridView("import-preview", "Choose or drop a file to preview its first rows.");
        preview.bind(vm.previewProperty());
        preview.setPrefHeight(200);

        TableView<ImportViewModel.RoleRow> roles = new TableView<>(vm.roles());
        roles.setId("import-roles");
        roles.setEditable(true);
        roles.setPrefHeight(180);
        TableColumn<ImportViewModel.RoleRow, String> column = new TableColumn<>("column");
        column.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().column()));
        column.setPrefWidth(200);
        TableColumn<ImportViewModel.RoleRow, String> type = new TableColumn<>("type");
        type.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().type()));
        type.setPrefWidth(120);
        TableColumn<ImportViewModel.RoleRow, String> role = new TableColumn<>("role (double-click to change)");
        role.setCellValueFactory(c -> c.getValue().roleProperty());
        role.setCellFactory(ComboBoxTableCell.forTableColumn(FXCollections.observableArrayList(
                java.util.Arrays.stream(ColumnRole.values()).map(ColumnRole::wireName).toList())));
        role.setEditable(true);
        role.setPrefWidth(240);
        roles.getColumns().addAll(List.of(column, type, role));

        ProgressBar bar = new ProgressBar();
        bar.setId("import-progress-bar");
        bar.visibleProperty().bind(vm.runningProperty());
        bar.managedProperty().bind(bar.visibleProperty());
        bar.setPrefWidth(160);
        Label progress = new Label();
        progress.setId("import-progress");
        progress.setWrapText(true);
        progress.setMaxWidth(Double.MAX_VALUE);
        progress.textProperty().bind(vm.progressProperty());
        Label error = new Label();
        error.setId("import-error");
        error.getStyleClass().add("danger");
        error.setWrapText(true);
        error.textProperty().bind(vm.errorProperty());
        Button quarantine = new Button("Open quarantine…");
        quarantine.setId("import-quarantine");
        quarantine.setVisible(false);
        vm.resultProperty().addListener((o, a, r) -> {
            quarantine.setVisible(r != null && vm.quarantined() > 0);
            quarantine.setText("Open quarantine (" + Format.count(vm.quarantined(), "row") + ")…");
        });
        quarantine.setOnAction(e -> openQuarantine.accept(vm.resultProperty().get().table().name()));

        Button start = new Button("Import");
        start.setId("import-start");
        start.getStyleClass().add("accent");
        start.disableProperty().bind(vm.runningProperty().or(javafx.beans.binding.Bindings.isEmpty(vm.files())));
        start.setOnAction(e -> vm.start(imported));
        Button cancel = new Button("Cancel import");
        cancel.setId("import-cancel");
        cancel.disableProperty().bind(vm.runningProperty().not());
        cancel.setOnAction(e -> vm.cancel());
        Button close = new Button("Close");
        close.setOnAction(e -> stage.close());
        // The progress and the summary get a row of their own, the whole width, wrapping: beside the buttons a long
        // summary squeezed them to "…". The buttons stay at the bottom edge, so a summary that grows to two lines
        // takes its room from the preview and never moves a button under the pointer.
        HBox.setHgrow(progress, Priority.ALWAYS);
        HBox status = new HBox(8, bar, progress);
        status.setAlignment(Pos.CENTER_LEFT);
        status.setMinHeight(Region.USE_PREF_SIZE);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox actions = new HBox(8, spacer, quarantine, start, cancel, close);
        actions.setAlignment(Pos.CENTER_RIGHT);
        for (Button b : List.of(quarantine, start, cancel, close)) {
            b.setMinWidth(Region.USE_PREF_SIZE); // a button keeps its whole text
        }
        // the quarantine button takes no room until there is a quarantine to open
        quarantine.managedProperty().bind(quarantine.visibleProperty());

        VBox root = new VBox(8, form, new Label("Preview (first " + ImportViewModel.PREVIEW_ROWS + " rows)"), preview,
                new Label("Column roles"), roles, error, status, actions);
        root.setPadding(new Insets(12));
        VBox.setVgrow(preview, Priority.ALWAYS);
        root.setOnDragOver(e -> {
            if (e.getDragboard().hasFiles()) {
                e.acceptTransferModes(javafx.scene.input.TransferMode.COPY);
            }
        });
        root.setOnDragDropped(e -> {
            if (e.getDragboard().hasFiles()) {
                vm.setFiles(e.getDragboard().getFiles().stream().map(File::toPath).toList());
                e.setDropCompleted(true);
            }
        });
        Scene scene = new Scene(root, 900, 640);
        scene.getStylesheets().addAll(owner.getScene().getStylesheets());
        stage.setScene(scene);
        stage.setOnHidden(e -> vm.cancel());
        if (!initial.isEmpty()) {
            vm.setFiles(initial);
        }
        stage.show();
        return stage;
    }
}
