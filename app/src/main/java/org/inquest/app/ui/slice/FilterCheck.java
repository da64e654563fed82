package org.inquest.app.ui.slice;

/**
 * The outcome of checking filter text against a table: valid (with its canonical text) or the fault's 0-based
 * position, length and message, which the filter field underlines.
 */
public record FilterCheck(boolean valid, String canonical, int position, int length, String message) {
    public static FilterCheck ok(String canonical) {
        return new FilterCheck(true, canonical, -1, 0, "");
    }

    public static FilterCheck fault(int position, int length, String message) {
        return new FilterCheck(false, null, position, Math.max(1, length), message);
    }
}
