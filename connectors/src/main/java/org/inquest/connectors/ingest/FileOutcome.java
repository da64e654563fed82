package org.inquest.connectors.ingest;

import java.nio.file.Path;

/**
 * What one file's import did: rows accepted into the table and rows set aside in the quarantine, with the file's
 * size and SHA-256 for the lineage.
 */
public record FileOutcome(Path file, SourceFormat format, long importId, long rowsAccepted, long rowsQuarantined,
                          long sizeBytes, String sha256) {
}
