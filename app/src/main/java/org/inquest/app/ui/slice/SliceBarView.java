package org.inquest.app.ui.slice;

import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.controlsfx.control.CheckComboBox;

/**
 * The slice bar across the top: for reference and current, a table, the filter and the quick pickers (model
 * version, day range, values of a categorical column); on the right the presets, swap and Apply.
 */
public final class SliceBarView extends VBox {
    private final HBox actions;

    /** Presets, swap and Apply: placed by the window on the menu line to leave the filters their width. */
    public HBox actions() {
        return actions;
    }

    public SliceBarView(SliceBarViewModel vm) {
        setId("slice-bar");
        getStyleClass().add("slice-bar");
        setSpacing(4);
        GridPane grid = new GridPane();
        grid.setHgap(6);
        grid.setVgap(4);
        ColumnConstraints label = new ColumnConstraints(78);
        // The table pickers are as wide as the longest table name (a combo box's preferred width measures its
        // items), within bounds: "predictions" reads whole, a very long name is cut rather than the filter.
        ColumnConstraints table = new ColumnConstraints(120, Region.USE_COMPUTED_SIZE, 240);
        ColumnConstraints filter = new ColumnConstraints(260, 480, Double.MAX_VALUE);
        filter.setHgrow(Priority.ALWAYS);
        grid.getColumnConstraints().addAll(label, table, filter);
        row(grid, 0, "Reference", vm.reference(), vm, "ref");
        row(grid, 1, "Current", vm.current(), vm, "cur");

        ComboBox<SlicePreset> presets = new ComboBox<>(vm.presets());
        presets.setId("slice-presets");
        presets.setPromptText("Presets");
        presets.setButtonCell(new javafx.scene.control.ListCell<>() { // the prompt again once a preset is used
            @Override
            protected void updateItem(SlicePreset item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? "Presets" : item.toString());
            }
        });
        presets.setPrefWidth(250);
        // A menu of presets, not a state: once used it shows "Presets" again. Otherwise the presets read again after
        // an import (a new list) change its value, which fires this action and replaced the analyst's slices.
        presets.setOnAction(e -> {
            SlicePreset p = presets.getValue();
            if (p != null) {
                vm.usePreset(p);
                javafx.application.Platform.runLater(() -> presets.getSelectionModel().clearSelection());
            }
        });
        Button swap = new Button("⇅ Swap");
        swap.setTooltip(new Tooltip("Swap reference and current"));
        swap.setOnAction(e -> vm.swap());
        Button apply = new Button("Apply");
        apply.setId("slice-apply");
        apply.getStyleClass().add("accent");
        apply.setTooltip(new Tooltip("Apply both slices (Enter in a filter, Ctrl+Enter anywhere)"));
        apply.setOnAction(e -> vm.apply());
        actions = new HBox(6, new Label("Preset"), presets, swap, apply);
        actions.setAlignment(Pos.CENTER_RIGHT);
        actions.setPadding(new Insets(0, 8, 0, 8));

