package org.inquest.analysis.performance;

import org.inquest.connectors.catalog.ColumnInfo;
import org.inquest.connectors.catalog.SqlTypes;
import org.inquest.connectors.workspace.Identifiers;

/** A class column as text, so labels and predictions of different numeric types compare equal (1 = 1.0). */
final class ClassLabels {
    private ClassLabels() {
    }

    static String asText(ColumnInfo column) {
        String c = Identifiers.quote(column.name());
        if (column.isNumericType()) {
            // Integral values print without a fraction; anything else keeps its decimal text.
            return "CASE WHEN CAST(" + c + " AS DOUBLE) = round(CAST(" + c + " AS DOUBLE))"
                    + " THEN CAST(CAST(" + c + " AS BIGINT) AS VARCHAR) ELSE CAST(" + c + " AS VARCHAR) END";
        }
        if (SqlTypes.isBoolean(column.sqlType())) {
            return "CAST(CAST(" + c + " AS INTEGER) AS VARCHAR)";
        }
        return "CAST(" + c + " AS VARCHAR)";
    }
}
