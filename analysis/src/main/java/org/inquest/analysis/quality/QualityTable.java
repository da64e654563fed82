package org.inquest.analysis.quality;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** A plain-text table of a {@link QualityReport} for terminals: one row per column, then the findings. */
public final class QualityTable {
    private QualityTable() {
    }

    public static String render(QualityReport report) {
        StringBuilder out = new StringBuilder();
        out.append("reference: ").append(describe(report.reference())).append('\n');
        out.append("current:   ").append(describe(report.current())).append('\n');
        out.append("severity:  ").append(report.severity().wireName()).append("\n\n");
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"column", "kind", "severity", "nulls ref", "nulls cur", "distinct ref", "distinct cur",
            "new categories", "out of range"});
        for (ColumnQuality c : report.columns()) {
            rows.add(new String[] {c.name(), c.kind(), c.severity().wireName(),
                percent(c.reference() == null ? null : c.reference().nullShare()),
                percent(c.current() == null ? null : c.current().nullShare()),
                c.reference() == null || c.reference().distinct() == null ? "" : String.valueOf(c.reference().distinct()),
                c.current() == null || c.current().distinct() == null ? "" : String.valueOf(c.current().distinct()),
                c.newCategoryCount() == null ? "" : String.valueOf(c.newCategoryCount()),
                c.outOfRange() == null ? "" : String.valueOf(c.outOfRange())});
        }
        int[] widths = new int[rows.get(0).length];
        for (String[] r : rows) {
            for (int i = 0; i < r.length; i++) {
                widths[i] = Math.max(widths[i], r[i].length());
            }
        }
        for (String[] r : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < r.length; i++) {
                line.append(i == 0 ? "" : "  ").append(String.format(Locale.ROOT, "%-" + widths[i] + "s", r[i]));
            }
            out.append(line.toString().stripTrailing()).append('\n');
        }
        boolean any = false;
        for (ColumnQuality c : report.columns()) {
            for (String f : c.findings()) {
                if (!any) {
                    out.append("\nfindings:\n");
                    any = true;
                }
                out.append("  ").append(c.name()).append(": ").append(f).append('\n');
            }
        }
        return out.toString();
    }

    private static String describe(QualityReport.SliceSummary s) {
        return s.table() + (s.where() == null ? "" : " where " + s.where()) + " (" + s.rows() + " rows)";
    }

    private static String percent(Double share) {
        return share == null ? "" : String.format(Locale.ROOT, "%.1f%%", share * 100);
    }
}
