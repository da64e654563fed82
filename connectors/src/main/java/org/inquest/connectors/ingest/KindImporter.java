package org.inquest.connectors.ingest;

import java.nio.file.Path;
import java.sql.SQLException;

/**
 * Imports one file of one kind inside the transaction {@link Importer} opened for it. Tabular kinds (predictions,
 * snapshots) share {@link TabularImporter}; a kind with its own source formats (traces: OTLP, Jaeger) plugs in
 * its own implementation and is registered in {@link Importer#importerFor}.
 */
public interface KindImporter {
    /**
     * Reads {@code file} into the session's table, writes its quarantine rows and returns the counts. Must not
     * commit; lineage is written by the caller in the same transaction.
     */
    /**
     * Refuses {@code file} (an {@link org.inquest.connectors.error.InputException} naming it) when it cannot be
     * imported at all. Runs for every file of a request before the first is imported, so a batch with an unusable
     * file changes nothing. Must be cheap: look at the file's head and tail, not its whole content.
     */
    default void preflight(ImportSession session, Path file) throws SQLException {
    }

    FileOutcome importFile(ImportSession session, Path file, long importId) throws SQLException;
}
