package org.inquest.analysis.report.render;

/** Markdown helpers for outputs pasted into postmortem documents. */
public final class Markdown {
    private Markdown() {
    }

    /** Escapes text for a table cell: pipes and backslashes are escaped, newlines become spaces. */
    public static String cell(String text) {
        if (text == null) {
            return "";
        }
        return text.replace("\\", "\\\\").replace("|", "\\|").replace("\r", " ").replace("\n", " ")
                .replace("`", "\\`").replace("*", "\\*").replace("_", "\\_").replace("<", "&lt;");
    }
}
