package org.inquest.app.ui.explorer;

import java.util.List;
import org.inquest.connectors.catalog.TableInfo;

/** One user table as the explorer shows it: its catalog entry, where it came from and what was set aside. */
public record TableSummary(TableInfo info, List<Lineage> lineage, long quarantined) {
    public TableSummary {
        lineage = List.copyOf(lineage);
    }

    public String name() {
        return info.name();
    }

    /** One imported file. */
    public record Lineage(String source, long sizeBytes, String sha256, String importedAt, String format,
            long rowsAccepted, long rowsQuarantined) {
    }
}
