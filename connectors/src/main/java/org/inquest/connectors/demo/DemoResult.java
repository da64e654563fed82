package org.inquest.connectors.demo;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** What {@link DemoGenerator} wrote: the directory, the files, row counts, and how long it took. */
public record DemoResult(Path directory, List<Path> files, long predictionRows, long snapshotRows,
        Duration elapsed) {
}