        Label problem = new Label();
        problem.setId("slice-problem");
        problem.getStyleClass().add("filter-error");
        problem.textProperty().bind(vm.problemProperty());
        problem.managedProperty().bind(problem.textProperty().isNotEmpty());
        problem.visibleProperty().bind(problem.textProperty().isNotEmpty());
        getChildren().addAll(grid, problem);
        setPadding(new Insets(6, 8, 6, 8));
    }

    private static void row(GridPane grid, int row, String title, SliceSide side, SliceBarViewModel vm, String id) {
        Label label = new Label(title);
        label.getStyleClass().add("text-bold");
        ComboBox<String> table = new ComboBox<>(vm.tables());
        table.setId(id + "-table");
        table.setMaxWidth(Double.MAX_VALUE);
        table.setMinWidth(Region.USE_PREF_SIZE); // a narrow window takes the width from the filter, not the name
        table.valueProperty().bindBidirectional(side.tableProperty());
        table.setOnAction(e -> {
            if (!side.composing()) {
                vm.apply();
            }
        });
        FilterField filter = new FilterField(side, vm::apply, id + "-filter");

        ComboBox<String> version = new ComboBox<>();
        version.setId(id + "-version");
        version.setPromptText("version");
        version.setTooltip(new Tooltip("Model version"));
        version.setPrefWidth(100);
        version.valueProperty().bindBidirectional(side.versionProperty());
        DatePicker from = datePicker(id + "-from", "from day");
        from.valueProperty().bindBidirectional(side.fromDayProperty());
        DatePicker to = datePicker(id + "-to", "to day");
        to.valueProperty().bindBidirectional(side.toDayProperty());
        ComboBox<String> column = new ComboBox<>();
        column.setId(id + "-category-column");
        column.setPromptText("column");
        column.setPrefWidth(115);
        column.valueProperty().bindBidirectional(side.categoryColumnProperty());
        CheckComboBox<String> values = new CheckComboBox<>();
        values.setId(id + "-category-values");
        values.setTitle("values");
        values.setPrefWidth(115);

        side.pickerValuesProperty().addListener((o, a, v) -> {
            version.getItems().setAll(v == null ? java.util.List.of() : prepend("", v.versions()));
            version.setDisable(v == null || v.versions().isEmpty());
            from.setDisable(v == null || v.firstDay() == null);
            to.setDisable(v == null || v.firstDay() == null);
            // The data's first and last day go in the tooltips: as prompt text they looked like days already chosen.
            from.setTooltip(dayTip("First day of the slice", v));
            to.setTooltip(dayTip("Last day of the slice", v));
            column.getItems().setAll(v == null ? java.util.List.of() : v.categories().keySet());
        });
        column.valueProperty().addListener((o, a, c) -> {
            values.getCheckModel().clearChecks();
            PickerValues v = side.pickerValuesProperty().get();
            values.getItems().setAll(v == null || c == null ? java.util.List.of()
                    : v.categories().getOrDefault(c, java.util.List.of()));
        });
        values.getCheckModel().getCheckedItems().addListener((ListChangeListener<String>) change -> {
            side.categoryValues().setAll(values.getCheckModel().getCheckedItems());
            pickerChanged(side, vm);
        });
        side.categoryValues().addListener((ListChangeListener<String>) change -> {
            if (side.categoryValues().isEmpty() && !values.getCheckModel().getCheckedItems().isEmpty()) {
                values.getCheckModel().clearChecks();
            }
        });
        version.setOnAction(e -> pickerChanged(side, vm));
        from.setOnAction(e -> pickerChanged(side, vm));
        to.setOnAction(e -> pickerChanged(side, vm));

        grid.add(label, 0, row);
        grid.add(table, 1, row);
        grid.add(filter, 2, row);
        grid.add(version, 3, row);
        grid.add(from, 4, row);
        grid.add(to, 5, row);
        grid.add(column, 6, row);
        grid.add(values, 7, row);
    }

    private static void pickerChanged(SliceSide side, SliceBarViewModel vm) {
        if (side.composing()) {
            return;
        }
        side.applyPickers();
        vm.apply();
    }

    private static Tooltip dayTip(String what, PickerValues v) {
        return new Tooltip(what + " (yyyy-mm-dd, or pick it from the calendar)"
                + (v == null || v.firstDay() == null ? "" : "; the table's days: " + v.firstDay() + " to " + v.lastDay()));
    }

    private static DatePicker datePicker(String id, String prompt) {
        DatePicker p = new DatePicker();
        p.setId(id);
        p.setPromptText(prompt);
        // days typed and shown as ISO, as the filter text writes them, whatever the machine's locale
        p.setConverter(new javafx.util.converter.LocalDateStringConverter(
                java.time.format.DateTimeFormatter.ISO_LOCAL_DATE, null));
        p.setPrefWidth(132);
        return p;
    }

    private static java.util.List<String> prepend(String first, java.util.List<String> rest) {
        java.util.List<String> all = new java.util.ArrayList<>();
        all.add(first);
        all.addAll(rest);
        return all;
    }

}
