package org.inquest.analysis.report.render;

import java.util.List;
import java.util.Locale;

/**
 * The report's charts as inline SVG: grouped bars (reference vs current, for histograms and per-group rates) and
 * the reliability diagram. Plain SVG elements only — no script, no external font or image — and every label from
 * the data is escaped with {@link Html#escape}. The workbench draws the same data with JavaFX.
 */
public final class SvgCharts {
    public static final String REFERENCE_COLOR = "#8c959f";
    public static final String CURRENT_COLOR = "#0969da";
    private static final int MAX_LABEL = 14;

    private SvgCharts() {
    }

    /**
     * Bars for {@code reference[i]} and {@code current[i]} side by side above {@code labels[i]}, the y axis from 0
     * to the largest value (or {@code yMax} when positive).
     */
    public static String groupedBars(String title, List<String> labels, double[] reference, double[] current,
                                     double yMax, String yFormat) {
        int n = labels.size();
        int width = Math.max(320, Math.min(900, 60 + n * 36));
        int height = 214;
        int left = 48;
        int right = 10;
        int top = 36; // the title, then the legend on a line of its own (beside a long title it overlapped it)
        int bottom = 46;
        double plotW = width - left - right;
        double plotH = height - top - bottom;
        double max = yMax;
        for (int i = 0; i < n; i++) {
            max = Math.max(max, Math.max(reference[i], current[i]));
        }
        if (max <= 0) {
            max = 1;
        }
        StringBuilder s = start(width, height, title);
        s.append(text(left, 14, "start", title, "font-weight:600"));
        legend(s, left, 20);
        axes(s, left, top, plotW, plotH);
        s.append(text(left - 4, top + 4, "end", format(yFormat, max), null));
        s.append(text(left - 4, top + plotH, "end", format(yFormat, 0), null));
        double slot = plotW / Math.max(1, n);
        double bar = Math.max(1, slot * 0.38);
        int every = Math.max(1, (int) Math.ceil(n / (plotW / 40)));
        for (int i = 0; i < n; i++) {
            double x = left + i * slot + slot * 0.1;
            rect(s, x, top + plotH - plotH * reference[i] / max, bar, plotH * reference[i] / max, REFERENCE_COLOR,
                    labels.get(i) + " reference: " + format(yFormat, reference[i]));
            rect(s, x + bar, top + plotH - plotH * current[i] / max, bar, plotH * current[i] / max, CURRENT_COLOR,
                    labels.get(i) + " current: " + format(yFormat, current[i]));
            if (i % every == 0) {
                s.append(text(left + i * slot + slot / 2, top + plotH + 14, "middle", shorten(labels.get(i)), null));
            }
        }
        return s.append("</svg>").toString();
    }

    /** The reliability diagram: mean predicted (x) against fraction positive (y), the diagonal for reference. */
    public static String reliability(String title, double[][] reference, double[][] current) {
        int size = 280;
        int left = 40;
        int top = 24;
        double plot = size - left - 16;
        StringBuilder s = start(size, size + 20, title);
        s.append(text(left, 14, "start", title, "font-weight:600"));
        axes(s, left, top, plot, plot);
        s.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#d0d7de\""
                + " stroke-dasharray=\"4 3\"/>", (double) left, top + plot, left + plot, (double) top));
        for (int k = 0; k <= 4; k++) {
            double v = k / 4.0;
            s.append(text(left + plot * v, top + plot + 14, "middle", format("%.2f", v), null));
            s.append(text(left - 4, top + plot - plot * v + 4, "end", format("%.2f", v), null));
        }
        s.append(text(left + plot / 2, top + plot + 30, "middle", "mean predicted", null));
        series(s, reference, left, top, plot, REFERENCE_COLOR, "reference");
        series(s, current, left, top, plot, CURRENT_COLOR, "current");
        legend(s, left + 8, top + 4);
        return s.append("</svg>").toString();
    }

    private static void series(StringBuilder s, double[][] points, double left, double top, double plot, String color,
                               String name) {
        if (points.length == 0) {
            return;
        }
        StringBuilder path = new StringBuilder();
        for (double[] p : points) {
            path.append(String.format(Locale.ROOT, "%.1f,%.1f ", left + plot * p[0], top + plot - plot * p[1]));
        }
        s.append("<polyline fill=\"none\" stroke=\"").append(color).append("\" stroke-width=\"1.5\" points=\"")
                .append(path.toString().trim()).append("\"/>");
        for (double[] p : points) {
            s.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3\" fill=\"%s\"><title>%s",
                    left + plot * p[0], top + plot - plot * p[1], color, name));
            s.append(Html.escape(String.format(Locale.ROOT, ": predicted %.3f, observed %.3f", p[0], p[1])))
                    .append("</title></circle>");
        }
    }

    private static StringBuilder start(int width, int height, String title) {
        return new StringBuilder(2048).append("<svg width=\"").append(width)
                .append("\" height=\"").append(height).append("\" viewBox=\"0 0 ").append(width).append(' ')
                .append(height).append("\" role=\"img\" aria-label=\"").append(Html.escape(title))
                .append("\" font-family=\"sans-serif\" font-size=\"10\">");
    }

    private static void axes(StringBuilder s, double left, double top, double w, double h) {
        s.append(String.format(Locale.ROOT, "<path d=\"M%.1f %.1fV%.1fH%.1f\" fill=\"none\" stroke=\"#656d76\"/>",
                left, top, top + h, left + w));
    }

    private static void legend(StringBuilder s, double x, double y) {
        s.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"10\" height=\"10\" fill=\"%s\"/>",
                x, y, REFERENCE_COLOR));
        s.append(text(x + 14, y + 9, "start", "reference", null));
        s.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"10\" height=\"10\" fill=\"%s\"/>",
                x + 80, y, CURRENT_COLOR));
        s.append(text(x + 94, y + 9, "start", "current", null));
    }

    private static void rect(StringBuilder s, double x, double y, double w, double h, String color, String tip) {
        s.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\">",
                x, y, w, Math.max(0, h), color)).append("<title>").append(Html.escape(tip)).append("</title></rect>");
    }

    private static String text(double x, double y, String anchor, String content, String style) {
        return String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\"%s>", x, y, anchor,
                style == null ? "" : " style=\"" + style + "\"") + Html.escape(content) + "</text>";
    }

    private static String shorten(String label) {
        return label.length() <= MAX_LABEL ? label : label.substring(0, MAX_LABEL - 1) + "…";
    }

    private static String format(String pattern, double v) {
        return String.format(Locale.ROOT, pattern, v);
    }
}
