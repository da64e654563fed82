package org.inquest.analysis.filter;

import org.inquest.connectors.error.UsageException;

/**
 * A filter expression that cannot be used (exit 2): it does not parse, names an unknown column, or compares values
 * of the wrong type. {@link #position()} is the 0-based character offset of the fault and {@link #length()} the
 * number of characters to underline (at least 1), so the workbench's filter bar can mark the exact spot; the
 * message says the same thing 1-based, for people.
 */
public class FilterSyntaxException extends UsageException {
    /** What went wrong, so callers (completion, the filter bar) can react without parsing messages. */
    public enum Problem {
        /** The text is empty or blank. */
        EMPTY,
        /** A token that does not fit the grammar where it stands (including unexpected end of input). */
        SYNTAX,
        /** A character that can start no token (e.g. {@code ;} or a typographic quote). */
        BAD_CHARACTER,
        /** A string literal whose closing {@code '} is missing. */
        UNTERMINATED_STRING,
        /** A quoted column name whose closing {@code "} is missing. */
        UNTERMINATED_IDENTIFIER,
        /** A literal that is malformed in itself (a number too large, an invalid timestamp). */
        BAD_LITERAL,
        /** A column the table does not have. */
        UNKNOWN_COLUMN,
        /** Values or operators that do not fit the column's type. */
        TYPE_MISMATCH
    }

    private final Problem problem;
    private final int position;
    private final int length;
    private final String detail;

    public FilterSyntaxException(Problem problem, int position, int length, String detail) {
        this(problem, position, length, detail, "invalid filter");
    }

    private FilterSyntaxException(Problem problem, int position, int length, String detail, String context) {
        super(context + " at position " + (position + 1) + ": " + detail);
        this.problem = problem;
        this.position = position;
        this.length = Math.max(1, length);
        this.detail = detail;
    }

    /** 0-based offset of the first character at fault. */
    public int position() {
        return position;
    }

    /** Characters to underline from {@link #position()}; at least 1 (end of input underlines one blank). */
    public int length() {
        return length;
    }

    public Problem problem() {
        return problem;
    }

    /** The message without the "invalid filter at position N" prefix. */
    public String detail() {
        return detail;
    }

    /**
     * The same fault, with the message naming where the filter came from, e.g. {@code --current-where}, so a
     * command line user knows which of two filters is wrong.
     */
    public FilterSyntaxException in(String source) {
        return new FilterSyntaxException(problem, position, length, detail, "invalid " + source);
    }
}
