package org.inquest.analysis.filter;

/**
 * Where a syntax-tree node was written: 0-based start offset and length in characters. Positions are where an
 * expression was said, not what it says, so tree comparisons that should ignore them use
 * {@link Expr#withoutPositions()}.
 */
public record Span(int start, int length) {
    /** The span of nodes that were built rather than parsed. */
    public static final Span NONE = new Span(0, 0);

    public int end() {
        return start + length;
    }

    /** The smallest span covering both. */
    public Span to(Span other) {
        int s = Math.min(start, other.start);
        int e = Math.max(end(), other.end());
        return new Span(s, e - s);
    }
}
