package org.inquest.app.ui.request;

import java.util.function.Consumer;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.TableRow;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.inquest.app.ui.common.GridView;

/** Below the segment ranking: example predictions of the selected segment; double-click or Enter opens one. */
public final class SegmentExamplesView extends VBox {
    public SegmentExamplesView(SegmentExamplesViewModel vm, Consumer<RequestKey> open) {
        super(4);
        setId("segment-examples");
        setPadding(new Insets(6, 8, 6, 8));
        Label message = new Label();
        message.setId("segment-examples-message");
        message.textProperty().bind(vm.messageProperty());
        GridView grid = new GridView("segment-examples-table", "No examples.");
        grid.bind(vm.gridProperty());
        grid.getSelectionModel().setCellSelectionEnabled(false);
        grid.setRowFactory(t -> {
            TableRow<java.util.List<Object>> row = new TableRow<>();
            row.setOnMouseClicked(e -> {
                if (e.getClickCount() == 2 && !row.isEmpty()) {
                    vm.key(vm.gridProperty().get().rows().indexOf(row.getItem())).ifPresent(open);
                }
            });
            return row;
        });
        grid.setOnKeyReleased(e -> {
            if (e.getCode() == javafx.scene.input.KeyCode.ENTER && grid.getSelectionModel().getSelectedItem() != null) {
                vm.key(vm.gridProperty().get().rows().indexOf(grid.getSelectionModel().getSelectedItem()))
                        .ifPresent(open);
            }
        });
        grid.setPrefHeight(200);
        VBox.setVgrow(grid, Priority.ALWAYS);
        getChildren().addAll(message, grid);
    }
}
