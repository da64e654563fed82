package org.inquest.analysis.drift;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.inquest.analysis.drift.DriftResult.SchemaDifference;
import org.inquest.connectors.catalog.ColumnInfo;
import org.inquest.connectors.catalog.FeatureKind;
import org.inquest.connectors.catalog.TableInfo;
import org.inquest.connectors.error.UsageException;

/**
 * Which columns are compared: the columns with role {@code feature} present in both slices (or the ones named by
 * {@code --features}, which must exist in both), and the schema differences between the two tables.
 */
record FeatureSelection(List<DriftFeature> features, List<SchemaDifference> differences) {

    static FeatureSelection of(TableInfo reference, TableInfo current, List<String> requested) {
        List<SchemaDifference> differences = new ArrayList<>();
        // Two slices of one table have the same schema by construction.
        if (!reference.name().equals(current.name())) {
            for (ColumnInfo r : reference.columns()) {
                Optional<ColumnInfo> c = current.column(r.name());
                if (c.isEmpty()) {
                    differences.add(new SchemaDifference(r.name(), "missing_in_current", r.sqlType(), null));
                } else if (!c.get().sqlType().equals(r.sqlType())) {
                    differences.add(new SchemaDifference(r.name(), "type_changed", r.sqlType(), c.get().sqlType()));
                }
            }
            for (ColumnInfo c : current.columns()) {
                if (reference.column(c.name()).isEmpty()) {
                    differences.add(new SchemaDifference(c.name(), "missing_in_reference", null, c.sqlType()));
                }
            }
        }
        List<DriftFeature> features = new ArrayList<>();
        if (requested == null) {
            for (ColumnInfo r : reference.features()) {
                current.column(r.name()).filter(ColumnInfo::isFeature)
                        .ifPresent(c -> features.add(new DriftFeature(r.name(), kindOf(r, c))));
            }
        } else {
            for (String name : requested) {
                ColumnInfo r = reference.column(name).orElseThrow(() -> unknown(name, reference));
                ColumnInfo c = current.column(name).orElseThrow(() -> unknown(name, current));
                if (features.stream().noneMatch(f -> f.name().equals(name))) {
                    features.add(new DriftFeature(name, kindOf(r, c)));
                }
            }
        }
        return new FeatureSelection(features, differences);
    }

    /** The stored kind; numerical only when both sides are numeric and agree, else compared as categories. */
    private static FeatureKind kindOf(ColumnInfo reference, ColumnInfo current) {
        FeatureKind r = kind(reference);
        FeatureKind c = kind(current);
        return r == FeatureKind.NUMERICAL && c == FeatureKind.NUMERICAL ? FeatureKind.NUMERICAL : FeatureKind.CATEGORICAL;
    }

    private static FeatureKind kind(ColumnInfo column) {
        if (!column.isNumericType()) {
            return FeatureKind.CATEGORICAL;
        }
        return column.featureKind() != null ? column.featureKind() : FeatureKind.NUMERICAL;
    }

    private static UsageException unknown(String name, TableInfo table) {
        return new UsageException("unknown feature '" + name + "': table '" + table.name() + "' has no such column");
    }
}
