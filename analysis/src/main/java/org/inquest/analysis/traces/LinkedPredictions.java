package org.inquest.analysis.traces;

import org.inquest.analysis.slice.Slice;
import org.inquest.analysis.slice.SqlFragment;
import org.inquest.connectors.catalog.ColumnInfo;
import org.inquest.connectors.catalog.ColumnRole;
import org.inquest.connectors.catalog.TableInfo;
import org.inquest.connectors.error.UsageException;
import org.inquest.connectors.workspace.Identifiers;

/** The link between a predictions table and a spans table: the predictions' {@code trace_id} role column. */
public final class LinkedPredictions {
    private LinkedPredictions() {
    }

    /** The predictions table's column holding the trace id, or exit 2 naming the table when it has none. */
    public static ColumnInfo traceIdColumn(Slice predictions) {
        return traceIdColumn(predictions.table());
    }

    /** The table's column holding the trace id, or exit 2 naming the table when it has none. */
    public static ColumnInfo traceIdColumn(TableInfo predictions) {
        return predictions.columnWithRole(ColumnRole.TRACE_ID).orElseThrow(() -> new UsageException(
                "table '" + predictions.name() + "' has no column with the trace_id role"
                        + " (import it with --role trace_id=COLUMN)"));
    }

    /**
     * SQL of a prediction row's trace key, comparable with a span's {@code trace_id}: the trace id column as
     * lower-case text (the importers store span trace ids as lower-case hex). Every join between predictions and
     * spans goes through this one expression.
     */
    public static String traceKey(ColumnInfo traceIdColumn) {
        return "lower(CAST(" + Identifiers.quote(traceIdColumn.name()) + " AS VARCHAR))";
    }

    /** A condition on a spans table: the span's trace is linked to a row of the predictions slice. */
    public static SqlFragment traceCondition(Slice predictions) {
        SqlFragment where = predictions.condition();
        return new SqlFragment("trace_id IN (SELECT " + traceKey(traceIdColumn(predictions)) + " FROM " + predictions.from()
                + " WHERE " + where.sql() + ")", where.parameters());
    }
}
