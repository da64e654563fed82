package org.inquest.analysis.drift;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Map;

/**
 * One feature's drift verdict. {@code statistic} is the number compared with {@code threshold} (Evidently's
 * "drift score"): the p-value for ks, chisquare and z, the distance for wasserstein (normed), jensenshannon and
 * psi. {@code metrics} holds every statistic of the contract for the feature's kind. Null shares are the
 * fraction of each slice's rows where the feature is null; nulls are left out of every statistic.
 */
@JsonPropertyOrder({"name", "kind", "method", "statistic", "threshold", "drifted", "p_value", "reference_nulls",
        "current_nulls", "metrics", "reference_values", "current_values", "distinct", "approximate", "severe",
        "histogram", "warning"})
public record FeatureDrift(
        String name,
        String kind,
        DriftMethod method,
        Double statistic,
        Double threshold,
        boolean drifted,
        @JsonProperty("p_value") Double pValue,
        @JsonProperty("reference_nulls") double referenceNulls,
        @JsonProperty("current_nulls") double currentNulls,
        Map<String, Double> metrics,
        @JsonProperty("reference_values") long referenceValues,
        @JsonProperty("current_values") long currentValues,
        long distinct,
        boolean approximate,
        @JsonInclude(JsonInclude.Include.NON_NULL) Boolean severe,
        FeatureHistogram histogram,
        @JsonInclude(JsonInclude.Include.NON_NULL) String warning) {
}
