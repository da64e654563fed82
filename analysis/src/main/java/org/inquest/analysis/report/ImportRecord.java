package org.inquest.analysis.report;

/** One imported file behind a table: the lineage the report's "inputs" section lists. */
public record ImportRecord(String table, String sourcePath, Long sizeBytes, String sha256, String importedAt,
                           String kind, String format, long rowsAccepted, long rowsQuarantined) {
}
