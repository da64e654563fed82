package org.inquest.connectors.demo;

import java.nio.file.Path;
import java.util.Objects;
import org.inquest.connectors.error.UsageException;

/**
 * What to generate: where, how many prediction rows, which seed, which format, and how many rows each training
 * snapshot gets (a quarter of the predictions unless given).
 */
public record DemoOptions(Path out, long rows, long seed, DemoFormat format, long snapshotRows) {
    public static final long MIN_SNAPSHOT_ROWS = 1_000;

    public DemoOptions {
        Objects.requireNonNull(out, "out");
        Objects.requireNonNull(format, "format");
        if (rows < DemoScenario.MIN_ROWS) {
            throw new UsageException("--rows must be at least " + DemoScenario.MIN_ROWS
                    + " so that every day and every incident has data (got " + rows + ")");
        }
        if (snapshotRows < MIN_SNAPSHOT_ROWS) {
            throw new UsageException("--snapshot-rows must be at least " + MIN_SNAPSHOT_ROWS
                    + " (got " + snapshotRows + ")");
        }
    }

    /** Options with the default seed, Parquet, and snapshots of a quarter of the rows (at least the minimum). */
    public static DemoOptions of(Path out, long rows) {
        return new DemoOptions(out, rows, DemoScenario.DEFAULT_SEED, DemoFormat.PARQUET, defaultSnapshotRows(rows));
    }

    public static long defaultSnapshotRows(long rows) {
        return Math.max(MIN_SNAPSHOT_ROWS, rows / 4);
    }

    public DemoOptions withSeed(long newSeed) {
        return new DemoOptions(out, rows, newSeed, format, snapshotRows);
    }

    public DemoOptions withFormat(DemoFormat newFormat) {
        return new DemoOptions(out, rows, seed, newFormat, snapshotRows);
    }

    public DemoOptions withOut(Path newOut) {
        return new DemoOptions(newOut, rows, seed, format, snapshotRows);
    }
}
