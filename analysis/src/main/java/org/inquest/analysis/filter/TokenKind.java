package org.inquest.analysis.filter;

/** The lexical classes of the filter language. Keywords are case-insensitive words with a kind of their own. */
public enum TokenKind {
    IDENTIFIER, QUOTED_IDENTIFIER, STRING, NUMBER,
    EQ("="), NE("!="), LT("<"), LE("<="), GT(">"), GE(">="),
    LPAREN("("), RPAREN(")"), LBRACKET("["), RBRACKET("]"), COMMA(","), MINUS("-"),
    AND("AND"), OR("OR"), NOT("NOT"), IN("IN"), BETWEEN("BETWEEN"), IS("IS"), NULL("NULL"), LIKE("LIKE"),
    TRUE("TRUE"), FALSE("FALSE"),
    EOF;

    private final String text;

    TokenKind() {
        this(null);
    }

    TokenKind(String text) {
        this.text = text;
    }

    /** The fixed spelling of a keyword or punctuation token (canonical form), null for the others. */
    public String text() {
        return text;
    }

    public boolean isKeyword() {
        return text != null && Character.isLetter(text.charAt(0));
    }

    /** The keyword spelled {@code word} (any case), or null when it is not a reserved word. */
    static TokenKind keyword(String word) {
        for (TokenKind k : values()) {
            if (k.isKeyword() && k.text.equalsIgnoreCase(word)) {
                return k;
            }
        }
        return null;
    }
}
