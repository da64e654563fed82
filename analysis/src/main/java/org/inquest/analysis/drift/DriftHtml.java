package org.inquest.analysis.drift;

import static org.inquest.analysis.report.render.Html.escape;
import static org.inquest.analysis.report.render.Html.number;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.inquest.analysis.report.render.Html;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.Table;

/**
 * A drift result as one self-contained HTML page: inline CSS and SVG, no script, nothing fetched; every string
 * from the data is escaped by {@link Html#escape}.
 */
public final class DriftHtml {
    private static final int CHART_WIDTH = 260;
    private static final int CHART_HEIGHT = 60;

    private DriftHtml() {
    }

    public static String render(DriftResult r) {
        StringBuilder b = new StringBuilder(Html.pageStart("Drift: " + r.current().table() + " vs "
                + r.reference().table()));
        b.append("<h1>Drift</h1>\n<p>Reference: ").append(slice(r.reference())).append("<br>Current: ")
                .append(slice(r.current())).append("</p>\n<p>")
                .append(r.driftedCount()).append(" of ").append(r.features().size())
                .append(" features drifted (share ").append(number(r.driftShare())).append(", threshold ")
                .append(number(r.driftShareThreshold())).append("): ")
                .append(r.datasetDrift() ? "<span class=\"drift\">dataset drift</span>"
                        : "<span class=\"ok\">no dataset drift</span>")
                .append("</p>\n");
        b.append(section(r.features()));
        if (!r.schemaDifferences().isEmpty()) {
            b.append("<h2>Schema differences</h2>\n<table><tr><th>column</th><th>difference</th>"
                    + "<th>reference type</th><th>current type</th></tr>\n");
            for (DriftResult.SchemaDifference d : r.schemaDifferences()) {
                b.append("<tr><td>").append(escape(d.column())).append("</td><td>").append(escape(d.difference()))
                        .append("</td><td>").append(escape(d.referenceType())).append("</td><td>")
                        .append(escape(d.currentType())).append("</td></tr>\n");
            }
            b.append("</table>\n");
        }
        if (r.windows() != null) {
            b.append("<h2>Windows</h2>\n<table><tr><th>start</th><th>end</th><th>rows</th><th>drift share</th>"
                    + "<th>drifted features</th></tr>\n");
            for (DriftResult.DriftWindow w : r.windows()) {
                b.append("<tr><td>").append(escape(w.start())).append("</td><td>").append(escape(w.end()))
                        .append("</td><td class=\"num\">").append(w.rows()).append("</td><td class=\"num")
                        .append(w.datasetDrift() ? " drift" : "").append("\">").append(number(w.driftShare()))
                        .append("</td><td>").append(escape(String.join(", ", w.features().stream()
                                .filter(FeatureDrift::drifted).map(FeatureDrift::name).toList())))
                        .append(w.warning() == null ? "" : " <span class=\"warn\">(" + escape(w.warning()) + ")</span>")
                        .append("</td></tr>\n");
            }
            b.append("</table>\n");
            overTime(b, r);
        }
        if (!r.warnings().isEmpty()) {
            b.append("<h2>Warnings</h2>\n<ul>");
            for (String w : r.warnings()) {
                b.append("<li class=\"warn\">").append(escape(w)).append("</li>");
            }
            b.append("</ul>\n");
        }
        return b.append(Html.pageEnd()).toString();
    }

    /** The feature × window matrix of drift scores; drifted cells marked. */
    private static void overTime(StringBuilder b, DriftResult r) {
        Table scores = DriftFrames.overTime(r, DriftFrames.Cell.STATISTIC);
        Table flags = DriftFrames.overTime(r, DriftFrames.Cell.DRIFTED);
        if (scores.rowCount() == 0) {
            return;
        }
        b.append("<h2>Drift over time</h2>\n<p>Drift score of each feature in each window; drifted cells in red."
                + "</p>\n<table><tr><th>feature</th>");
        for (int c = 1; c < scores.columnCount(); c++) {
            b.append("<th>").append(escape(scores.column(c).name())).append("</th>");
        }
        b.append("</tr>\n");
        for (int row = 0; row < scores.rowCount(); row++) {
            b.append("<tr><td>").append(escape(scores.stringColumn(0).get(row))).append("</td>");
            for (int c = 1; c < scores.columnCount(); c++) {
                DoubleColumn score = scores.doubleColumn(c);
                boolean drifted = !flags.doubleColumn(c).isMissing(row) && flags.doubleColumn(c).getDouble(row) > 0;
                b.append("<td class=\"num").append(drifted ? " drift" : "").append("\">")
                        .append(score.isMissing(row) ? "–" : number(score.getDouble(row))).append("</td>");
            }
            b.append("</tr>\n");
        }
        b.append("</table>\n");
    }

