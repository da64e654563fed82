package org.inquest.analysis.drift;

/** Phase timings on stderr when the system property {@code inquest.drift.timing} is set (for the benchmark). */
final class Timing {
    private static final boolean ON = Boolean.getBoolean("inquest.drift.timing");

    private Timing() {
    }

    static void report(String phase, long startNanos) {
        if (ON) {
            System.err.printf(java.util.Locale.ROOT, "drift timing: %-28s %7.3f s%n", phase,
                    (System.nanoTime() - startNanos) / 1e9);
        }
    }
}
