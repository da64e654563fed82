package org.inquest.analysis.segments;

/**
 * How much one segment explains the change of a metric between the reference and current slices.
 *
 * <p>With shares w and metric values m of the segment, and M the whole reference's value:
 * {@code within = w_cur · (m_cur − m_ref)} (the segment itself got better or worse) and
 * {@code mix = (w_cur − w_ref) · (m_ref − M_ref)} (the segment grew or shrank while being better or worse than
 * average). Over the segments of one column (a partition) the contributions {@code within + mix} add up exactly to
 * the overall change. A segment absent from one side takes M_ref as its reference value (new segment) or
 * contributes only its disappearance (vanished segment). {@code shareOfChange} = contribution / overall change.
 */
public record Contribution(Segment segment, SegmentSide reference, SegmentSide current, double within, double mix,
                           double contribution, Double shareOfChange) {
    public static Contribution of(Segment segment, SegmentSide reference, SegmentSide current, double overallRef,
                                  double overallChange) {
        double mRef = reference.value() == null ? overallRef : reference.value();
        double within = current.value() == null ? 0 : current.share() * (current.value() - mRef);
        double mix = (current.share() - reference.share()) * (mRef - overallRef);
        double total = within + mix;
        return new Contribution(segment, reference, current, within, mix, total,
                overallChange == 0 ? null : total / overallChange);
    }

    /** The contribution in the direction of the overall change: positive when it pushes the metric that way. */
    public double explanatory(double overallChange) {
        return overallChange < 0 ? -contribution : contribution;
    }

    /**
     * The explanatory contribution beyond the segment's size: {@code explanatory − w_cur · |overall change|}, what
     * the segment explains more than a segment of its current share would if the change were spread evenly. Over
     * the segments of one column these add up to zero. The ranking orders by it: a segment holding 92 % of the rows
     * that changed like the whole (e.g. the old model version beside a small canary) explains 90 % of the change by
     * its size alone and says nothing; one holding 30 % of the rows that explains 76 % of it is where to look.
     */
    public double excess(double overallChange) {
        return explanatory(overallChange) - current.share() * Math.abs(overallChange);
    }

    /** {@link #excess} as a share of the overall change, or null when nothing changed. */
    public Double excessShare(double overallChange) {
        return overallChange == 0 ? null : excess(overallChange) / Math.abs(overallChange);
    }
}
