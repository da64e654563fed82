package org.inquest.app.ui.common;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/** How numbers are written in the workbench: fixed decimals, thousands separators, signed deltas, "–" for none. */
public final class Format {
    public static final String NONE = "–";

    private Format() {
    }

    public static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    /** The count with the noun agreeing with it: "1 day", "2 days", "1,234 rows". */
    public static String count(long n, String singular) {
        return count(n, singular, singular + "s");
    }

    /** As {@link #count(long, String)} for a noun whose plural is not singular + "s" ("1 schema difference"). */
    public static String count(long n, String singular, String plural) {
        return count(n) + " " + (n == 1 ? singular : plural);
    }

    public static String number(Double v, int decimals) {
        return v == null || v.isNaN() ? NONE : String.format(Locale.ROOT, "%." + decimals + "f", v);
    }

    public static String percent(Double share, int decimals) {
        return share == null || share.isNaN() ? NONE : String.format(Locale.ROOT, "%." + decimals + "f%%", share * 100);
    }

    public static String signed(Double v, int decimals) {
        return v == null || v.isNaN() ? NONE : String.format(Locale.ROOT, "%+." + decimals + "f", v);
    }

    /** Difference in percentage points, e.g. "+3.1 pp". */
    public static String signedPoints(Double share, int decimals) {
        return share == null || share.isNaN() ? NONE : String.format(Locale.ROOT, "%+." + decimals + "f pp", share * 100);
    }

    /**
     * A date-time as ISO 8601 ("2026-09-22T10:00:00"), the fraction only when there is one ("…T10:00:00.250",
     * "…T10:00:00.000125"), the offset for a zoned value; other values as {@code toString}. JDBC's
     * {@code java.sql.Timestamp} reads "2026-09-22 10:00:00.0", which looks like a tenth of a second.
     */
    public static String value(Object v) {
        if (v instanceof java.sql.Timestamp t) {
            return dateTime(t.toLocalDateTime());
        }
        if (v instanceof LocalDateTime t) {
            return dateTime(t);
        }
        if (v instanceof OffsetDateTime t) {
            return dateTime(t.toLocalDateTime()) + t.getOffset().getId(); // "Z" for UTC
        }
        return v == null ? NONE : v.toString();
    }

    private static String dateTime(LocalDateTime t) {
        String whole = t.truncatedTo(ChronoUnit.SECONDS).format(DateTimeFormatter.ISO_LOCAL_DATE_TIME);
        int nanos = t.getNano();
        if (nanos == 0) {
            return whole;
        }
        // milliseconds, or micro- or nanoseconds when the value carries them (DuckDB keeps microseconds)
        int digits = nanos % 1_000_000 == 0 ? 3 : nanos % 1_000 == 0 ? 6 : 9;
        return whole + "." + String.format(Locale.ROOT, "%09d", nanos).substring(0, digits);
    }

    public static Double delta(Double current, Double reference) {
        return current == null || reference == null ? null : current - reference;
    }
}
