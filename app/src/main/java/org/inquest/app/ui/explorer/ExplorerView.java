package org.inquest.app.ui.explorer;

import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.inquest.app.ui.common.ColumnWidths;
import org.inquest.app.ui.common.Grids;
import org.inquest.connectors.catalog.ColumnInfo;

/** Left pane: the workspace's tables; below, the selected table's columns with roles, its lineage and quarantine. */
public final class ExplorerView extends VBox {
    public ExplorerView(ExplorerViewModel vm, java.util.function.Consumer<String> openQuarantine) {
        setId("explorer");
        setSpacing(6);
        setPadding(new Insets(8));
        Label heading = new Label("Tables");
        heading.getStyleClass().add("title-4");

        ListView<TableSummary> tables = new ListView<>(vm.tables());
        tables.setId("explorer-tables");
        tables.setPrefHeight(170);
        tables.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(TableSummary t, boolean empty) {
                super.updateItem(t, empty);
                if (empty || t == null) {
                    setText(null);
                } else {
                    setText(t.name() + "  ·  " + t.info().kind() + "  ·  " + org.inquest.app.ui.common.Format.count(t.info().rows(), "row")
                            + (t.quarantined() > 0 ? "  ·  " + String.format("%,d quarantined", t.quarantined()) : ""));
                }
            }
        });
        tables.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (b != null) {
                vm.selectedProperty().set(b);
            }
        });
        vm.selectedProperty().addListener((o, a, b) -> {
            if (b != null && tables.getSelectionModel().getSelectedItem() != b) {
                tables.getSelectionModel().select(b);
            }
        });

        TableView<ColumnInfo> columns = new TableView<>();
        columns.setId("explorer-columns");
        columns.getColumns().add(column("column", c -> c.name()));
        columns.getColumns().add(column("type", c -> c.sqlType()));
        columns.getColumns().add(column("role", c -> c.role().wireName()
                + (c.featureKind() == null ? "" : " (" + c.featureKind().wireName() + ")")));
        Grids.interactive(columns, Grids::visible);
        // as wide as the names, types and roles (the narrow pane scrolls sideways rather than cut "model_version")
        ColumnWidths.install(columns, v -> v == null ? "" : v.toString());
        VBox.setVgrow(columns, Priority.ALWAYS);

        Label lineage = new Label();
        lineage.setId("explorer-lineage");
        lineage.setWrapText(true);
        lineage.getStyleClass().add("text-small");
        // The label takes the height its wrapped text needs (the columns table above gives way), so the lineage —
        // source, format, rows, SHA-256 and time — is never cut to "Imported from:…".
        lineage.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        columns.setMinHeight(120);
        Button quarantine = new Button("Quarantine…");
        quarantine.setId("explorer-quarantine");
        quarantine.setOnAction(e -> {
            if (vm.selectedProperty().get() != null) {
                openQuarantine.accept(vm.selectedProperty().get().name());
            }
        });

        vm.selectedProperty().addListener((o, a, t) -> {
            columns.getItems().setAll(t == null ? java.util.List.of() : t.info().columns());
            lineage.setText(t == null ? "" : lineageText(t));
            quarantine.setDisable(t == null || t.quarantined() == 0);
            quarantine.setText(t == null || t.quarantined() == 0 ? "No rows quarantined"
                    : String.format("Quarantine (%,d)…", t.quarantined()));
        });
        quarantine.setDisable(true);
        getChildren().addAll(heading, tables, new Label("Columns and roles"), columns, lineage, quarantine);
    }

    static String lineageText(TableSummary t) {
        String links = t.links().isEmpty() ? "" : "Linked to traces: " + String.join("; ", t.links()) + "\n";
        if (t.lineage().isEmpty()) {
            return links + "No import lineage (table created outside Inquest).";
        }
        StringBuilder out = new StringBuilder(links).append("Imported from:");
        for (TableSummary.Lineage l : t.lineage()) {
            out.append("\n• ").append(l.source()).append(" (").append(l.format()).append(", ")
                    .append(String.format("%,d", l.rowsAccepted())).append(" rows")
                    .append(l.rowsQuarantined() > 0 ? String.format(", %,d quarantined", l.rowsQuarantined()) : "")
                    .append(")\n  sha256 ").append(l.sha256() == null ? "?" : l.sha256().substring(0,
                            Math.min(16, l.sha256().length()))).append("…  at ").append(l.importedAt());
        }
        return out.toString();
    }

    private static TableColumn<ColumnInfo, String> column(String title,
            java.util.function.Function<ColumnInfo, String> value) {
        TableColumn<ColumnInfo, String> c = new TableColumn<>(title);
        c.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
        return c;
    }
}
