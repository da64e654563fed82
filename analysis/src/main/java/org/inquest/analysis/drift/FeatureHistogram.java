package org.inquest.analysis.drift;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * The counts behind a feature's PSI and Jensen–Shannon, for charts and reports. Numerical: {@code edges} are the
 * distinct reference deciles and bin i is (edges[i−1], edges[i]] (the first bin starts at −∞, the last ends at
 * +∞), so there is one more count than edges. Categorical: one count per category, most frequent first, at most
 * {@link #MAX_CATEGORIES}; the rest are summed in {@code other_reference}/{@code other_current}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"edges", "categories", "reference", "current", "other_reference", "other_current"})
public record FeatureHistogram(
        List<Double> edges,
        List<String> categories,
        List<Long> reference,
        List<Long> current,
        @JsonProperty("other_reference") Long otherReference,
        @JsonProperty("other_current") Long otherCurrent) {
    public static final int MAX_CATEGORIES = 50;

    public static FeatureHistogram numerical(double[] edges, long[] reference, long[] current) {
        return new FeatureHistogram(java.util.Arrays.stream(edges).boxed().toList(), null, boxed(reference),
                boxed(current), null, null);
    }

    public static FeatureHistogram categorical(List<String> categories, long[] reference, long[] current) {
        Integer[] order = new Integer[categories.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, (a, b) -> Long.compare(reference[b] + current[b], reference[a] + current[a]));
        int shown = Math.min(MAX_CATEGORIES, order.length);
        List<String> names = new java.util.ArrayList<>();
        long[] ref = new long[shown];
        long[] cur = new long[shown];
        long otherRef = 0;
        long otherCur = 0;
        for (int i = 0; i < order.length; i++) {
            int k = order[i];
            if (i < shown) {
                names.add(categories.get(k));
                ref[i] = reference[k];
                cur[i] = current[k];
            } else {
                otherRef += reference[k];
                otherCur += current[k];
            }
        }
        return new FeatureHistogram(null, names, boxed(ref), boxed(cur), otherRef, otherCur);
    }

    private static List<Long> boxed(long[] values) {
        return java.util.Arrays.stream(values).boxed().toList();
    }
}
