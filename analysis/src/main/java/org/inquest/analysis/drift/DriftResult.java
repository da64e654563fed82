package org.inquest.analysis.drift;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * The drift of a current slice against a reference slice: the contract's JSON object, field for field, plus
 * schema differences, warnings and (with {@code --by}) per-window results.
 */
@JsonPropertyOrder({"reference", "current", "drift_share", "drift_share_threshold", "dataset_drift", "features",
        "schema_differences", "warnings", "windows"})
public record DriftResult(
        SliceSummary reference,
        SliceSummary current,
        @JsonProperty("drift_share") double driftShare,
        @JsonProperty("drift_share_threshold") double driftShareThreshold,
        @JsonProperty("dataset_drift") boolean datasetDrift,
        List<FeatureDrift> features,
        @JsonProperty("schema_differences") List<SchemaDifference> schemaDifferences,
        List<String> warnings,
        @JsonInclude(JsonInclude.Include.NON_NULL) List<DriftWindow> windows) {

    public DriftResult {
        features = List.copyOf(features);
        schemaDifferences = List.copyOf(schemaDifferences);
        warnings = List.copyOf(warnings);
        windows = windows == null ? null : List.copyOf(windows);
    }

    public DriftResult withWindows(List<DriftWindow> newWindows, List<String> extraWarnings) {
        List<String> all = new java.util.ArrayList<>(warnings);
        all.addAll(extraWarnings);
        return new DriftResult(reference, current, driftShare, driftShareThreshold, datasetDrift, features,
                schemaDifferences, all, newWindows);
    }

    public long driftedCount() {
        return features.stream().filter(FeatureDrift::drifted).count();
    }

    /** A slice as the output names it: its table, its filter's canonical text (or null) and its row count. */
    @JsonPropertyOrder({"table", "where", "rows"})
    public record SliceSummary(String table, String where, long rows) {
    }

    /**
     * A column that is not comparable as it stands: {@code missing_in_current}, {@code missing_in_reference} or
     * {@code type_changed} (still compared, as categorical when the kinds differ).
     */
    @JsonPropertyOrder({"column", "difference", "reference_type", "current_type"})
    public record SchemaDifference(String column, String difference,
            @JsonProperty("reference_type") String referenceType,
            @JsonProperty("current_type") String currentType) {
    }

    /** One window of the current slice compared with the whole reference. */
    @JsonPropertyOrder({"start", "end", "rows", "drift_share", "dataset_drift", "features", "warning"})
    public record DriftWindow(String start, String end, long rows,
            @JsonProperty("drift_share") double driftShare,
            @JsonProperty("dataset_drift") boolean datasetDrift,
            List<FeatureDrift> features,
            @JsonInclude(JsonInclude.Include.NON_NULL) String warning) {
    }
}
