package org.inquest.app.ui.slice;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.inquest.connectors.catalog.TableInfo;

/**
 * One side of the slice bar (reference or current): the table, the filter text and its check result, and the
 * quick pickers' state. Text is checked on every change. The pickers add their conditions to the text that was
 * there before them (typed, or set by a preset or a segment), so picking a value never throws that text away; editing
 * the text takes the pickers' conditions into it and clears the pickers.
 */
public final class SliceSide {
    private final String name;
    private final FilterChecker checker;
    private final Function<String, TableInfo> tables;
    private final StringProperty table = new SimpleStringProperty();
    private final StringProperty filter = new SimpleStringProperty("");
    private final ObjectProperty<FilterCheck> check = new SimpleObjectProperty<>(FilterCheck.ok(""));
    private final ObjectProperty<PickerValues> pickerValues = new SimpleObjectProperty<>();
    private final StringProperty version = new SimpleStringProperty();
    private final ObjectProperty<LocalDate> fromDay = new SimpleObjectProperty<>();
    private final ObjectProperty<LocalDate> toDay = new SimpleObjectProperty<>();
    private final StringProperty categoryColumn = new SimpleStringProperty();
    private final ObservableList<String> categoryValues = FXCollections.observableArrayList();
    private boolean composing;
    /** The filter text the pickers add their conditions to. */
    private String base = "";
    private boolean rewriting;
    private KeyLookups keys;

    SliceSide(String name, FilterChecker checker, Function<String, TableInfo> tables) {
        this.name = name;
        this.checker = checker;
        this.tables = tables;
        table.addListener((o, a, b) -> recheck());
        filter.addListener((o, a, b) -> {
            if (!rewriting && !composing) {
                typed(b);
            }
            recheck();
        });
    }

    /** The text was edited: it is the new base, and the pickers' conditions, now part of it, are cleared. */
    private void typed(String text) {
        base = text == null ? "" : text;
        composing = true;
        try {
            clearPickers();
        } finally {
            composing = false;
        }
    }

    private void clearPickers() {
        version.set(null);
        fromDay.set(null);
        toDay.set(null);
        categoryValues.clear();
    }

    public String name() {
        return name;
    }

    /** Re-checks the text against the current table (also after the workspace's tables were reloaded). */
    void recheck() {
        TableInfo info = table.get() == null ? null : tables.apply(table.get());
        if (info == null) {
            check.set(FilterCheck.fault(0, 1, table.get() == null ? "choose a table" : "unknown table " + table.get()));
            return;
        }
        String text = filter.get() == null ? "" : filter.get();
        check.set(text.isBlank() ? FilterCheck.ok("") : checker.check(text, info));
    }

    /** Rewrites the filter from the quick pickers' state. */
    public void applyPickers() {
        PickerValues v = pickerValues.get();
        if (v == null || composing) {
            return;
        }
        String text = "";
        if (version.get() != null && !version.get().isBlank() && v.versionColumn() != null) {
            text = FilterText.and(text, FilterText.equalsValue(v.versionColumn(), version.get()));
        }
        if (v.timestampColumn() != null && fromDay.get() != null) {
            text = FilterText.and(text, FilterText.from(v.timestampColumn(), fromDay.get()));
        }
        if (v.timestampColumn() != null && toDay.get() != null) {
            text = FilterText.and(text, FilterText.through(v.timestampColumn(), toDay.get()));
        }
        if (categoryColumn.get() != null && !categoryValues.isEmpty()) {
            text = FilterText.and(text, FilterText.in(categoryColumn.get(), new ArrayList<>(categoryValues)));
        }
        // an OR in the base must not capture the pickers' conditions
        String kept = !text.isEmpty() && base.toLowerCase(java.util.Locale.ROOT).matches("(?s).*\\bor\\b.*")
                ? "(" + base + ")" : base;
        rewriting = true;
        try {
            filter.set(FilterText.and(kept, text));
        } finally {
            rewriting = false;
        }
    }

    /** Sets table and text at once (presets, segments), clearing the pickers without rewriting the text. */
    public void set(String tableName, String where) {
        composing = true;
        try {
            clearPickers();
            table.set(tableName);
            base = where == null ? "" : where;
            filter.set(base);
        } finally {
            composing = false;
        }
        recheck();
    }

    public List<String> knownValues(String column) {
        PickerValues v = pickerValues.get();
        return v == null ? List.of() : v.categories().getOrDefault(column, List.of());
    }

    public FilterChecker.CompletionProposal complete(int caret) {
        return complete(caret, () -> { });
    }

    /**
     * Completion at {@code caret}; keys or key values of a JSON column not read yet are asked for in the
     * background, and {@code whenLoaded} runs when they arrive.
     */
    public FilterChecker.CompletionProposal complete(int caret, Runnable whenLoaded) {
        TableInfo info = table.get() == null ? null : tables.apply(table.get());
        if (info == null) {
            return FilterChecker.CompletionProposal.NONE;
        }
        return checker.complete(filter.get() == null ? "" : filter.get(), caret, info,
                FilterAssist.lookups(info, this::knownValues, keys, whenLoaded));
    }

    /** Where keys of JSON columns come from (the slice bar's, shared by both sides). */
    void keyLookups(KeyLookups lookups) {
        this.keys = lookups;
    }

    public StringProperty tableProperty() {
        return table;
    }

    public StringProperty filterProperty() {
        return filter;
    }

    public ObjectProperty<FilterCheck> checkProperty() {
        return check;
    }

    public ObjectProperty<PickerValues> pickerValuesProperty() {
        return pickerValues;
    }

    public StringProperty versionProperty() {
        return version;
    }

    public ObjectProperty<LocalDate> fromDayProperty() {
        return fromDay;
    }

    public ObjectProperty<LocalDate> toDayProperty() {
        return toDay;
    }

    public StringProperty categoryColumnProperty() {
        return categoryColumn;
    }

    public ObservableList<String> categoryValues() {
        return categoryValues;
    }

    boolean composing() {
        return composing;
    }
}
