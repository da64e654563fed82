package org.inquest.app.ui.request;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * How a request view is asked for: a prediction's id (its {@code id} role column), or a trace id (the prediction
 * whose {@code trace_id} column names it). {@code table} is the predictions table when the caller knows it, else
 * null (the view tries the slice's table first, then every table with the needed column role).
 */
public record RequestKey(Kind kind, String value, String table) {
    public enum Kind {
        ID, TRACE
    }

    /** Result-column names that hold a trace id, and those that hold a prediction id (the contract's role names). */
    static final Set<String> TRACE_COLUMNS = Set.of("trace_id", "traceid");
    static final Set<String> ID_COLUMNS = Set.of("id", "request_id", "prediction_id", "event_id");

    public static RequestKey id(String table, Object id) {
        return new RequestKey(Kind.ID, String.valueOf(id), table);
    }

    public static RequestKey trace(String traceId) {
        return new RequestKey(Kind.TRACE, traceId, null);
    }

    /**
     * The request a result row points at: its trace id when it has a non-null {@code trace_id} column (that link
     * holds whatever table the row came from), else its id column. Empty when the row has neither.
     */
    public static Optional<RequestKey> fromRow(List<String> columns, List<Object> row) {
        if (row == null) {
            return Optional.empty();
        }
        for (int i = 0; i < columns.size() && i < row.size(); i++) {
            if (TRACE_COLUMNS.contains(columns.get(i).toLowerCase(Locale.ROOT)) && row.get(i) != null) {
                return Optional.of(trace(row.get(i).toString()));
            }
        }
        for (int i = 0; i < columns.size() && i < row.size(); i++) {
            if (ID_COLUMNS.contains(columns.get(i).toLowerCase(Locale.ROOT)) && row.get(i) != null) {
                return Optional.of(id(null, row.get(i)));
            }
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return (kind == Kind.ID ? "prediction " : "trace ") + value;
    }
}
