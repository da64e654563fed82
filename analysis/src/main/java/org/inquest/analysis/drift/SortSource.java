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
 * Chooses, per numerical feature, whether the sorted merge sorts raw values or distinct values with counts
 * ({@link SortedMerge.Source}). It only affects speed, never the numbers: a column whose first
 * {@value #SAMPLE_ROWS} reference values hold at most {@value #GROUPED_BELOW} distinct values per value is
 * grouped first (integers, rounded amounts, codes), others (continuous measurements) are sorted as they are.
 */
final class SortSource {
    static final int SAMPLE_ROWS = 50_000;
    static final double GROUPED_BELOW = 0.9;

    private SortSource() {
    }

    static Map<String, SortedMerge.Source> choose(Connection connection, Slice reference, List<DriftFeature> features)
            throws SQLException {
        Map<String, SortedMerge.Source> sources = new LinkedHashMap<>();
        List<DriftFeature> numerical = features.stream().filter(DriftFeature::numerical).toList();
        if (numerical.isEmpty()) {
            return sources;
        }
        StringBuilder columns = new StringBuilder();
        StringBuilder counts = new StringBuilder("SELECT 0");
        for (DriftFeature f : numerical) {
            String c = Identifiers.quote(f.name());
            columns.append(columns.length() == 0 ? "" : ", ").append(c);
            counts.append(", count(").append(c).append("), count(DISTINCT ").append(c).append(')');
        }
        String sql = counts + " FROM (SELECT " + columns + " FROM " + reference.from() + " WHERE "
                + reference.condition().sql() + " LIMIT " + SAMPLE_ROWS + ")";
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            reference.condition().bind(ps, 1);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                int i = 2;
                for (DriftFeature f : numerical) {
                    long values = rs.getLong(i++);
                    long distinct = rs.getLong(i++);
                    sources.put(f.name(), values > 0 && distinct <= GROUPED_BELOW * values
                            ? SortedMerge.Source.GROUPED : SortedMerge.Source.RAW);
                }
            }
        }
        return sources;
    }
}
