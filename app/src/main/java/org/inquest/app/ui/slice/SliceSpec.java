package org.inquest.app.ui.slice;

/** What the slice bar asks for: reference and current, each a table and filter text (blank = whole table). */
public record SliceSpec(String referenceTable, String referenceWhere, String currentTable, String currentWhere) {
    public SliceSpec {
        referenceWhere = referenceWhere == null ? "" : referenceWhere.strip();
        currentWhere = currentWhere == null ? "" : currentWhere.strip();
    }
}
