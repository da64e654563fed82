package org.inquest.analysis.replay;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import org.inquest.analysis.filter.Timestamps;
import org.inquest.analysis.slice.Slice;
import org.inquest.connectors.catalog.ColumnInfo;
import org.inquest.connectors.catalog.ColumnRole;
import org.inquest.connectors.catalog.SqlTypes;
import org.inquest.connectors.error.UsageException;
import org.inquest.connectors.workspace.Identifiers;

/**
 * The slice's timestamp-role column as microseconds since the epoch ({@code epoch_us}): UTC for zoned columns, the
 * wall-clock value read as UTC for plain timestamps and dates, so buckets never depend on the session time zone.
 */
record TimeColumn(String name, String micros) {
    static TimeColumn of(Slice slice) {
        ColumnInfo time = slice.table().columnWithRole(ColumnRole.TIMESTAMP).orElseThrow(() -> new UsageException(
                "table '" + slice.table().name() + "' has no timestamp column to replay"
                        + " (set one with --role timestamp=COLUMN at import)"));
        if (!SqlTypes.isTemporal(time.sqlType())) {
            throw new UsageException("column '" + time.name() + "' of table " + slice.table().name()
                    + " has the timestamp role but type " + time.sqlType() + "; replay needs a timestamp column");
        }
        String c = Identifiers.quote(time.name());
        String t = time.sqlType().toUpperCase(Locale.ROOT);
        boolean zoned = t.contains("WITH TIME ZONE") || t.equals("TIMESTAMPTZ");
        return new TimeColumn(time.name(), zoned ? "epoch_us(" + c + ")" : "epoch_us(CAST(" + c + " AS TIMESTAMP))");
    }

    /** {@code 2026-09-22 14:05:00}, UTC. */
    static String format(long micros) {
        LocalDateTime t = LocalDateTime.ofInstant(Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L),
                Math.floorMod(micros, 1_000_000L) * 1000L), ZoneOffset.UTC);
        return Timestamps.format(t);
    }
}
