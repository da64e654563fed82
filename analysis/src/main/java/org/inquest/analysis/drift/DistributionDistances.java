package org.inquest.analysis.drift;

import org.apache.commons.math3.special.Erf;
import org.apache.commons.math3.special.Gamma;

/**
 * The statistics computed from per-bin (or per-category) counts of the two slices. Inputs are the counts DuckDB
 * returned; nothing here sees raw values. Each definition is the contract's, and each is the one place that
 * metric is computed.
 */
public final class DistributionDistances {
    /** PSI replaces an empty bin's proportion by this (as Evidently does), so the logarithm stays finite. */
    public static final double PSI_EMPTY_PROPORTION = 0.0001;

    private DistributionDistances() {
    }

    /** Σ (cur_i − ref_i)·ln(cur_i / ref_i) over bin proportions, each zero proportion replaced by 0.0001. */
    public static double psi(long[] reference, long[] current) {
        double refTotal = total(reference);
        double curTotal = total(current);
        double psi = 0.0;
        for (int i = 0; i < reference.length; i++) {
            double r = reference[i] == 0 ? PSI_EMPTY_PROPORTION : reference[i] / refTotal;
            double c = current[i] == 0 ? PSI_EMPTY_PROPORTION : current[i] / curTotal;
            psi += (c - r) * Math.log(c / r);
        }
        return psi;
    }

    /**
     * Jensen–Shannon distance in base 2 (scipy {@code jensenshannon(p, q, base=2)}) on the raw proportions:
     * sqrt((KL(p‖m) + KL(q‖m)) / 2) with m = (p+q)/2; in [0, 1].
     */
    public static double jensenShannon(long[] reference, long[] current) {
        double refTotal = total(reference);
        double curTotal = total(current);
        double divergence = 0.0;
        for (int i = 0; i < reference.length; i++) {
            double p = reference[i] / refTotal;
            double q = current[i] / curTotal;
            double m = (p + q) / 2.0;
            if (p > 0) {
                divergence += p * Math.log(p / m);
            }
            if (q > 0) {
                divergence += q * Math.log(q / m);
            }
        }
        double js = divergence / 2.0 / Math.log(2.0);
        return Math.sqrt(Math.max(0.0, js));
    }

    /** Pearson's chi-square of the 2×k contingency table, without continuity correction, and its p-value. */
    public static ChiSquare chiSquare(long[] reference, long[] current) {
        double refTotal = total(reference);
        double curTotal = total(current);
        double grand = refTotal + curTotal;
        double statistic = 0.0;
        int columns = 0;
        for (int i = 0; i < reference.length; i++) {
            double column = reference[i] + current[i];
            if (column == 0) {
                continue;
            }
            columns++;
            double expectedRef = refTotal * column / grand;
            double expectedCur = curTotal * column / grand;
            statistic += square(reference[i] - expectedRef) / expectedRef + square(current[i] - expectedCur) / expectedCur;
        }
        int dof = columns - 1;
        // scipy returns p = 1 for a table without degrees of freedom (one category on both sides).
        double p = dof <= 0 ? 1.0 : Gamma.regularizedGammaQ(dof / 2.0, statistic / 2.0);
        return new ChiSquare(dof <= 0 ? 0.0 : statistic, dof, p);
    }

    /** Chi-square statistic, degrees of freedom, p-value. */
    public record ChiSquare(double statistic, int degreesOfFreedom, double pValue) {
    }

    /**
     * Two-sided p-value of the pooled two-proportion z-test on the share of the first category:
     * z = (p_ref − p_cur) / sqrt(p̂(1−p̂)(1/n_ref + 1/n_cur)). When the pooled share is 0 or 1 the samples
     * cannot differ and p = 1.
     */
    public static double zTestPValue(long referenceHits, long referenceTotal, long currentHits, long currentTotal) {
        double pRef = (double) referenceHits / referenceTotal;
        double pCur = (double) currentHits / currentTotal;
        double pooled = (double) (referenceHits + currentHits) / (referenceTotal + currentTotal);
        double variance = pooled * (1 - pooled) * (1.0 / referenceTotal + 1.0 / currentTotal);
        if (variance <= 0) {
            return 1.0;
        }
        double z = (pRef - pCur) / Math.sqrt(variance);
        return Erf.erfc(Math.abs(z) / Math.sqrt(2.0));
    }

    /**
     * numpy's linear-interpolation quantile between the order statistics {@code lo} (at index floor(h)) and
     * {@code hi} (at floor(h)+1), where {@code fraction} = h − floor(h); the same rounding as numpy's lerp.
     */
    public static double lerp(double lo, double hi, double fraction) {
        if (fraction == 0.0) {
            return lo;
        }
        double diff = hi - lo;
        return fraction >= 0.5 ? hi - diff * (1.0 - fraction) : lo + diff * fraction;
    }

    private static double total(long[] counts) {
        long sum = 0;
        for (long c : counts) {
            sum += c;
        }
        return sum;
    }

    private static double square(double x) {
        return x * x;
    }
}
