package org.inquest.analysis.drift;

import org.inquest.connectors.catalog.FeatureKind;

/**
 * Evidently's automatic choice of test, so users coming from it recognise the results. n = reference values
 * (non-null), u = distinct values over both slices.
 * <ul>
 *   <li>n ≤ 1000: numerical with u &gt; 5 → ks; numerical with 3 ≤ u ≤ 5 and categorical with u &gt; 2 →
 *       chisquare; u ≤ 2 → z.</li>
 *   <li>n &gt; 1000: numerical with u &gt; 5 → wasserstein (normed); everything else → jensenshannon.</li>
 * </ul>
 */
public final class MethodSelector {
    static final long SMALL_SAMPLE = 1000;

    private MethodSelector() {
    }

    public static DriftMethod automatic(FeatureKind kind, long referenceValues, long distinct) {
        boolean numerical = kind == FeatureKind.NUMERICAL;
        if (referenceValues <= SMALL_SAMPLE) {
            if (numerical && distinct > 5) {
                return DriftMethod.KS;
            }
            if (distinct <= 2) {
                return DriftMethod.Z;
            }
            return DriftMethod.CHISQUARE;
        }
        return numerical && distinct > 5 ? DriftMethod.WASSERSTEIN : DriftMethod.JENSENSHANNON;
    }

    /** Whether a forced method can judge this kind of feature (KS and Wasserstein need numbers). */
    public static boolean applies(DriftMethod method, FeatureKind kind) {
        return kind == FeatureKind.NUMERICAL || (method != DriftMethod.KS && method != DriftMethod.WASSERSTEIN);
    }
}
