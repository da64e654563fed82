package org.inquest.analysis.segments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The decomposition by hand: within-segment change plus mix shift, summing to the overall change. */
class ContributionTest {
    @Test
    void contributionsOfAPartitionAddUpToTheOverallChange() {
        // Reference: A 60% of rows at 0.9, B 40% at 0.8 -> 0.86. Current: A 50% at 0.9, B 50% at 0.5 -> 0.70.
        double refAll = 0.6 * 0.9 + 0.4 * 0.8;
        double curAll = 0.5 * 0.9 + 0.5 * 0.5;
        double change = curAll - refAll;
        Contribution a = Contribution.of(Segment.of("g", "A"), new SegmentSide(600, 0.6, 0.9, null),
                new SegmentSide(500, 0.5, 0.9, null), refAll, change);
        Contribution b = Contribution.of(Segment.of("g", "B"), new SegmentSide(400, 0.4, 0.8, null),
                new SegmentSide(500, 0.5, 0.5, null), refAll, change);
        // A: no change within; mix = (0.5 - 0.6) * (0.9 - 0.86) = -0.004.
        assertEquals(0.0, a.within(), 1e-15);
        assertEquals(-0.004, a.mix(), 1e-15);
        // B: within = 0.5 * (0.5 - 0.8) = -0.15; mix = (0.5 - 0.4) * (0.8 - 0.86) = -0.006.
        assertEquals(-0.15, b.within(), 1e-15);
        assertEquals(-0.006, b.mix(), 1e-15);
        assertEquals(change, a.contribution() + b.contribution(), 1e-15);
        assertEquals(0.156 / 0.16, b.shareOfChange(), 1e-12);
        assertEquals(0.156, b.explanatory(change), 1e-15);
    }

    @Test
    void newAndVanishedSegmentsStillAddUp() {
        // Reference: A 100% at 0.8. Current: A 70% at 0.8, new B 30% at 0.2 -> 0.62.
        double change = 0.7 * 0.8 + 0.3 * 0.2 - 0.8;
        Contribution a = Contribution.of(Segment.of("g", "A"), new SegmentSide(100, 1.0, 0.8, null),
                new SegmentSide(70, 0.7, 0.8, null), 0.8, change);
        Contribution b = Contribution.of(Segment.of("g", "B"), new SegmentSide(0, 0.0, null, null),
                new SegmentSide(30, 0.3, 0.2, null), 0.8, change);
        assertEquals(0.0, a.contribution(), 1e-15);
        assertEquals(0.3 * (0.2 - 0.8), b.contribution(), 1e-15);
        assertEquals(change, a.contribution() + b.contribution(), 1e-15);
        Contribution gone = Contribution.of(Segment.of("g", "C"), new SegmentSide(50, 0.5, 0.1, null),
                new SegmentSide(0, 0.0, null, null), 0.5, 0.4);
        assertEquals(0.0, gone.within(), 0.0);
        assertEquals(-0.5 * (0.1 - 0.5), gone.mix(), 1e-15);
    }

    @Test
    void theExcessIsWhatASegmentExplainsBeyondItsShareOfRowsAndAddsUpToZero() {
        // Same partition as above: change -0.16; A (50% of current rows) explains -0.004, B (50%) -0.156.
        double refAll = 0.86;
        double change = 0.70 - refAll;
        Contribution a = Contribution.of(Segment.of("g", "A"), new SegmentSide(600, 0.6, 0.9, null),
                new SegmentSide(500, 0.5, 0.9, null), refAll, change);
        Contribution b = Contribution.of(Segment.of("g", "B"), new SegmentSide(400, 0.4, 0.8, null),
                new SegmentSide(500, 0.5, 0.5, null), refAll, change);
        // explanatory - w_cur * |change|: A 0.004 - 0.08 = -0.076 (its mix pushes the way of the change),
        // B 0.156 - 0.08 = 0.076.
        assertEquals(0.004 - 0.08, a.excess(change), 1e-15);
        assertEquals(0.156 - 0.08, b.excess(change), 1e-15);
        assertEquals(0.0, a.excess(change) + b.excess(change), 1e-15);
        assertEquals(0.076 / 0.16, b.excessShare(change), 1e-12);
    }

    @Test
    void aSegmentThatIsMostOfTheSliceAndChangedLikeItExplainsNothingBeyondItsSize() {
        // Reference: V1 100% at 0.82. Current: V1 92% at 0.806, new V2 8% at 0.80 -> change -0.01448.
        // V1's contribution is 0.92 * -0.014 = -0.01288 (89% of the change) but its excess is about zero.
        double change = 0.92 * 0.806 + 0.08 * 0.80 - 0.82;
        Contribution v1 = Contribution.of(Segment.of("v", "V1"), new SegmentSide(1000, 1.0, 0.82, null),
                new SegmentSide(920, 0.92, 0.806, null), 0.82, change);
        assertEquals(0.92 * 0.014, v1.explanatory(change), 1e-12);
        assertEquals(0.92 * 0.014 - 0.92 * Math.abs(change), v1.excess(change), 1e-12);
        assertTrue(v1.excess(change) < 0.001);
        // A region of 30% whose accuracy fell by 0.035 explains 0.0105 of it, 0.0062 beyond its size.
        Contribution eu = Contribution.of(Segment.of("region", "EU"), new SegmentSide(300, 0.3, 0.82, null),
                new SegmentSide(300, 0.3, 0.785, null), 0.82, change);
        assertTrue(eu.explanatory(change) < v1.explanatory(change));
        assertTrue(eu.excess(change) > v1.excess(change));
    }
}
