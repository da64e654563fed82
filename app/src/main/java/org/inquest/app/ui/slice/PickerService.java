package org.inquest.app.ui.slice;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.inquest.connectors.catalog.ColumnInfo;
import org.inquest.connectors.catalog.ColumnRole;
import org.inquest.connectors.catalog.FeatureKind;
import org.inquest.connectors.catalog.TableInfo;
import org.inquest.connectors.workspace.Identifiers;

/** Reads the values the quick pickers and value completion offer (one aggregate query per column, off the FX thread). */
public final class PickerService {
    /** Values offered per categorical column, most frequent first. */
    static final int MAX_VALUES = 50;

    public PickerValues values(Connection c, TableInfo table) throws SQLException {
        String from = Identifiers.userTable(table.name());
        String versionColumn = table.columnWithRole(ColumnRole.MODEL_VERSION).map(ColumnInfo::name).orElse(null);
        List<String> versions = versionColumn == null ? List.of() : topValues(c, from, versionColumn);
        String ts = table.columnWithRole(ColumnRole.TIMESTAMP).map(ColumnInfo::name).orElse(null);
        LocalDate first = null;
        LocalDate last = null;
        if (ts != null) {
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT CAST(min("
                    + Identifiers.quote(ts) + ") AS DATE), CAST(max(" + Identifiers.quote(ts) + ") AS DATE) FROM "
                    + from)) {
                if (rs.next() && rs.getObject(1) != null) {
                    first = rs.getObject(1, LocalDate.class);
                    last = rs.getObject(2, LocalDate.class);
                }
            }
        }
        Map<String, List<String>> categories = new LinkedHashMap<>();
        for (ColumnInfo col : table.columns()) {
            boolean categorical = col.featureKind() == FeatureKind.CATEGORICAL || col.role() == ColumnRole.MODEL_VERSION
                    || (col.role() == ColumnRole.FEATURE && !col.isNumericType());
            if (categorical) {
                categories.put(col.name(), topValues(c, from, col.name()));
            }
        }
        return new PickerValues(table.name(), versionColumn, versions, ts, first, last, categories);
    }

    private static List<String> topValues(Connection c, String from, String column) throws SQLException {
        String q = Identifiers.quote(column);
        List<String> out = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT CAST(" + q + " AS VARCHAR) AS v"
                + " FROM " + from + " WHERE " + q + " IS NOT NULL GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT "
                + MAX_VALUES)) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        out.sort(null);
        return out;
    }
}
