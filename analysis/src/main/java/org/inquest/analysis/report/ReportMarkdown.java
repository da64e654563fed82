package org.inquest.analysis.report;

import java.util.List;
import org.inquest.analysis.report.render.Markdown;

/**
 * The report as Markdown that reads well pasted into a postmortem document: headings, severity-tagged bullets,
 * pipe tables, the reproduce command in a code block. Charts are left to the HTML report.
 */
public final class ReportMarkdown {
    private ReportMarkdown() {
    }

    public static String render(Report report) {
        return render(ReportDocument.of(report));
    }

    static String render(List<Block> blocks) {
        StringBuilder b = new StringBuilder();
        for (Block block : blocks) {
            if (block instanceof Block.Heading h) {
                b.append("#".repeat(h.level())).append(' ').append(inline(h.text())).append("\n\n");
            } else if (block instanceof Block.Paragraph p) {
                b.append(inline(p.text())).append("\n\n");
            } else if (block instanceof Block.Text t) {
                t.parts().forEach(part -> b.append(part instanceof Block.InlineCode c ? Markdown.code(c.text())
                        : inline(part.text())));
                b.append("\n\n");
            } else if (block instanceof Block.Findings f) {
                for (Finding finding : f.findings()) {
                    b.append("- **").append(finding.severity().wireName()).append("** ")
                            .append(inline(finding.text())).append('\n');
                }
                b.append('\n');
            } else if (block instanceof Block.Bullets list) {
                int n = 1;
                for (String item : list.items()) {
                    b.append(n++).append(". ").append(inline(item)).append('\n');
                }
                b.append('\n');
            } else if (block instanceof Block.Table t) {
                b.append('|');
                t.header().forEach(h -> b.append(' ').append(Markdown.cell(h)).append(" |"));
                b.append("\n|");
                for (int i = 0; i < t.header().size(); i++) {
                    b.append(i < t.numeric().length && t.numeric()[i] ? " ---: |" : " --- |");
                }
                b.append('\n');
                for (List<String> row : t.rows()) {
                    b.append('|');
                    row.forEach(cell -> b.append(' ').append(Markdown.cell(cell)).append(" |"));
                    b.append('\n');
                }
                b.append('\n');
            } else if (block instanceof Block.Code c) {
                String fence = c.text().contains("```") ? "~~~~" : "```";
                b.append(fence).append("sh\n").append(c.text()).append('\n').append(fence).append("\n\n");
            }
        }
        return b.toString();
    }

    /** Running text: the table-cell escaping also keeps emphasis and HTML from being read into data. */
    private static String inline(String text) {
        return Markdown.cell(text);
    }
}
