package org.inquest.app.ui.explorer;

import java.util.List;
import org.inquest.connectors.catalog.TableInfo;

/**
 * One user table as the explorer shows it: its catalog entry, where it came from, what was set aside and its saved
 * links to spans tables (ADR 0077), as text.
 */
public record TableSummary(TableInfo info, List<Lineage> lineage, long quarantined, List<String> links) {
    public TableSummary {
        lineage = List.copyOf(lineage);
        links = List.copyOf(links);
    }

    public TableSummary(TableInfo info, List<Lineage> lineage, long quarantined) {
        this(info, lineage, quarantined, List.of());
    }

    public String name() {
        return info.name();
    }

    /** One imported file. */
    public record Lineage(String source, long sizeBytes, String sha256, String importedAt, String format,
            long rowsAccepted, long rowsQuarantined) {
    }
}
