package org.inquest.connectors.catalog;

import java.util.List;
import java.util.Optional;

/** A user table with its kind (predictions, snapshot, traces) and its columns in table order. */
public record TableInfo(String name, String kind, long rows, List<ColumnInfo> columns) {
    public TableInfo {
        columns = List.copyOf(columns);
    }

    public Optional<ColumnInfo> column(String columnName) {
        return columns.stream().filter(c -> c.name().equals(columnName)).findFirst();
    }

    /** The first column holding {@code role}, if any. */
    public Optional<ColumnInfo> columnWithRole(ColumnRole role) {
        return columns.stream().filter(c -> c.role() == role).findFirst();
    }

    public List<ColumnInfo> features() {
        return columns.stream().filter(ColumnInfo::isFeature).toList();
    }
}
