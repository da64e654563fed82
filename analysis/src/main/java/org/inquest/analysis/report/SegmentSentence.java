package org.inquest.analysis.report;

import java.util.Locale;
import org.inquest.analysis.segments.Contribution;
import org.inquest.analysis.segments.RootCause;
import org.inquest.analysis.segments.SegmentMetric;

/**
 * The sentence a report prints for a ranked segment, e.g. "region=EU: 18% of rows (12% in the reference), null
 * share of income 0.0% → 100.0%, accounts for 71% of the change in null share of income (+0.180)."
 */
public final class SegmentSentence {
    private SegmentSentence() {
    }

    public static String of(RootCause cause, Contribution c, Redactor redactor) {
        SegmentMetric m = cause.metric();
        StringBuilder b = new StringBuilder();
        b.append(name(c, redactor)).append(": ").append(percent(c.current().share())).append(" of rows (")
                .append(percent(c.reference().share())).append(" in the reference), ").append(m.label()).append(' ')
                .append(m.format().format(c.reference().value())).append(" → ")
                .append(m.format().format(c.current().value()));
        if (m.hasDisplay()) {
            b.append(", ").append(m.displayLabel()).append(' ').append(m.displayFormat().format(c.reference().display()))
                    .append(" → ").append(m.displayFormat().format(c.current().display()));
        }
        b.append(", accounts for ");
        b.append(c.shareOfChange() == null ? "n/a" : percent(c.shareOfChange()));
        b.append(" of the change in ").append(m.label()).append(" (")
                .append(signed(m, cause.change())).append(").");
        return b.toString();
    }

    public static String name(Contribution c, Redactor redactor) {
        return c.segment().name(redactor::value);
    }

    /** The metric's overall move, e.g. "accuracy 91.2% → 64.0%". */
    public static String overall(RootCause cause) {
        SegmentMetric m = cause.metric();
        String s = m.label() + " " + m.format().format(cause.reference().value()) + " → "
                + m.format().format(cause.current().value());
        if (m.hasDisplay()) {
            s += " (" + m.displayLabel() + " " + m.displayFormat().format(cause.reference().display()) + " → "
                    + m.displayFormat().format(cause.current().display()) + ")";
        }
        return s;
    }

    private static String signed(SegmentMetric m, Double change) {
        if (change == null) {
            return "n/a";
        }
        String text = m.format() == SegmentMetric.ValueFormat.PERCENT
                ? String.format(Locale.ROOT, "%.1f points", Math.abs(change) * 100)
                : m.format().format(Math.abs(change));
        return (change < 0 ? "−" : "+") + text;
    }

    static String percent(double share) {
        return String.format(Locale.ROOT, "%.0f%%", share * 100);
    }
}
