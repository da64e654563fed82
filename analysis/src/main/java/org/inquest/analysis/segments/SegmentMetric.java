package org.inquest.analysis.segments;

import java.util.Locale;
import org.inquest.analysis.slice.SqlFragment;

/**
 * A metric that root-cause analysis can decompose: a per-row value whose mean over a slice is the metric (a rate
 * or an average), so the overall change splits exactly into per-segment parts. {@code valueSql} yields the value
 * of one row, or null when the row does not count (e.g. unlabeled rows for accuracy). A metric may also carry a
 * display aggregate shown beside each segment's value — latency's p95 itself, whose decomposable value is the
 * share of requests slower than the reference's p95.
 *
 * @param id               stable identifier, e.g. {@code accuracy}, {@code null_share:income}
 * @param label            how a sentence names it, e.g. "accuracy", "null share of income"
 * @param format           how its values print
 * @param valueSql         the per-row value (constants, quoted identifiers and parameters only)
 * @param column           the column the metric is about (never used to segment it), or null
 * @param displayLabel     the display aggregate's name ("latency p95"), or null
 * @param displayRowSql    the per-row input of the display aggregate, or null
 * @param displayQuantile  the display aggregate: this quantile (linear interpolation) of the per-row input
 * @param displayFormat    how the display aggregate prints
 */
public record SegmentMetric(String id, String label, ValueFormat format, SqlFragment valueSql, String column,
                            String displayLabel, String displayRowSql, Double displayQuantile,
                            ValueFormat displayFormat) {
    /** How values print in sentences and tables. */
    public enum ValueFormat {
        PERCENT, NUMBER, MILLISECONDS;

        public String format(Double v) {
            if (v == null) {
                return "n/a";
            }
            return switch (this) {
                case PERCENT -> String.format(Locale.ROOT, "%.1f%%", v * 100);
                case NUMBER -> String.format(Locale.ROOT, "%.3f", v);
                case MILLISECONDS -> String.format(Locale.ROOT, "%.1f ms", v);
            };
        }
    }

    public static SegmentMetric of(String id, String label, ValueFormat format, SqlFragment valueSql, String column) {
        return new SegmentMetric(id, label, format, valueSql, column, null, null, null, null);
    }

    public boolean hasDisplay() {
        return displayRowSql != null;
    }
}
