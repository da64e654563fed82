package org.inquest.app.ui.slice;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * What the quick pickers offer for one table: the model versions, the day range of the timestamp column, and the
 * most frequent values of each categorical column (for the CheckComboBox and value completion).
 */
public record PickerValues(String table, String versionColumn, List<String> versions, String timestampColumn,
        LocalDate firstDay, LocalDate lastDay, Map<String, List<String>> categories) {
    public static PickerValues empty(String table) {
        return new PickerValues(table, null, List.of(), null, null, null, Map.of());
    }
}
