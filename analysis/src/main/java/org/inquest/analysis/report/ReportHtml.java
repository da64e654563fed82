package org.inquest.analysis.report;

import static org.inquest.analysis.report.render.Html.escape;

import java.util.List;
import org.inquest.analysis.report.render.Html;

/**
 * The report as one self-contained HTML file: the shared inline stylesheet, inline SVG charts, no script and no
 * reference to anything outside the file. Every text from the data is escaped here (or by SvgCharts for chart
 * labels).
 */
public final class ReportHtml {
    private static final String EXTRA_STYLE = "<style>.sev{display:inline-block;min-width:5.5em;font-weight:600}"
            + ".sev-critical{color:#b42318}.sev-warning{color:#9a6700}.sev-ok{color:#1a7f37}"
            + "pre{background:#f6f8fa;padding:.6em;white-space:pre-wrap;word-break:break-all}"
            + ".charts{display:flex;flex-wrap:wrap;gap:1em}</style>\n";

    private ReportHtml() {
    }

    public static String render(Report report) {
        return render(ReportDocument.of(report), ReportDocument.title(report));
    }

    static String render(List<Block> blocks, String title) {
        StringBuilder b = new StringBuilder(Html.pageStart(title));
        b.append(EXTRA_STYLE);
        boolean inCharts = false;
        for (Block block : blocks) {
            boolean chart = block instanceof Block.Chart;
            if (chart && !inCharts) {
                b.append("<div class=\"charts\">");
                inCharts = true;
            } else if (!chart && inCharts) {
                b.append("</div>\n");
                inCharts = false;
            }
            block(b, block);
        }
        if (inCharts) {
            b.append("</div>\n");
        }
        return b.append(Html.pageEnd()).toString();
    }

    private static void block(StringBuilder b, Block block) {
        if (block instanceof Block.Heading h) {
            b.append("<h").append(h.level()).append('>').append(escape(h.text())).append("</h").append(h.level())
                    .append(">\n");
        } else if (block instanceof Block.Paragraph p) {
            b.append("<p>").append(escape(p.text())).append("</p>\n");
        } else if (block instanceof Block.Text t) {
            b.append("<p>");
            t.parts().forEach(part -> b.append(part instanceof Block.InlineCode c
                    ? "<code>" + escape(c.text()) + "</code>" : escape(part.text())));
            b.append("</p>\n");
        } else if (block instanceof Block.Findings f) {
            b.append("<ul>");
            for (Finding finding : f.findings()) {
                String sev = finding.severity().wireName();
                b.append("<li><span class=\"sev sev-").append(sev).append("\">").append(sev).append("</span> ")
                        .append(escape(finding.text())).append("</li>");
            }
            b.append("</ul>\n");
        } else if (block instanceof Block.Bullets list) {
            b.append("<ol>");
            list.items().forEach(item -> b.append("<li>").append(escape(item)).append("</li>"));
            b.append("</ol>\n");
        } else if (block instanceof Block.Table t) {
            b.append("<table><tr>");
            t.header().forEach(h -> b.append("<th>").append(escape(h)).append("</th>"));
            b.append("</tr>\n");
            for (List<String> row : t.rows()) {
                b.append("<tr>");
                for (int i = 0; i < row.size(); i++) {
                    boolean num = i < t.numeric().length && t.numeric()[i];
                    String cell = row.get(i);
                    b.append(num ? "<td class=\"num\">" : Html.hasLongToken(cell) ? "<td class=\"brk\">"
                            : Html.isProse(cell) ? "<td class=\"prose\">" : "<td>")
                            .append(escape(cell)).append("</td>");
                }
                b.append("</tr>\n");
            }
            b.append("</table>\n");
        } else if (block instanceof Block.Chart c) {
            b.append("<figure>").append(c.svg()).append("</figure>");
        } else if (block instanceof Block.Code c) {
            b.append("<pre>").append(escape(c.text())).append("</pre>\n");
        }
    }
}
