package org.inquest.connectors.ingest;

import java.util.Locale;
import org.inquest.connectors.catalog.ColumnRole;
import org.inquest.connectors.catalog.SqlTypes;
import org.inquest.connectors.workspace.Identifiers;

/**
 * How one source column lands in the table: its name there, its role, the type it is stored as, and the SQL that
 * converts and validates it. {@code tableType} is the type the table already has for it (null for a new column).
 */
record ColumnPlan(String source, String target, String sourceType, ColumnRole role, boolean probabilities,
                  String tableType) {

    String ref() {
        return "src." + Identifiers.quote(source);
    }

    private boolean text() {
        return SqlTypes.isText(sourceType);
    }

    /** The type this file's values are converted to before they meet the table. */
    String storedType() {
        if (text() && role == ColumnRole.SCORE) {
            return "DOUBLE";
        }
        if (text() && role == ColumnRole.LABEL && probabilities) {
            return "INTEGER";
        }
        if (text() && role == ColumnRole.TIMESTAMP) {
            return "TIMESTAMP";
        }
        return sourceType;
    }

    /** The select expression producing the stored value (cast to the table's type when it already has one). */
    String expression() {
        String x = ref();
        String converted;
        if (text() && role == ColumnRole.SCORE) {
            converted = "TRY_CAST(" + x + " AS DOUBLE)";
        } else if (text() && role == ColumnRole.LABEL && probabilities) {
            converted = "CAST(CASE lower(trim(" + x + ")) WHEN '1' THEN 1 WHEN 'true' THEN 1 WHEN '0' THEN 0"
                    + " WHEN 'false' THEN 0 END AS INTEGER)";
        } else if (text() && role == ColumnRole.TIMESTAMP) {
            converted = "TRY_CAST(" + x + " AS TIMESTAMP)";
        } else {
            converted = x;
        }
        if (tableType != null && !tableType.equalsIgnoreCase(storedType())) {
            return "CAST(" + converted + " AS " + tableType + ")";
        }
        return converted;
    }

    /** A check of this column: an SQL condition true for a bad value, and an SQL expression saying why. */
    record Check(String column, String bad, String reason) {
    }

    /** The quarantine checks for this column, per the contract (none for most columns). */
    java.util.List<Check> checks() {
        String x = ref();
        java.util.List<Check> checks = new java.util.ArrayList<>();
        if (role == ColumnRole.SCORE) {
            if (text()) {
                String d = "TRY_CAST(" + x + " AS DOUBLE)";
                checks.add(new Check(target, x + " IS NOT NULL AND " + d + " IS NULL",
                        "'score ''' || " + x + " || ''' is not a number'"));
                checks.add(new Check(target, d + " < 0 OR " + d + " > 1 OR isnan(" + d + ")",
                        "'score ' || " + x + " || ' is outside [0, 1]'"));
            } else if (SqlTypes.isNumeric(sourceType)) {
                String t = sourceType.toUpperCase(Locale.ROOT);
                String nan = t.equals("DOUBLE") || t.equals("FLOAT") || t.equals("REAL") ? " OR isnan(" + x + ")" : "";
                checks.add(new Check(target, x + " < 0 OR " + x + " > 1" + nan,
                        "'score ' || CAST(" + x + " AS VARCHAR) || ' is outside [0, 1]'"));
            }
        } else if (role == ColumnRole.LABEL && probabilities) {
            if (text()) {
                checks.add(new Check(target, x + " IS NOT NULL AND lower(trim(" + x + ")) NOT IN ('0', '1', 'true',"
                        + " 'false')", "'label ''' || " + x + " || ''' is not 0/1 or true/false'"));
            } else if (SqlTypes.isNumeric(sourceType)) {
                checks.add(new Check(target, x + " NOT IN (0, 1)",
                        "'label ' || CAST(" + x + " AS VARCHAR) || ' is not 0 or 1'"));
            }
        } else if (role == ColumnRole.TIMESTAMP && text()) {
            checks.add(new Check(target, x + " IS NOT NULL AND TRY_CAST(" + x + " AS TIMESTAMP) IS NULL",
                    "'timestamp ''' || " + x + " || ''' is not a valid timestamp'"));
        }
        return checks;
    }
}
