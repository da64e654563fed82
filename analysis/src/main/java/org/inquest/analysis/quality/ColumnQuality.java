package org.inquest.analysis.quality;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * One column compared across the two slices. {@code kind}: {@code numerical}, {@code categorical},
 * {@code temporal}, {@code identifier} (id and trace id roles: no category or range checks) or {@code other}
 * (nested types: nulls only). A side is null when the column is missing from that slice. {@code newCategories}
 * lists up to {@link DataQuality#MAX_NEW_CATEGORIES} current values absent from the reference (most frequent
 * first; {@code newCategoryCount} counts them all, {@code newCategoryRows} their current rows);
 * {@code outOfRange} counts current values outside the reference [min, max] (numeric columns only).
 */
@JsonPropertyOrder({"name", "kind", "reference_type", "current_type", "reference", "current", "new_categories",
    "new_category_count", "new_category_rows", "out_of_range", "out_of_range_share", "null_share_change", "severity",
    "findings"})
public record ColumnQuality(
        String name,
        String kind,
        @JsonProperty("reference_type") String referenceType,
        @JsonProperty("current_type") String currentType,
        ColumnStats reference,
        ColumnStats current,
        @JsonProperty("new_categories") List<String> newCategories,
        @JsonProperty("new_category_count") Long newCategoryCount,
        @JsonProperty("new_category_rows") Long newCategoryRows,
        @JsonProperty("out_of_range") Long outOfRange,
        @JsonProperty("out_of_range_share") Double outOfRangeShare,
        @JsonProperty("null_share_change") Double nullShareChange,
        Severity severity,
        @JsonInclude(JsonInclude.Include.ALWAYS) List<String> findings) {
}
