package org.inquest.analysis.filter;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Left-deep chains of one operator ({@code a AND b AND c} parses as {@code ((a AND b) AND c)}), walked with a loop
 * rather than recursion so that a filter with many conditions cannot overflow the stack in the tree walkers.
 */
final class Chains {
    private Chains() {
    }

    /** The chain's nodes of {@code e}'s class, innermost first: {@code [(a AND b), ((a AND b) AND c)]}. */
    static List<Expr> nodes(Expr e) {
        List<Expr> nodes = new ArrayList<>();
        Class<?> kind = e.getClass();
        Expr current = e;
        while (current.getClass() == kind) {
            nodes.add(current);
            current = left(current);
        }
        Collections.reverse(nodes);
        return nodes;
    }

    static Expr left(Expr e) {
        return e instanceof Expr.And and ? and.left() : ((Expr.Or) e).left();
    }

    static Expr right(Expr e) {
        return e instanceof Expr.And and ? and.right() : ((Expr.Or) e).right();
    }
}
