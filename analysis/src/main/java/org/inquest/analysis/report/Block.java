package org.inquest.analysis.report;

import java.util.List;

/**
 * One piece of the report document, in plain (unescaped) text. The HTML and Markdown renderers turn blocks into
 * their format and do all escaping there, so no section builds markup of its own.
 */
public sealed interface Block {
    record Heading(int level, String text) implements Block {
    }

    record Paragraph(String text) implements Block {
    }

    /** A paragraph of plain text and code (filters): code is shown exactly as written, escaped for HTML only. */
    record Text(List<Inline> parts) implements Block {
        public Text {
            parts = List.copyOf(parts);
        }
    }

    /** A run of a {@link Text} paragraph. */
    sealed interface Inline {
        String text();
    }

    record Plain(String text) implements Inline {
    }

    record InlineCode(String text) implements Inline {
    }

    record Findings(List<Finding> findings) implements Block {
    }

    record Bullets(List<String> items) implements Block {
    }

    /** A table; {@code numeric} marks right-aligned columns. */
    record Table(List<String> header, List<List<String>> rows, boolean[] numeric) implements Block {
    }

    /** A chart as ready SVG (built by SvgCharts, which escapes its labels); Markdown shows {@code alt} instead. */
    record Chart(String svg, String alt) implements Block {
    }

    record Code(String text) implements Block {
    }
}
