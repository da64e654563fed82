package org.inquest.analysis.report.render;

import java.util.Locale;

/**
 * The one place text from the data becomes HTML: escaping and number formatting for the self-contained HTML
 * outputs (drift, report). Every string that comes from a table, a column name, a filter or a category goes
 * through {@link #escape}; markup is only ever built from constants.
 */
public final class Html {
    /** Shared inline stylesheet: the outputs fetch nothing and need no script. */
    public static final String STYLE = "body{font-family:system-ui,-apple-system,'Segoe UI',sans-serif;margin:2em;"
            + "color:#1f2328;max-width:90em}h1{font-size:1.5em}h2{font-size:1.2em;margin-top:1.5em}"
            + "table{border-collapse:collapse;margin:.5em 0}th,td{border:1px solid #d0d7de;padding:.25em .45em;"
            + "text-align:left;vertical-align:top}th{background:#f6f8fa}td.num{text-align:right;"
            + "font-variant-numeric:tabular-nums}.drift{color:#b42318;font-weight:600}.ok{color:#1a7f37}"
            + ".warn{color:#9a6700}.muted{color:#656d76}svg{display:block}td.brk{overflow-wrap:anywhere;"
            + "min-width:8em}td.prose{min-width:8em}code{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;"
            + "font-size:.9em}";

    /** Longer unbroken runs (hashes, paths) may wrap anywhere: otherwise one SHA-256 widens its table past the page. */
    static final int LONG_TOKEN = 24;

    private Html() {
    }

    /** Escapes the five characters that can change HTML structure, in text and in quoted attributes alike. */
    public static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    /**
     * Whether {@code text} holds a run of more than {@value #LONG_TOKEN} characters without a space: such a cell gets
     * class {@code brk} and wraps inside the run, so a table of hashes and file paths fits a 1366-px page. Other
     * cells keep whole words and numbers.
     */
    public static boolean hasLongToken(String text) {
        if (text == null) {
            return false;
        }
        int run = 0;
        for (int i = 0; i < text.length(); i++) {
            run = Character.isWhitespace(text.charAt(i)) ? 0 : run + 1;
            if (run > LONG_TOKEN) {
                return true;
            }
        }
        return false;
    }

    /** Sentences (a finding, a segment's explanation) keep a readable width beside many narrow columns. */
    public static boolean isProse(String text) {
        return text != null && text.length() > PROSE && text.indexOf(' ') >= 0;
    }

    static final int PROSE = 56;

    /** A number for people: up to 4 significant decimals, scientific for very small or large magnitudes. */
    public static String number(Double value) {
        if (value == null || value.isNaN()) {
            return "–";
        }
        double v = value;
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        double a = Math.abs(v);
        if (a != 0 && (a < 1e-4 || a >= 1e9)) {
            return String.format(Locale.ROOT, "%.3e", v);
        }
        String s = String.format(Locale.ROOT, "%.4f", v);
        return s.contains(".") ? s.replaceAll("0+$", "").replaceAll("\\.$", "") : s;
    }

    /** The opening of a self-contained page with the shared style, its title escaped. */
    public static String pageStart(String title) {
        return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + escape(title)
                + "</title><style>" + STYLE + "</style></head><body>\n";
    }

    public static String pageEnd() {
        return "</body></html>\n";
    }
}
