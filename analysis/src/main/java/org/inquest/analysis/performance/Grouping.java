package org.inquest.analysis.performance;

import org.inquest.connectors.workspace.Identifiers;

/**
 * How rows are split into groups inside one aggregate query: not at all ({@link #NONE}, one group with the empty
 * key) or by the text value of a column (per model version, per segment, per sensitive group). The key expression
 * is built from a quoted identifier only. Null values form their own group, {@value #NULL_KEY}.
 */
public record Grouping(String keySql, String column) {
    public static final String NULL_KEY = "(null)";
    public static final Grouping NONE = new Grouping("''", null);

    public static Grouping byColumn(String column) {
        return new Grouping("COALESCE(CAST(" + Identifiers.quote(column) + " AS VARCHAR), '" + NULL_KEY + "')",
                column);
    }

    public boolean isNone() {
        return column == null;
    }
}
