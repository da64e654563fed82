package org.inquest.analysis.quality;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import java.util.Map;

/**
 * One column profiled on one slice. {@code min}/{@code max} are numbers for numeric columns, text
 * ({@code 2026-01-01 00:00:00}, UTC for zoned columns) for timestamps, null otherwise. {@code mean},
 * {@code std} (population standard deviation, ddof 0) and {@code quantiles} (linear interpolation, as numpy and
 * DuckDB's {@code quantile_cont}; keys {@code p05 p25 p50 p75 p95}) are for numeric columns; {@code top} lists the
 * most frequent categories of categorical columns (count descending, then value). Null values are left out of
 * every statistic except {@code nulls}.
 */
@JsonPropertyOrder({"rows", "nulls", "null_share", "distinct", "min", "max", "mean", "std", "quantiles", "top"})
public record ColumnStats(
        long rows,
        long nulls,
        @JsonProperty("null_share") double nullShare,
        Long distinct,
        Object min,
        Object max,
        @JsonInclude(JsonInclude.Include.NON_NULL) Double mean,
        @JsonInclude(JsonInclude.Include.NON_NULL) Double std,
        @JsonInclude(JsonInclude.Include.NON_NULL) Map<String, Double> quantiles,
        @JsonInclude(JsonInclude.Include.NON_NULL) List<CategoryCount> top) {

    /** A category and how often it occurs; {@code share} is of the slice's non-null values. */
    public record CategoryCount(String value, long count, double share) {
    }

    /** Non-null values. */
    public long values() {
        return rows - nulls;
    }

    ColumnStats withDistinct(Long distinctValues, Map<String, Double> valueQuantiles) {
        return new ColumnStats(rows, nulls, nullShare, distinctValues, min, max, mean, std, valueQuantiles, top);
    }

    ColumnStats withTop(List<CategoryCount> categories) {
        return new ColumnStats(rows, nulls, nullShare, distinct, min, max, mean, std, quantiles, categories);
    }
}
