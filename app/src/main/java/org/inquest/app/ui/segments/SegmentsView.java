package org.inquest.app.ui.segments;

import java.util.function.IntConsumer;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import org.inquest.app.ui.common.GridView;

/** The segments tab: the ranking; double-click (or Enter) applies the segment as a filter. */
public final class SegmentsView extends BorderPane {
    private final SegmentsViewModel vm;
    private final GridView grid;

    public SegmentsView(SegmentsViewModel vm, IntConsumer apply) {
        this.vm = vm;
        setId("segments");
        Label state = new Label();
        state.setId("segments-state");
        state.textProperty().bind(vm.stateProperty());
        state.setPadding(new Insets(6, 8, 6, 8));
        setTop(state);
        grid = new GridView("segments-table", "Open this tab to rank segments.");
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

    /** Calls {@code listener} with the index of the selected ranking row, -1 when none (the examples pane). */
    public void onSelect(IntConsumer listener) {
        grid.getSelectionModel().selectedItemProperty().addListener((o, a, row) -> listener.accept(row == null ? -1
                : vm.gridProperty().get().rows().indexOf(row)));
    }
}
