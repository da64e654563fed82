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
}
