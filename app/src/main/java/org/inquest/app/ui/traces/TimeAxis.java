package org.inquest.app.ui.traces;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Tick marks of a waterfall's time axis: a 1-2-5 step giving about {@code target} ticks over [0, total]. */
public final class TimeAxis {
    private TimeAxis() {
    }

    /** The step in ms between ticks: the smallest of 1, 2, 5 × 10^k that gives at most {@code target} steps. */
    public static double step(double totalMs, int target) {
        if (!(totalMs > 0) || target < 1) {
            return 1;
        }
        double raw = totalMs / target;
        double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
        for (double m : new double[] {1, 2, 5, 10}) {
            if (m * magnitude >= raw * (1 - 1e-12)) {
                return m * magnitude;
            }
        }
        return 10 * magnitude;
    }

    /** Tick positions 0, step, 2·step, … up to {@code totalMs}. */
    public static List<Double> ticks(double totalMs, int target) {
        double step = step(totalMs, target);
        List<Double> ticks = new ArrayList<>();
        for (int i = 0; i * step <= totalMs * (1 + 1e-12) && i <= target * 10; i++) {
            ticks.add(i * step);
        }
        return ticks;
    }

    /** A tick label: ms below a second (without needless decimals), seconds above. */
    public static String label(double ms, double step) {
        if (step >= 1000) {
            return trim(String.format(Locale.ROOT, "%.3f", ms / 1000)) + " s";
        }
        int decimals = step >= 1 ? 0 : (int) Math.ceil(-Math.log10(step) - 1e-9);
        return String.format(Locale.ROOT, "%." + decimals + "f ms", ms);
    }

    private static String trim(String s) {
        return s.contains(".") ? s.replaceAll("0+$", "").replaceAll("\\.$", "") : s;
    }
}
