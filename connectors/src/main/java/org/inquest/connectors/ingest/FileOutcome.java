package org.inquest.connectors.ingest;

import java.nio.file.Path;

/**
 * What one file's import did: rows accepted into the table and rows set aside in the quarantine, with the file's
 * size and SHA-256 for the lineage. {@code cutLine} is the line a JSON Lines file ends inside (its writer was
 * stopped mid-line; that line is in the quarantine), 0 when the file ends cleanly.
 */
public record FileOutcome(Path file, SourceFormat format, long importId, long rowsAccepted, long rowsQuarantined,
                          long sizeBytes, String sha256, long cutLine) {

    public FileOutcome(Path file, SourceFormat format, long importId, long rowsAccepted, long rowsQuarantined,
                       long sizeBytes, String sha256) {
        this(file, format, importId, rowsAccepted, rowsQuarantined, sizeBytes, sha256, 0);
    }

    FileOutcome withCutLine(long line) {
        return new FileOutcome(file, format, importId, rowsAccepted, rowsQuarantined, sizeBytes, sha256, line);
    }
}
