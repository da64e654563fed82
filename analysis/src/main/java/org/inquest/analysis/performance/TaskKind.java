package org.inquest.analysis.performance;

import java.util.Locale;

/** What kind of model the labels describe, which decides the metrics that make sense. */
public enum TaskKind {
    /** Labels 0/1 (or true/false); the score is the probability of class 1. */
    BINARY,
    /** More than two classes (or text classes); the prediction column holds the predicted class. */
    MULTICLASS,
    /** A continuous label; the prediction column (or the score) holds the predicted value. */
    REGRESSION;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
