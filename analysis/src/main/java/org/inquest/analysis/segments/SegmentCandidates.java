package org.inquest.analysis.segments;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import org.inquest.analysis.slice.Slice;
import org.inquest.analysis.sql.Queries;
import org.inquest.analysis.sql.SqlBuilder;
import org.inquest.connectors.catalog.ColumnInfo;
import org.inquest.connectors.catalog.ColumnRole;
import org.inquest.connectors.catalog.FeatureKind;
import org.inquest.connectors.workspace.Identifiers;

/**
 * The columns segments are cut from: categorical features and the model version present in both slices, with at
 * most {@value #MAX_VALUES} distinct values in each (an id-like column would give one segment per row).
 */
public final class SegmentCandidates {
    public static final int MAX_VALUES = 100;

    private final Connection connection;

    public SegmentCandidates(Connection connection) {
        this.connection = connection;
    }

    public List<String> find(Slice reference, Slice current) {
        return find(reference, current, java.util.Map.of());
    }

    /**
     * As {@link #find(Slice, Slice)}, with the largest per-slice distinct count of some columns already known
     * (the report's quality section counts them exactly); only the others are estimated.
     */
    public List<String> find(Slice reference, Slice current, java.util.Map<String, Long> knownDistinct) {
        List<String> columns = new ArrayList<>();
        for (ColumnInfo c : reference.table().columns()) {
            boolean categorical = c.role() == ColumnRole.MODEL_VERSION
                    || c.role() == ColumnRole.FEATURE && c.featureKind() == FeatureKind.CATEGORICAL;
            if (categorical && current.table().column(c.name()).isPresent()) {
                columns.add(c.name());
            }
        }
        List<String> unknown = columns.stream().filter(c -> !knownDistinct.containsKey(c)).toList();
        long[] ref = unknown.isEmpty() ? new long[0] : distinct(reference, unknown);
        long[] cur = unknown.isEmpty() ? new long[0] : distinct(current, unknown);
        List<String> kept = new ArrayList<>();
        for (String c : columns) {
            int i = unknown.indexOf(c);
            long most = i < 0 ? knownDistinct.get(c) : Math.max(ref[i], cur[i]);
            if (most <= MAX_VALUES) {
                kept.add(c);
            }
        }
        return kept;
    }

    private long[] distinct(Slice slice, List<String> columns) {
        SqlBuilder q = new SqlBuilder().sql("SELECT ");
        for (int i = 0; i < columns.size(); i++) {
            q.sql((i == 0 ? "" : ", ") + "approx_count_distinct(" + Identifiers.quote(columns.get(i)) + ")");
        }
        q.sql(" FROM " + slice.from() + " WHERE ").fragment(slice.condition());
        return Queries.one(connection, q.build(), rs -> {
            long[] counts = new long[columns.size()];
            for (int i = 0; i < counts.length; i++) {
                counts[i] = rs.getLong(i + 1);
            }
            return counts;
        }, "distinct values of " + slice.table().name());
    }
}
