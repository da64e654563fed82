package org.inquest.analysis.sql;

/**
 * Selects the plan a query had before a performance change, so a benchmark can time old and new plans alternately
 * in one run on a loaded machine (docs/PERFORMANCE.md). Set the system property {@code inquest.previousPlan=true};
 * it is read at every use, so one JVM can switch between runs. Both plans give the same numbers.
 */
public final class PreviousPlan {
    public static final String PROPERTY = "inquest.previousPlan";

    private PreviousPlan() {
    }

    public static boolean enabled() {
        return Boolean.getBoolean(PROPERTY);
    }
}
