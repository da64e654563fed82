package org.inquest.analysis.filter;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;

/**
 * Reads timestamps and dates written in filters and writes them back canonically. Accepted: {@code 2026-01-01},
 * {@code 2026-01-01 08:30}, {@code 2026-01-01 08:30:00.123}, a {@code T} instead of the space, and an optional
 * offset ({@code Z}, {@code +02:00}) which is converted to UTC, the zone imported timestamps are stored in.
 */
public final class Timestamps {
    private static final DateTimeFormatter INPUT = new DateTimeFormatterBuilder()
            .appendPattern("uuuu-MM-dd")
            .optionalStart().appendPattern("[ ]['T']HH:mm")
            .optionalStart().appendPattern(":ss")
            .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 1, 9, true).optionalEnd()
            .optionalEnd()
            .optionalStart().appendOffset("+HH:MM", "Z").optionalEnd()
            .optionalStart().appendOffset("+HHMM", "Z").optionalEnd()
            .optionalStart().appendOffset("+HH", "Z").optionalEnd()
            .optionalEnd()
            .toFormatter()
            .withResolverStyle(java.time.format.ResolverStyle.STRICT);
    private static final DateTimeFormatter OUTPUT = new DateTimeFormatterBuilder()
            .appendPattern("uuuu-MM-dd HH:mm:ss")
            .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true).optionalEnd()
            .toFormatter();

    private Timestamps() {
    }

    /** The timestamp {@code text} denotes (UTC when it had an offset), or null when it is not one. */
    public static LocalDateTime parseTimestamp(String text) {
        try {
            TemporalAccessor t = INPUT.parse(text.trim());
            LocalDate date = LocalDate.of(t.get(ChronoField.YEAR), t.get(ChronoField.MONTH_OF_YEAR),
                    t.get(ChronoField.DAY_OF_MONTH));
            if (!t.isSupported(ChronoField.HOUR_OF_DAY)) {
                return date.atStartOfDay();
            }
            LocalDateTime local = date.atTime(t.get(ChronoField.HOUR_OF_DAY), t.get(ChronoField.MINUTE_OF_HOUR),
                    t.isSupported(ChronoField.SECOND_OF_MINUTE) ? t.get(ChronoField.SECOND_OF_MINUTE) : 0,
                    t.isSupported(ChronoField.NANO_OF_SECOND) ? t.get(ChronoField.NANO_OF_SECOND) : 0);
            if (t.isSupported(ChronoField.OFFSET_SECONDS)) {
                ZoneOffset offset = ZoneOffset.ofTotalSeconds(t.get(ChronoField.OFFSET_SECONDS));
                return local.atOffset(offset).withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime();
            }
            return local;
        } catch (java.time.DateTimeException e) {
            return null;
        }
    }

    /** The date {@code text} denotes ({@code yyyy-MM-dd}), or null. */
    public static LocalDate parseDate(String text) {
        try {
            return LocalDate.parse(text.trim(), DateTimeFormatter.ISO_LOCAL_DATE);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** {@code 2026-01-01 08:30:00} (fraction only when there is one): canonical text and the SQL parameter. */
    public static String format(LocalDateTime value) {
        return OUTPUT.format(value);
    }
}
