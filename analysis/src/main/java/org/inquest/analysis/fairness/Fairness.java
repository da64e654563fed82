package org.inquest.analysis.fairness;

import java.util.List;

/**
 * Between-group disparities of one sensitive attribute in one slice (fairlearn's {@code between_groups}
 * definitions over every group, including too-small ones, so numbers match fairlearn's). A difference is null when
 * fewer than two groups define the rate. {@code fourFifthsViolated}: the demographic parity ratio is under 0.8.
 */
public record Fairness(List<GroupRates> groups, Double demographicParityDifference, Double demographicParityRatio,
                       Double equalizedOddsDifference, Double equalOpportunityDifference,
                       boolean fourFifthsViolated) {
    public Fairness {
        groups = List.copyOf(groups);
    }
}
