package org.inquest.analysis.drift;

import org.apache.commons.math3.stat.inference.KolmogorovSmirnovTest;

/**
 * The asymptotic p-value of the two-sample Kolmogorov–Smirnov test, as scipy's
 * {@code ks_2samp(method="asymp")} computes it: the survival function of the one-sample two-sided Kolmogorov
 * distribution ({@code kstwo.sf}) at {@code d} for the effective size {@code round(n·m/(n+m))}.
 *
 * <p>The branches follow scipy's {@code _kolmogn(cdf=False)} (Simard and L'Ecuyer 2011): the upper tail is taken
 * from twice the exact one-sided Smirnov probability (Birnbaum–Tingey) where {@code 1 − cdf} would lose all its
 * digits, and from commons-math's CDF (exact for n ≤ 140, Pelz–Good above) elsewhere.
 */
public final class KolmogorovPValue {
    private static final KolmogorovSmirnovTest COMMONS = new KolmogorovSmirnovTest();

    private KolmogorovPValue() {
    }

    /** The p-value for statistic {@code d} between samples of {@code n1} and {@code n2} values. */
    public static double twoSample(double d, long n1, long n2) {
        double m = Math.max(n1, n2);
        double n = Math.min(n1, n2);
        double en = m * n / (m + n);
        return survival(d, (long) Math.rint(en));
    }

    /** {@code kstwo.sf(x, n)}: P(D_n ≥ x) for the one-sample two-sided statistic. */
    public static double survival(double x, long n) {
        if (n <= 0 || Double.isNaN(x)) {
            return Double.NaN;
        }
        if (x >= 1.0) {
            return 0.0;
        }
        if (x <= 0.0) {
            return 1.0;
        }
        double t = n * x;
        if (t <= 1.0) {
            return t <= 0.5 ? 1.0 : clip(1.0 - cdf(x, n));
        }
        if (t >= n - 1) {
            return clip(2 * Math.pow(1.0 - x, n));
        }
        if (x >= 0.5) {
            return clip(2 * smirnov(n, x));
        }
        double nx2 = t * x;
        if (n <= 140) {
            return nx2 <= 4 ? clip(1.0 - cdf(x, n)) : clip(2 * smirnov(n, x));
        }
        if (nx2 >= 370.0) {
            return 0.0;
        }
        if (nx2 >= 2.2) {
            return clip(2 * smirnov(n, x));
        }
        return clip(1.0 - cdf(x, n));
    }

    private static double cdf(double x, long n) {
        if (n > Integer.MAX_VALUE) {
            return COMMONS.pelzGood(x, Integer.MAX_VALUE);
        }
        return COMMONS.cdf(x, (int) n);
    }

    /**
     * The exact one-sided Smirnov upper tail P(D⁺_n ≥ x) by the Birnbaum–Tingey sum
     * x·Σ_{j=0}^{⌊n(1−x)⌋} C(n,j)·(1−x−j/n)^{n−j}·(x+j/n)^{j−1}, summed in log space so large n neither
     * overflows nor underflows term by term.
     */
    static double smirnov(long n, double x) {
        long last = (long) Math.floor(n * (1.0 - x));
        double logChoose = 0.0; // log C(n, 0)
        double maxLog = Double.NEGATIVE_INFINITY;
        double sum = 0.0; // Σ exp(term − maxLog), rescaled whenever maxLog grows
        for (long j = 0; j <= last; j++) {
            if (j > 0) {
                logChoose += Math.log((double) (n - j + 1)) - Math.log((double) j);
            }
            double a = 1.0 - x - (double) j / n;
            double b = x + (double) j / n;
            if (a <= 0.0) {
                if (n - j == 0) {
                    // 0^0 = 1
                    a = 1.0;
                } else {
                    continue;
                }
            }
            double term = logChoose + (n - j) * Math.log(a) + (j - 1) * Math.log(b);
            if (term > maxLog) {
                sum = sum * Math.exp(maxLog - term) + 1.0;
                maxLog = term;
            } else {
                sum += Math.exp(term - maxLog);
            }
        }
        if (sum == 0.0) {
            return 0.0;
        }
        return Math.min(1.0, x * Math.exp(maxLog + Math.log(sum)));
    }

    private static double clip(double p) {
        return Math.max(0.0, Math.min(1.0, p));
    }
}
