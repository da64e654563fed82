package org.inquest.analysis.drift;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.inquest.analysis.slice.Slice;
import org.inquest.connectors.workspace.Identifiers;

/**
 * One aggregate scan of a slice for every feature at once: the slice's rows, and per feature the non-null count
 * and, for numerical features, the population standard deviation (ddof 0) that normalises the Wasserstein
 * distance.
 */
record SliceProfile(long rows, Map<String, Long> values, Map<String, Double> std) {

    static SliceProfile scan(Connection connection, Slice slice, List<DriftFeature> features) throws SQLException {
        StringBuilder sql = new StringBuilder("SELECT count(*)");
        for (DriftFeature f : features) {
            String column = Identifiers.quote(f.name());
            sql.append(", count(").append(column).append(')');
            if (f.numerical()) {
                sql.append(", stddev_pop(CAST(").append(column).append(" AS DOUBLE))");
            }
        }
        sql.append(" FROM ").append(slice.from()).append(" WHERE ").append(slice.condition().sql());
        try (PreparedStatement ps = connection.prepareStatement(sql.toString())) {
            slice.condition().bind(ps, 1);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                long rows = rs.getLong(1);
                Map<String, Long> values = new LinkedHashMap<>();
                Map<String, Double> std = new LinkedHashMap<>();
                int i = 2;
                for (DriftFeature f : features) {
                    values.put(f.name(), rs.getLong(i++));
                    if (f.numerical()) {
                        double s = rs.getDouble(i++);
                        std.put(f.name(), rs.wasNull() ? null : s);
                    }
                }
                return new SliceProfile(rows, values, std);
            }
        }
    }
}
