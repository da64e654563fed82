package org.inquest.analysis.fairness;

/**
 * One group of a sensitive attribute, on its labeled rows with a predicted label. {@code tooSmall} marks groups
 * with fewer than {@link FairnessAnalyzer#MIN_GROUP_ROWS} such rows, whose rates are too noisy to act on.
 */
public record GroupRates(String group, long rows, Double selectionRate, Double tpr, Double fpr, Double accuracy,
                         boolean tooSmall) {
}
