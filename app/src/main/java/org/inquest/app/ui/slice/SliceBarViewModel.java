package org.inquest.app.ui.slice;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.inquest.app.ui.task.LatestOnly;
import org.inquest.app.ui.task.TaskRunner;
import org.inquest.connectors.catalog.Catalog;
import org.inquest.connectors.catalog.TableInfo;

/**
 * The slice bar: reference and current sides, the presets, and the applied pair. {@link #apply()} publishes the
 * pair only when both filters check; an invalid filter is never sent to the engine.
 */
public final class SliceBarViewModel {
    private final Map<String, TableInfo> tableInfos = new LinkedHashMap<>();
    private final ObservableList<String> tables = FXCollections.observableArrayList();
    private final ObservableList<SlicePreset> presets = FXCollections.observableArrayList();
    private final SliceSide reference;
    private final SliceSide current;
    private final ObjectProperty<SliceSpec> applied = new SimpleObjectProperty<>();
    private final StringProperty problem = new SimpleStringProperty("");
    private final PresetService presetService = new PresetService();
    private final PickerService pickerService = new PickerService();
    private final LatestOnly loading = new LatestOnly();
    private final LatestOnly refPickers = new LatestOnly();
    private final LatestOnly curPickers = new LatestOnly();
    private TaskRunner runner;
    /** Keys of JSON columns (a JSON Lines file's nested objects) for completion, shared by both sides. */
    private final KeyLookups keys = new KeyLookups(() -> runner);

    public SliceBarViewModel(FilterChecker checker) {
        reference = new SliceSide("reference", checker, tableInfos::get);
        current = new SliceSide("current", checker, tableInfos::get);
        reference.keyLookups(keys);
        current.keyLookups(keys);
        reference.tableProperty().addListener((o, a, b) -> loadPickers(reference, refPickers));
        current.tableProperty().addListener((o, a, b) -> loadPickers(current, curPickers));
    }

    /** Reads tables and presets of a newly opened workspace and applies the first preset. */
    public void attach(TaskRunner runner) {
        this.runner = runner;
        applied.set(null);
        reload(true);
    }

    /** Re-reads the tables (after an import); keeps the slices unless {@code applyDefault}. */
    public void reload(boolean applyDefault) {
        if (runner == null) {
            return;
        }
        loading.submit(runner, "Reading tables and presets", ctx -> {
            List<TableInfo> infos = new Catalog(ctx.connection()).tables();
            return new Loaded(infos, presetService.presets(ctx.connection()));
        }, loaded -> {
            keys.clear();
            tableInfos.clear();
            for (TableInfo t : loaded.tables()) {
                if (!"traces".equals(t.kind())) {
                    tableInfos.put(t.name(), t);
                }
            }
            updateTables(List.copyOf(tableInfos.keySet()));
            presets.setAll(loaded.presets());
            reference.recheck();
            current.recheck();
            if (applyDefault && !presets.isEmpty()) {
                usePreset(presets.get(0));
            }
        }, e -> problem.set(org.inquest.app.ui.task.Errors.oneLine(e)));
    }

    /**
     * Adds and removes names in place: replacing every item (setAll) made each table picker drop its value, so
     * after an import both slices read "choose a table".
     */
    private void updateTables(List<String> names) {
        tables.removeIf(t -> !names.contains(t));
        for (int i = 0; i < names.size(); i++) {
            if (i >= tables.size() || !tables.get(i).equals(names.get(i))) {
                tables.add(i, names.get(i));
            }
        }
        if (!tables.equals(names)) { // the catalog's order changed: nothing left to keep in place
            tables.setAll(names);
        }
    }

    private record Loaded(List<TableInfo> tables, List<SlicePreset> presets) {
    }

    private void loadPickers(SliceSide side, LatestOnly latest) {
        String table = side.tableProperty().get();
        TableInfo info = table == null ? null : tableInfos.get(table);
        if (runner == null || info == null) {
            side.pickerValuesProperty().set(null);
            return;
        }
        PickerValues existing = side.pickerValuesProperty().get();
        if (existing != null && existing.table().equals(table)) {
            return;
        }
        latest.submit(runner, "Reading values of " + table, ctx -> pickerService.values(ctx.connection(), info),
                side.pickerValuesProperty()::set, e -> side.pickerValuesProperty().set(PickerValues.empty(table)));
    }

    public void usePreset(SlicePreset preset) {
        reference.set(preset.spec().referenceTable(), preset.spec().referenceWhere());
        current.set(preset.spec().currentTable(), preset.spec().currentWhere());
        apply();
    }

    /** Publishes the pair when both sides check; otherwise says which side is wrong and publishes nothing. */
    public boolean apply() {
        for (SliceSide side : List.of(reference, current)) {
            side.recheck();
            FilterCheck c = side.checkProperty().get();
            if (!c.valid()) {
                problem.set(side.name() + ": " + c.message());
                return false;
            }
        }
        problem.set("");
        applied.set(new SliceSpec(reference.tableProperty().get(), reference.filterProperty().get(),
                current.tableProperty().get(), current.filterProperty().get()));
        return true;
    }

    /** Narrows the current slice with one more condition and applies it. */
    public void narrowCurrent(String condition) {
        narrow(current, condition);
        apply();
    }

    /**
     * Narrows both slices to a segment (a row double-clicked in the segments tab) so they compare that segment
     * before and after; a side whose table lacks the segment's columns is left as it was.
     */
    public void narrowBoth(String condition) {
        narrow(current, condition);
        String before = reference.filterProperty().get();
        narrow(reference, condition);
        if (!reference.checkProperty().get().valid()) {
            reference.filterProperty().set(before);
        }
        apply();
    }

    private static void narrow(SliceSide side, String condition) {
        String text = side.filterProperty().get();
        side.filterProperty().set(text == null || text.isBlank() ? condition : "(" + text + ") AND " + condition);
    }

    /** Swaps reference and current. */
    public void swap() {
        String rt = reference.tableProperty().get();
        String rw = reference.filterProperty().get();
        reference.set(current.tableProperty().get(), current.filterProperty().get());
        current.set(rt, rw);
        apply();
    }

    public TableInfo table(String name) {
        return tableInfos.get(name);
    }

    public SliceSide reference() {
        return reference;
    }

    public SliceSide current() {
        return current;
    }

    public ObservableList<String> tables() {
        return tables;
    }

    public ObservableList<SlicePreset> presets() {
        return presets;
    }

    public ObjectProperty<SliceSpec> appliedProperty() {
        return applied;
    }

    public StringProperty problemProperty() {
        return problem;
    }
}
