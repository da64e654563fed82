package org.inquest.app.ui.segments;

import java.util.function.IntConsumer;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import org.inquest.app.ui.common.GridView;

/** The segments tab: the ranking; double-click (or Enter) applies the segment as a filter. */
public final class SegmentsView extends BorderPane {
    public SegmentsView(SegmentsViewModel vm, IntConsumer apply) {
        setId("segments");
        Label state = new Label();
        state.setId("segments-state");
        state.textProperty().bind(vm.stateProperty());
        state.setPadding(new Insets(6, 8, 6, 8));
        setTop(state);
        GridView grid = new GridView("segments-table", "Open this tab to rank segments.");
        grid.bind(vm.gridProperty());
        grid.getSelectionModel().setCellSelectionEnabled(false);
        grid.setRowFactory(t -> {
            javafx.scene.control.TableRow<java.util.List<Object>> row = new javafx.scene.control.TableRow<>();
            row.setOnMouseClicked(e -> {
                if (e.getClickCount() == 2 && !row.isEmpty()) {
                    apply.accept(vm.gridProperty().get().rows().indexOf(row.getItem()));
                }
            });
            return row;
        });
        grid.setOnKeyReleased(e -> {
            if (e.getCode() == javafx.scene.input.KeyCode.ENTER && grid.getSelectionModel().getSelectedItem() != null) {
                apply.accept(vm.gridProperty().get().rows().indexOf(grid.getSelectionModel().getSelectedItem()));
            }
        });
        setCenter(grid);
    }
}
