package org.inquest.connectors.traces;

import java.util.List;

/**
 * What an import of trace files did: spans accepted and quarantined over all files, one entry per file, and the
 * integrity counts of the whole table afterwards ({@link TraceIntegrity}).
 */
public record TraceImportResult(String table, long rows, long quarantined, List<FileResult> files,
        TraceIntegrity.Counts warnings) {

    public TraceImportResult {
        files = List.copyOf(files);
    }

    /** One imported file: its lineage and counts. */
    public record FileResult(long importId, String path, String format, long sizeBytes, String sha256, long rows,
            long quarantined) {
    }
}
