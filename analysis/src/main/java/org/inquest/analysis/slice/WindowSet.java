package org.inquest.analysis.slice;

import java.util.List;

/**
 * The windows of a slice, in time order. {@code column} is the timestamp column used (null when a table without
 * one is chunked in insertion order); {@code rowsWithoutTime} counts slice rows left out because their timestamp
 * is null; {@code warnings} are one-line notes for the user (small windows, rows left out).
 */
public record WindowSet(WindowSpec spec, String column, List<Window> windows, long rowsWithoutTime,
                        List<String> warnings) {
    public WindowSet {
        windows = List.copyOf(windows);
        warnings = List.copyOf(warnings);
    }
}
