package org.inquest.analysis.quality;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.Random;
import org.apache.commons.math3.stat.descriptive.moment.Mean;
import org.apache.commons.math3.stat.descriptive.moment.StandardDeviation;
import org.junit.jupiter.api.Test;

/** Mean and population std from exact integer sums against commons-math and hand values. */
class IntegerMomentsTest {
    private static IntegerMoments of(long[] xs) {
        BigInteger sum = BigInteger.ZERO;
        BigInteger squares = BigInteger.ZERO;
        for (long x : xs) {
            sum = sum.add(BigInteger.valueOf(x));
            squares = squares.add(BigInteger.valueOf(x).multiply(BigInteger.valueOf(x)));
        }
        return IntegerMoments.of(xs.length, sum, squares);
    }

    @Test
    void byHand() {
        // 2, 4, 4, 4, 5, 5, 7, 9: mean 5, population std 2.
        IntegerMoments m = of(new long[] {2, 4, 4, 4, 5, 5, 7, 9});
        assertEquals(5.0, m.mean(), 0.0);
        assertEquals(2.0, m.std(), 0.0);
        IntegerMoments one = of(new long[] {-7});
        assertEquals(-7.0, one.mean(), 0.0);
        assertEquals(0.0, one.std(), 0.0);
        assertNull(IntegerMoments.of(0, BigInteger.ZERO, BigInteger.ZERO));
    }

    @Test
    void agreesWithCommonsMathOnLargeIntegers() {
        Random random = new Random(7);
        for (int round = 0; round < 20; round++) {
            long[] xs = new long[1 + random.nextInt(5000)];
            double[] ds = new double[xs.length];
            long offset = random.nextBoolean() ? 0 : Integer.MAX_VALUE - 1000;
            for (int i = 0; i < xs.length; i++) {
                xs[i] = offset + random.nextInt(1000) - (round % 3 == 0 ? 500 : 0);
                ds[i] = xs[i];
            }
            IntegerMoments m = of(xs);
            double mean = new Mean().evaluate(ds);
            double std = new StandardDeviation(false).evaluate(ds);
            assertEquals(mean, m.mean(), 1e-12 * (Math.abs(mean) + std + 1), "mean, round " + round);
            // Large offsets cost the double algorithm digits; the exact one keeps them.
            assertEquals(std, m.std(), 1e-6 * Math.max(1, std), "std, round " + round);
        }
    }

    @Test
    void onlySmallIntegerTypesApply() {
        assertTrue(IntegerMoments.applies("INTEGER"));
        assertTrue(IntegerMoments.applies("smallint"));
        assertEquals(false, IntegerMoments.applies("BIGINT"));
        assertEquals(false, IntegerMoments.applies("UINTEGER"));
        assertEquals(false, IntegerMoments.applies("DOUBLE"));
    }
}
