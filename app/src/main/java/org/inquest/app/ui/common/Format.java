package org.inquest.app.ui.common;

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

    public static Double delta(Double current, Double reference) {
        return current == null || reference == null ? null : current - reference;
    }
}
