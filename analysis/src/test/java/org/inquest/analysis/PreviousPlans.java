package org.inquest.analysis;

import org.inquest.analysis.sql.PreviousPlan;

/**
 * Runs test code with one area's previous plan selected or not ({@code inquest.previousPlan.AREA}, see
 * {@link PreviousPlan}) and clears the switch afterwards, so tests that compare two plans cannot leak it into others.
 */
public final class PreviousPlans {
    /** Test code that may throw; {@code E} is inferred, so code throwing nothing checked needs no {@code throws}. */
    public interface Work<T, E extends Exception> {
        T run() throws E;
    }

    private PreviousPlans() {
    }

    public static <T, E extends Exception> T with(String area, boolean previous, Work<T, E> work) throws E {
        String property = PreviousPlan.PROPERTY + "." + area;
        System.setProperty(property, Boolean.toString(previous));
        try {
            return work.run();
        } finally {
            System.clearProperty(property);
        }
    }
}