    /** The features table, reusable by other pages (the report embeds it). */
    public static String section(List<FeatureDrift> features) {
        StringBuilder b = new StringBuilder("<h2>Features</h2>\n<table><tr><th>feature</th><th>kind</th>"
                + "<th>method</th><th>statistic</th><th>threshold</th><th>drifted</th><th>nulls (ref / cur)</th>"
                + "<th>metrics</th><th>distribution (reference grey, current red)</th></tr>\n");
        for (FeatureDrift f : features) {
            b.append("<tr><td>").append(escape(f.name())).append("</td><td>").append(escape(f.kind()))
                    .append("</td><td>").append(f.method() == null ? "–" : escape(f.method().wireName()))
                    .append("</td><td class=\"num\">").append(number(f.statistic()))
                    .append("</td><td class=\"num\">").append(number(f.threshold())).append("</td><td")
                    .append(f.drifted() ? " class=\"drift\">yes" : " class=\"ok\">no").append("</td><td class=\"num\">")
                    .append(number(f.referenceNulls())).append(" / ").append(number(f.currentNulls()))
                    .append("</td><td>").append(metrics(f.metrics()))
                    .append(f.warning() == null ? "" : "<div class=\"warn\">" + escape(f.warning()) + "</div>")
                    .append("</td><td>").append(chart(f.histogram())).append("</td></tr>\n");
        }
        return b.append("</table>\n").toString();
    }

    private static String metrics(Map<String, Double> metrics) {
        StringBuilder b = new StringBuilder();
        for (Map.Entry<String, Double> e : metrics.entrySet()) {
            b.append("<div><span class=\"muted\">").append(escape(e.getKey())).append("</span> ")
                    .append(number(e.getValue())).append("</div>");
        }
        return b.toString();
    }

    /** Paired bars of each bin's share in the reference and in the current slice. */
    static String chart(FeatureHistogram h) {
        if (h == null || h.reference().isEmpty()) {
            return "";
        }
        double refTotal = total(h.reference()) + (h.otherReference() == null ? 0 : h.otherReference());
        double curTotal = total(h.current()) + (h.otherCurrent() == null ? 0 : h.otherCurrent());
        int bins = h.reference().size();
        double max = 0;
        for (int i = 0; i < bins; i++) {
            max = Math.max(max, Math.max(share(h.reference().get(i), refTotal), share(h.current().get(i), curTotal)));
        }
        double slot = (double) CHART_WIDTH / bins;
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT,
                "<svg width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" role=\"img\">", CHART_WIDTH, CHART_HEIGHT,
                CHART_WIDTH, CHART_HEIGHT));
        for (int i = 0; i < bins; i++) {
            double ref = share(h.reference().get(i), refTotal);
            double cur = share(h.current().get(i), curTotal);
            String label = h.categories() != null ? h.categories().get(i) : binLabel(h.edges(), i);
            bar(b, i * slot, slot / 2, ref, max, "#8c959f", label + ": reference " + number(ref));
            bar(b, i * slot + slot / 2, slot / 2, cur, max, "#cf222e", label + ": current " + number(cur));
        }
        return b.append("</svg>").toString();
    }

    private static void bar(StringBuilder b, double x, double width, double share, double max, String color,
            String title) {
        double height = max == 0 ? 0 : share / max * (CHART_HEIGHT - 2);
        b.append(String.format(Locale.ROOT,
                "<rect x=\"%.2f\" y=\"%.2f\" width=\"%.2f\" height=\"%.2f\" fill=\"%s\"><title>", x,
                CHART_HEIGHT - height, Math.max(0.5, width - 0.5), height, color))
                .append(escape(title)).append("</title></rect>");
    }

    private static String binLabel(List<Double> edges, int i) {
        String lo = i == 0 ? "-inf" : number(edges.get(i - 1));
        String hi = i == edges.size() ? "+inf" : number(edges.get(i));
        return "(" + lo + ", " + hi + "]";
    }

    private static double share(long count, double total) {
        return total == 0 ? 0 : count / total;
    }

    private static double total(List<Long> counts) {
        return counts.stream().mapToLong(Long::longValue).sum();
    }

    private static String slice(DriftResult.SliceSummary s) {
        return "<b>" + escape(s.table()) + "</b>" + (s.where() == null ? "" : " where <code>" + escape(s.where())
                + "</code>") + ", " + s.rows() + " rows";
    }
}
