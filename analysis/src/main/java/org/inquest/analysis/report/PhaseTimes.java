package org.inquest.analysis.report;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Wall time of each phase of building a report, in the order the phases ran (a phase run twice adds up). The
 * report benchmark prints them; with the system property {@code inquest.report.timing} set each phase is also
 * printed on stderr as it ends, so a slow report can be profiled from the command line.
 */
public final class PhaseTimes {
    private static final boolean PRINT = Boolean.getBoolean("inquest.report.timing");

    private final Map<String, Double> seconds = new LinkedHashMap<>();

    public <T> T time(String phase, Supplier<T> work) {
        long t0 = System.nanoTime();
        try {
            return work.get();
        } finally {
            add(phase, t0);
        }
    }

    public void time(String phase, Runnable work) {
        time(phase, () -> {
            work.run();
            return null;
        });
    }

    void add(String phase, long startNanos) {
        double s = (System.nanoTime() - startNanos) / 1e9;
        seconds.merge(phase, s, Double::sum);
        if (PRINT) {
            System.err.printf(Locale.ROOT, "report timing: %-36s %8.3f s%n", phase, s);
        }
    }

    /** Seconds per phase, in the order the phases first ran. */
    public Map<String, Double> seconds() {
        return Collections.unmodifiableMap(seconds);
    }

    public double total() {
        return seconds.values().stream().mapToDouble(Double::doubleValue).sum();
    }
}
