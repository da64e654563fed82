package org.inquest.analysis.quality;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;
import org.inquest.analysis.filter.ValueType;
import org.inquest.connectors.catalog.ColumnInfo;
import org.inquest.connectors.catalog.ColumnRole;
import org.inquest.connectors.catalog.FeatureKind;

/** How a column is profiled, from its role, feature kind and type. */
enum ColumnKind {
    NUMERICAL, CATEGORICAL, TEMPORAL, IDENTIFIER, OTHER;

    @JsonValue
    String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    static ColumnKind of(ColumnInfo column) {
        ValueType type = ValueType.ofSqlType(column.sqlType());
        if (column.role() == ColumnRole.ID || column.role() == ColumnRole.TRACE_ID) {
            return IDENTIFIER;
        }
        if (type == ValueType.TIMESTAMP) {
            return TEMPORAL;
        }
        if (type == ValueType.OTHER) {
            return OTHER;
        }
        if (type == ValueType.NUMBER) {
            if (column.featureKind() == FeatureKind.CATEGORICAL) {
                return CATEGORICAL;
            }
            if (column.featureKind() == null && (column.role() == ColumnRole.LABEL
                    || column.role() == ColumnRole.PREDICTION || column.role() == ColumnRole.MODEL_VERSION)) {
                return CATEGORICAL;
            }
            return NUMERICAL;
        }
        return CATEGORICAL;
    }

    /** Whether categories (top values, new categories) are counted. */
    boolean hasCategories() {
        return this == CATEGORICAL;
    }
}
