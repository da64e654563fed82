package org.inquest.analysis.latency;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.inquest.connectors.catalog.ColumnInfo;
import org.inquest.connectors.catalog.SqlTypes;
import org.inquest.connectors.catalog.TableInfo;
import org.inquest.connectors.workspace.Identifiers;

/**
 * Finds the column that says whether a request failed, by name, and turns it into a 0/1 SQL expression:
 * {@code error}, {@code is_error}, {@code failed} (boolean, 0/1 or text true/yes/1/error), or {@code status},
 * {@code status_code}, {@code http_status} (numeric: ≥ 500 is an error; text: error/failed/fail/failure/timeout).
 */
public record ErrorColumn(String name, String flagSql) {
    private static final List<String> FLAG_NAMES = List.of("error", "is_error", "failed");
    private static final List<String> STATUS_NAMES = List.of("status", "status_code", "http_status");

    public static Optional<ErrorColumn> find(TableInfo table) {
        for (ColumnInfo column : table.columns()) {
            String name = column.name().toLowerCase(Locale.ROOT);
            String c = Identifiers.quote(column.name());
            if (FLAG_NAMES.contains(name)) {
                String flag = SqlTypes.isText(column.sqlType())
                        ? "CASE WHEN " + c + " IS NULL THEN NULL WHEN lower(trim(" + c + ")) IN ('true', 'yes', '1',"
                        + " 'error') THEN 1 ELSE 0 END"
                        : "CASE WHEN " + c + " IS NULL THEN NULL WHEN CAST(" + c + " AS DOUBLE) <> 0 THEN 1 ELSE 0 END";
                return Optional.of(new ErrorColumn(column.name(), flag));
            }
            if (STATUS_NAMES.contains(name)) {
                String flag = column.isNumericType()
                        ? "CASE WHEN " + c + " IS NULL THEN NULL WHEN " + c + " >= 500 THEN 1 ELSE 0 END"
                        : "CASE WHEN " + c + " IS NULL THEN NULL WHEN lower(trim(" + c + ")) IN ('error', 'failed',"
                        + " 'fail', 'failure', 'timeout') THEN 1 ELSE 0 END";
                return Optional.of(new ErrorColumn(column.name(), flag));
            }
        }
        return Optional.empty();
    }
}
