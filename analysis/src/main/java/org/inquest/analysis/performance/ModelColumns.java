package org.inquest.analysis.performance;

import java.util.Optional;
import org.inquest.connectors.catalog.ColumnInfo;
import org.inquest.connectors.catalog.ColumnRole;
import org.inquest.connectors.catalog.TableInfo;

/**
 * The columns of a predictions table that model-quality metrics read, found by their roles. Any of them may be
 * absent (a snapshot has no label; a log without ground truth has no label yet), so each is optional.
 */
public record ModelColumns(Optional<ColumnInfo> label, Optional<ColumnInfo> score, Optional<ColumnInfo> prediction,
                           Optional<ColumnInfo> modelVersion, Optional<ColumnInfo> latency,
                           Optional<ColumnInfo> timestamp) {
    public static ModelColumns of(TableInfo table) {
        return new ModelColumns(table.columnWithRole(ColumnRole.LABEL), table.columnWithRole(ColumnRole.SCORE),
                table.columnWithRole(ColumnRole.PREDICTION), table.columnWithRole(ColumnRole.MODEL_VERSION),
                table.columnWithRole(ColumnRole.LATENCY_MS), table.columnWithRole(ColumnRole.TIMESTAMP));
    }
}
