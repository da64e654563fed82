package org.inquest.analysis.filter;

/** Comparison operators. {@code <>} and {@code !=} are the same operator; canonical text writes {@code !=}. */
public enum CompareOp {
    EQ("=", "="), NE("!=", "<>"), LT("<", "<"), LE("<=", "<="), GT(">", ">"), GE(">=", ">=");

    private final String text;
    private final String sql;

    CompareOp(String text, String sql) {
        this.text = text;
        this.sql = sql;
    }

    /** Canonical spelling. */
    public String text() {
        return text;
    }

    /** SQL spelling (a constant, never user text). */
    public String sql() {
        return sql;
    }

    public boolean isOrdering() {
        return this != EQ && this != NE;
    }

    static CompareOp of(TokenKind kind) {
        return switch (kind) {
            case EQ -> EQ;
            case NE -> NE;
            case LT -> LT;
            case LE -> LE;
            case GT -> GT;
            case GE -> GE;
            default -> null;
        };
    }
}
