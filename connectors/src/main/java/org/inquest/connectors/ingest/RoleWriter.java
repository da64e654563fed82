package org.inquest.connectors.ingest;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.inquest.connectors.catalog.ColumnInfo;
import org.inquest.connectors.catalog.ColumnRole;
import org.inquest.connectors.catalog.FeatureKind;
import org.inquest.connectors.catalog.TableInfo;
import org.inquest.connectors.workspace.Identifiers;

/**
 * Stores the table's roles after an import, with each feature's kind decided over the whole table: numerical when
 * numeric with more than two distinct values, categorical otherwise (text, booleans, dates, 0/1 flags). The
 * distinct test is exact and takes two scans of the numeric features at most: min and max of each, then whether
 * any value lies strictly between them.
 */
final class RoleWriter {
    private final ImportSession session;

    RoleWriter(ImportSession session) {
        this.session = session;
    }

    void save(Map<String, ColumnRole> roles) throws SQLException {
        TableInfo table = session.catalog().table(session.table());
        List<ColumnInfo> numericFeatures = new ArrayList<>();
        for (ColumnInfo c : table.columns()) {
            if (roles.getOrDefault(c.name(), ColumnRole.FEATURE) == ColumnRole.FEATURE && c.isNumericType()) {
                numericFeatures.add(c);
            }
        }
        boolean[] moreThanTwo = moreThanTwoValues(table.name(), numericFeatures);
        List<ColumnInfo> columns = new ArrayList<>();
        for (ColumnInfo c : table.columns()) {
            ColumnRole role = roles.getOrDefault(c.name(), ColumnRole.FEATURE);
            FeatureKind kind = null;
            if (role == ColumnRole.FEATURE) {
                int i = numericFeatures.indexOf(c);
                kind = i >= 0 && moreThanTwo[i] ? FeatureKind.NUMERICAL : FeatureKind.CATEGORICAL;
            } else if (role == ColumnRole.MODEL_VERSION) {
                kind = FeatureKind.CATEGORICAL;
            }
            columns.add(new ColumnInfo(c.name(), c.sqlType(), role, kind));
        }
        session.catalog().saveTable(table.name(), session.kind().wireName(), columns);
    }

    private boolean[] moreThanTwoValues(String tableName, List<ColumnInfo> columns) throws SQLException {
        boolean[] result = new boolean[columns.size()];
        if (columns.isEmpty()) {
            return result;
        }
        StringBuilder bounds = new StringBuilder("SELECT ");
        StringBuilder between = new StringBuilder("SELECT ");
        for (int i = 0; i < columns.size(); i++) {
            String q = Identifiers.quote(columns.get(i).name());
            String sep = i == 0 ? "" : ", ";
            bounds.append(sep).append("min(").append(q).append(") AS lo_").append(i)
                    .append(", max(").append(q).append(") AS hi_").append(i);
            between.append(sep).append("coalesce(bool_or(t.").append(q).append(" > m.lo_").append(i)
                    .append(" AND t.").append(q).append(" < m.hi_").append(i).append("), false)");
        }
        String table = Identifiers.userTable(tableName);
        Object[] any = session.sql().rows(between + " FROM " + table + " AS t, (" + bounds + " FROM " + table
                + ") AS m").get(0);
        for (int i = 0; i < columns.size(); i++) {
            result[i] = Boolean.TRUE.equals(any[i]);
        }
        return result;
    }
}
