package org.inquest.analysis.slice;

import java.util.Locale;
import org.inquest.connectors.error.UsageException;

/**
 * How {@code --by} splits a slice: calendar buckets of the timestamp column ({@code hour}, {@code day},
 * {@code week} — ISO weeks starting on Monday) or consecutive chunks of N rows in timestamp order
 * ({@code rows:N}).
 */
public sealed interface WindowSpec permits WindowSpec.TimeBuckets, WindowSpec.RowChunks {
    /** The largest N accepted by {@code rows:N}. */
    long MAX_CHUNK_ROWS = 1_000_000_000L;

    /** The spelling {@code --by} accepts, e.g. {@code day} or {@code rows:1000}. */
    String text();

    enum Unit {
        HOUR("hour", "1 hour"), DAY("day", "1 day"), WEEK("week", "7 days");

        private final String datePart;
        private final String interval;

        Unit(String datePart, String interval) {
            this.datePart = datePart;
            this.interval = interval;
        }

        /** The {@code date_trunc} part name (a constant). */
        public String datePart() {
            return datePart;
        }

        /** The bucket length as a DuckDB interval literal (a constant). */
        public String interval() {
            return interval;
        }
    }

    record TimeBuckets(Unit unit) implements WindowSpec {
        @Override
        public String text() {
            return unit.datePart();
        }
    }

    record RowChunks(long rows) implements WindowSpec {
        public RowChunks {
            if (rows < 1 || rows > MAX_CHUNK_ROWS) {
                throw new UsageException("rows:N needs 1 <= N <= " + MAX_CHUNK_ROWS + ", got " + rows);
            }
        }

        @Override
        public String text() {
            return "rows:" + rows;
        }
    }

    /** Reads a {@code --by} value; anything else is exit 2 with the accepted forms. */
    static WindowSpec parse(String text) {
        String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        for (Unit u : Unit.values()) {
            if (u.datePart().equals(t)) {
                return new TimeBuckets(u);
            }
        }
        if (t.startsWith("rows:")) {
            String n = t.substring(5).trim().replace("_", "");
            if (n.matches("[0-9]{1,10}")) {
                long rows = Long.parseLong(n);
                if (rows >= 1 && rows <= MAX_CHUNK_ROWS) {
                    return new RowChunks(rows);
                }
            }
        }
        throw new UsageException("invalid --by value '" + text + "': expected hour, day, week or rows:N"
                + " (N a whole number from 1 to " + MAX_CHUNK_ROWS + ")");
    }
}
