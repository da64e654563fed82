package org.inquest.analysis.replay;

import java.util.List;
import java.util.Locale;
import org.inquest.connectors.error.UsageException;

/**
 * The width of a replay bucket. The timeline is per minute by default; when the slice spans so long that there would
 * be more than {@link #MAX_BUCKETS} buckets, the next coarser width of {@link #LADDER} that fits is used instead (and
 * the timeline says so), so a month of data replays in 15-minute steps rather than 43,200 minutes.
 */
public record BucketWidth(long seconds, String text) {
    /** Enough for a smooth scrubber and a readable chart; one row each reaches the JVM. */
    public static final int MAX_BUCKETS = 3000;
    public static final BucketWidth MINUTE = new BucketWidth(60, "1m");
    /** The widths tried, finest first. */
    public static final List<BucketWidth> LADDER = List.of(new BucketWidth(1, "1s"), new BucketWidth(10, "10s"),
            MINUTE, new BucketWidth(300, "5m"), new BucketWidth(900, "15m"), new BucketWidth(1800, "30m"),
            new BucketWidth(3600, "1h"), new BucketWidth(3 * 3600, "3h"), new BucketWidth(6 * 3600, "6h"),
            new BucketWidth(12 * 3600, "12h"), new BucketWidth(86_400, "1d"), new BucketWidth(7 * 86_400, "7d"),
            new BucketWidth(28 * 86_400, "28d"), new BucketWidth(364 * 86_400, "364d"));

    public BucketWidth {
        if (seconds <= 0) {
            throw new IllegalArgumentException("bucket width must be positive");
        }
    }

    /** {@code 30s}, {@code 1m}, {@code 5m}, {@code 2h}, {@code 1d}: a positive count and a unit s, m, h or d. */
    public static BucketWidth parse(String text) {
        String t = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        if (t.length() >= 2) {
            char unit = t.charAt(t.length() - 1);
            long factor = switch (unit) {
                case 's' -> 1;
                case 'm' -> 60;
                case 'h' -> 3600;
                case 'd' -> 86_400;
                default -> 0;
            };
            String digits = t.substring(0, t.length() - 1);
            if (factor > 0 && digits.matches("[0-9]{1,7}") && Long.parseLong(digits) > 0) {
                return new BucketWidth(Long.parseLong(digits) * factor, t);
            }
        }
        throw new UsageException("invalid bucket width '" + text + "' (expected a count and a unit s, m, h or d,"
                + " e.g. 1m, 5m, 1h)");
    }

    public long micros() {
        return seconds * 1_000_000L;
    }

    /** Number of buckets of this width from the one holding {@code firstMicros} to the one holding {@code lastMicros}. */
    public long bucketsBetween(long firstMicros, long lastMicros) {
        return Math.floorDiv(lastMicros, micros()) - Math.floorDiv(firstMicros, micros()) + 1;
    }

    /**
     * {@code requested} when it gives at most {@link #MAX_BUCKETS} buckets over [first, last], else the finest
     * width of the ladder that is coarser than it and does.
     */
    public static BucketWidth choose(BucketWidth requested, long firstMicros, long lastMicros) {
        if (requested.bucketsBetween(firstMicros, lastMicros) <= MAX_BUCKETS) {
            return requested;
        }
        for (BucketWidth w : LADDER) {
            if (w.seconds > requested.seconds && w.bucketsBetween(firstMicros, lastMicros) <= MAX_BUCKETS) {
                return w;
            }
        }
        return LADDER.get(LADDER.size() - 1);
    }
}
