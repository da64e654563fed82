package org.inquest.analysis.report.render;

/** Markdown helpers for outputs pasted into postmortem documents. */
public final class Markdown {
    private Markdown() {
    }

    /**
     * Escapes text for a table cell or running text: pipes and backslashes are escaped, newlines become spaces, and
     * {@code <} becomes {@code &lt;} so a value such as {@code <img onerror=…>} stays text when the Markdown is
     * turned into HTML.
     */
    public static String cell(String text) {
        if (text == null) {
            return "";
        }
        return text.replace("\\", "\\\\").replace("|", "\\|").replace("\r", " ").replace("\n", " ")
                .replace("`", "\\`").replace("*", "\\*").replace("_", "\\_").replace("<", "&lt;");
    }

    /**
     * Text as a code span, for running text such as a filter: shown exactly as typed ({@code timestamp < '2026-09-18'},
     * not {@code &lt;}) because nothing inside a code span is read as Markdown or HTML — an entity there would be
     * shown as written. The fence is one backtick longer than the longest run inside; a space pads text that starts
     * or ends with a backtick; newlines become spaces.
     */
    public static String code(String text) {
        String t = text == null ? "" : text.replace("\r", " ").replace("\n", " ");
        int longest = 0;
        int run = 0;
        for (int i = 0; i < t.length(); i++) {
            run = t.charAt(i) == '`' ? run + 1 : 0;
            longest = Math.max(longest, run);
        }
        String fence = "`".repeat(longest + 1);
        String pad = t.startsWith("`") || t.endsWith("`") ? " " : "";
        return fence + pad + t + pad + fence;
    }
}
