package org.inquest.analysis.traces;

import java.util.List;
import java.util.Locale;
import org.inquest.connectors.catalog.Catalog;
import org.inquest.connectors.catalog.TableInfo;
import org.inquest.connectors.error.UsageException;
import java.sql.Connection;

/** Checks that a table named by the user is a spans table Inquest can analyse. */
final class SpanTables {
    private static final List<String> REQUIRED = List.of("trace_id", "span_id", "parent_span_id", "service", "name",
            "status", "start_unix_nano", "end_unix_nano");

    private SpanTables() {
    }

    static TableInfo require(Connection connection, String table) {
        TableInfo info = new Catalog(connection).table(table);
        for (String column : REQUIRED) {
            if (info.column(column).isEmpty()) {
                throw new UsageException("table '" + table + "' is not a spans table (no column '" + column
                        + "'); import traces with: inquest import --kind traces");
            }
        }
        return info;
    }

    static String normalizeTraceId(String traceId) {
        return traceId.trim().toLowerCase(Locale.ROOT);
    }
}
