package org.inquest.analysis.report;

import java.util.function.Function;

/** The same thing computed on the reference slice and on the current slice. */
public record SidePair<T>(T reference, T current) {
    public <R> SidePair<R> map(Function<T, R> f) {
        return new SidePair<>(reference == null ? null : f.apply(reference), current == null ? null : f.apply(current));
    }
}
