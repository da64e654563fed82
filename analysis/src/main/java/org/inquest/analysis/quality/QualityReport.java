package org.inquest.analysis.quality;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * The data-quality comparison of two slices: the contract's {@code "quality"} section ({@code columns} and the
 * schema differences) plus slice descriptions, severities and the thresholds used.
 */
@JsonPropertyOrder({"reference", "current", "severity", "approximate", "columns", "schema", "thresholds", "notes"})
public record QualityReport(
        SliceSummary reference,
        SliceSummary current,
        Severity severity,
        boolean approximate,
        List<ColumnQuality> columns,
        SchemaDifferences schema,
        QualityThresholds thresholds,
        List<String> notes) {
    public QualityReport {
        columns = List.copyOf(columns);
        notes = List.copyOf(notes);
    }

    /** An exact (not approximate) report; the shape before {@code approximate} existed, kept for callers. */
    public QualityReport(SliceSummary reference, SliceSummary current, Severity severity, List<ColumnQuality> columns,
                         SchemaDifferences schema, QualityThresholds thresholds, List<String> notes) {
        this(reference, current, severity, false, columns, schema, thresholds, notes);
    }

    /** Which rows were compared. */
    public record SliceSummary(String table, String where, long rows) {
    }

    /** The column called {@code name}, if compared. */
    public java.util.Optional<ColumnQuality> column(String name) {
        return columns.stream().filter(c -> c.name().equals(name)).findFirst();
    }

    /** Columns at or above {@code level}. */
    public List<ColumnQuality> columnsAtLeast(Severity level) {
        return columns.stream().filter(c -> c.severity().compareTo(level) >= 0).toList();
    }

}
