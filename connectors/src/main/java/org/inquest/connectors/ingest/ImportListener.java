package org.inquest.connectors.ingest;

import java.nio.file.Path;

/**
 * What an import reports while it runs, for a progress line on the command line or a progress bar in the
 * workbench. Called from a background thread; implementations must be thread-safe and quick. Every method has a
 * no-op default so a caller implements only what it shows.
 */
public interface ImportListener {
    ImportListener NONE = new ImportListener() {
    };

    /** A file's import is starting (before its data is read). */
    default void fileStarted(Path file) {
    }

    /** Roughly once a second during a long statement: rows read so far from the file and the current rate. */
    default void progress(Path file, long rowsRead, double rowsPerSecond) {
    }

    /**
     * A file's rows, quarantine and lineage are written and its transaction is about to commit (a workbench can
     * show "committing"; nothing is visible to other connections yet).
     */
    default void beforeCommit(Path file, FileOutcome outcome) {
    }

    /** A file's import committed. */
    default void fileFinished(Path file, FileOutcome outcome) {
    }
}
