package org.inquest.analysis.slice;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * One window of a slice: rows with {@code start <= timestamp < end} for time buckets, or the rows of one chunk
 * for {@code rows:N} (then {@code end} is the chunk's last timestamp, inclusive). Times are written as DuckDB
 * writes them ({@code 2026-01-01 00:00:00}; UTC for time-zone aware columns). {@code small} marks windows under
 * {@link Windowing#MIN_ROWS} rows, whose statistics are unreliable. {@code slice} restricts the parent slice to
 * the window, ready for any analysis.
 */
@JsonPropertyOrder({"index", "start", "end", "rows", "small"})
public record Window(int index, String start, String end, long rows, boolean small, @JsonIgnore Slice slice) {
}
