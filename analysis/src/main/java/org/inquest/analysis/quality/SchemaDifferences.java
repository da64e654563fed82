package org.inquest.analysis.quality;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * Columns that are not the same in both slices: {@code missing} from the current slice, {@code added} in it, or
 * with a {@code typeChanged}.
 */
public record SchemaDifferences(List<Column> missing, List<Column> added,
                                @JsonProperty("type_changed") List<TypeChange> typeChanged) {
    public SchemaDifferences {
        missing = List.copyOf(missing);
        added = List.copyOf(added);
        typeChanged = List.copyOf(typeChanged);
    }

    public record Column(String name, String type) {
    }

    public record TypeChange(String name, @JsonProperty("reference_type") String referenceType,
                             @JsonProperty("current_type") String currentType, Severity severity) {
    }

    public boolean isEmpty() {
        return missing.isEmpty() && added.isEmpty() && typeChanged.isEmpty();
    }
}
