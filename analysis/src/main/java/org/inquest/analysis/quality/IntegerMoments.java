package org.inquest.analysis.quality;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.util.Locale;
import java.util.Set;

/**
 * Mean and population standard deviation of an integer column from its exact sums Σx and Σx² (DuckDB sums
 * BIGINTs into a 128-bit HUGEINT, so neither rounds): mean = Σx/n and variance = (n·Σx² − (Σx)²)/n², evaluated in
 * integers and rounded once to a double. Cheaper in DuckDB than {@code avg} and {@code stddev_pop} (Welford's
 * update, a division per row), and as exact as a double can hold, where those accumulate rounding errors.
 */
record IntegerMoments(double mean, double std) {
    /** Types whose square fits a BIGINT (|x| < 2³¹), so {@code CAST(x AS BIGINT) * x} cannot overflow. */
    private static final Set<String> TYPES = Set.of("TINYINT", "SMALLINT", "INTEGER", "UTINYINT", "USMALLINT");
    private static final MathContext CONTEXT = MathContext.DECIMAL128;

    static boolean applies(String sqlType) {
        return TYPES.contains(sqlType.toUpperCase(Locale.ROOT));
    }

    /** The moments of {@code n} values with sums {@code sum} and {@code sumOfSquares}; null without values. */
    static IntegerMoments of(long n, BigInteger sum, BigInteger sumOfSquares) {
        if (n == 0 || sum == null || sumOfSquares == null) {
            return null;
        }
        BigInteger count = BigInteger.valueOf(n);
        double mean = new BigDecimal(sum).divide(new BigDecimal(count), CONTEXT).doubleValue();
        BigInteger spread = count.multiply(sumOfSquares).subtract(sum.multiply(sum));
        BigDecimal variance = new BigDecimal(spread).divide(new BigDecimal(count.multiply(count)), CONTEXT);
        return new IntegerMoments(mean, variance.sqrt(CONTEXT).doubleValue());
    }
}
