package org.inquest.analysis.sql;

/**
 * Selects the plan a query had before a performance change, so a benchmark can time old and new plans alternately
 * in one run on a loaded machine (docs/PERFORMANCE.md). Set the system property {@code inquest.previousPlan=true};
 * it is read at every use, so one JVM can switch between runs. Both plans give the same numbers.
 *
 * <p>Later changes have switches of their own ({@code inquest.previousPlan.AREA=true}, e.g. {@link #QUALITY}), so a
 * comparison of one session's work is not mixed with the earlier changes the plain switch still selects.
 */
public final class PreviousPlan {
    public static final String PROPERTY = "inquest.previousPlan";
    /** The report's quality section before ADR 0105. */
    public static final String QUALITY = "quality";
    /** Root-cause segments before ADR 0105. */
    public static final String SEGMENTS = "segments";
    /** The report's model-quality sections (performance, latency, calibration, task detection) before ADR 0100. */
    public static final String MODEL = "model";
    /** The report's quality section scanning every column itself, before it reused drift's value counts (ADR 0131). */
    public static final String REUSE = "reuse";
    /** Identifier columns' distinct counts proven per slice even when the import proved them unique (ADR 0132). */
    public static final String FACTS = "facts";

    private PreviousPlan() {
    }

    public static boolean enabled() {
        return Boolean.getBoolean(PROPERTY);
    }

    /** Whether the plan of {@code area} before its last change is selected ({@code inquest.previousPlan.AREA}). */
    public static boolean enabled(String area) {
        return Boolean.getBoolean(PROPERTY + "." + area);
    }
}
