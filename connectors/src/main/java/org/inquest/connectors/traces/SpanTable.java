package org.inquest.connectors.traces;

import java.util.ArrayList;
import java.util.List;
import org.inquest.connectors.catalog.ColumnInfo;
import org.inquest.connectors.catalog.ColumnRole;
import org.inquest.connectors.catalog.FeatureKind;

/**
 * The schema of a spans table (kind {@code traces}), the same whichever format the spans came from. {@code start}
 * and {@code end} are TIMESTAMPs (microseconds) for filtering and joining with predictions; the exact nanosecond
 * bounds are kept in {@code start_unix_nano}/{@code end_unix_nano}, from which {@code duration_ms}, self time and
 * the critical path are computed. See ADR 0070.
 */
public final class SpanTable {
    public static final String KIND = "traces";

    /** Column name, DuckDB type, role, feature kind — in table order. */
    private static final Object[][] COLUMNS = {
        {"trace_id", "VARCHAR", ColumnRole.TRACE_ID, null},
        {"span_id", "VARCHAR", ColumnRole.ID, null},
        {"parent_span_id", "VARCHAR", ColumnRole.FEATURE, FeatureKind.CATEGORICAL},
        {"ref_type", "VARCHAR", ColumnRole.FEATURE, FeatureKind.CATEGORICAL},
        {"service", "VARCHAR", ColumnRole.FEATURE, FeatureKind.CATEGORICAL},
        {"name", "VARCHAR", ColumnRole.FEATURE, FeatureKind.CATEGORICAL},
        {"kind", "VARCHAR", ColumnRole.FEATURE, FeatureKind.CATEGORICAL},
        {"start", "TIMESTAMP", ColumnRole.TIMESTAMP, null},
        {"end", "TIMESTAMP", ColumnRole.FEATURE, FeatureKind.NUMERICAL},
        {"duration_ms", "DOUBLE", ColumnRole.LATENCY_MS, null},
        {"status", "INTEGER", ColumnRole.FEATURE, FeatureKind.CATEGORICAL},
        {"status_message", "VARCHAR", ColumnRole.FEATURE, FeatureKind.CATEGORICAL},
        {"attributes", "JSON", ColumnRole.FEATURE, FeatureKind.CATEGORICAL},
        {"events", "JSON", ColumnRole.FEATURE, FeatureKind.CATEGORICAL},
        {"resource", "JSON", ColumnRole.FEATURE, FeatureKind.CATEGORICAL},
        {"start_unix_nano", "BIGINT", ColumnRole.FEATURE, FeatureKind.NUMERICAL},
        {"end_unix_nano", "BIGINT", ColumnRole.FEATURE, FeatureKind.NUMERICAL},
        {"import_id", "BIGINT", ColumnRole.FEATURE, FeatureKind.CATEGORICAL},
    };

    private SpanTable() {
    }

    /** {@code CREATE TABLE IF NOT EXISTS} for a validated, quoted table reference. */
    public static String createSql(String quotedTable) {
        StringBuilder sql = new StringBuilder("CREATE TABLE IF NOT EXISTS ").append(quotedTable).append(" (");
        for (int i = 0; i < COLUMNS.length; i++) {
            sql.append(i == 0 ? "" : ", ").append('"').append(COLUMNS[i][0]).append("\" ").append(COLUMNS[i][1]);
        }
        return sql.append(')').toString();
    }

    public static List<String> columnNames() {
        List<String> names = new ArrayList<>();
        for (Object[] c : COLUMNS) {
            names.add((String) c[0]);
        }
        return names;
    }

    /** The columns with their roles, as stored in the catalog. */
    public static List<ColumnInfo> columns() {
        List<ColumnInfo> columns = new ArrayList<>();
        for (Object[] c : COLUMNS) {
            columns.add(new ColumnInfo((String) c[0], (String) c[1], (ColumnRole) c[2], (FeatureKind) c[3]));
        }
        return columns;
    }
}
