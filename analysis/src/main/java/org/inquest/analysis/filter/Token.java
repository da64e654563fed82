package org.inquest.analysis.filter;

/**
 * One lexical token. {@code value} is the decoded content (an identifier without its quotes, a string literal
 * without quotes and with doubled quotes undone); {@code position}/{@code length} cover the raw source text.
 */
public record Token(TokenKind kind, String value, int position, int length) {
    public Span span() {
        return new Span(position, length);
    }

    /** How the token reads in an error message. */
    String describe() {
        return switch (kind) {
            case EOF -> "end of input";
            case STRING -> "'" + value + "'";
            case QUOTED_IDENTIFIER -> "\"" + value + "\"";
            case IDENTIFIER, NUMBER -> value;
            default -> kind.text();
        };
    }
}
