package org.inquest.analysis.slice;

import org.inquest.connectors.catalog.TableInfo;
import org.inquest.connectors.workspace.Identifiers;

/**
 * A table plus an optional filter: the unit every comparison works on. {@code where} is the filter's canonical
 * text for display and reports (null when there is no filter); {@code condition} is its compiled, parameterised
 * form.
 */
public record Slice(TableInfo table, String where, SqlFragment condition) {
    public static Slice whole(TableInfo table) {
        return new Slice(table, null, SqlFragment.TRUE);
    }

    /** The quoted table reference to put after FROM. */
    public String from() {
        return Identifiers.userTable(table.name());
    }

    /** The same table with an extra condition (e.g. a time window); the display text is kept. */
    public Slice restrictedTo(SqlFragment extra, String extraText) {
        String text = where == null ? extraText : extraText == null ? where : "(" + where + ") AND (" + extraText + ")";
        return new Slice(table, text, condition.and(extra));
    }
}
