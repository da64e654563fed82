package org.inquest.connectors.catalog;

/**
 * A column of a user table as Inquest sees it. {@code featureKind} is set for features (and may be set for other
 * roles that can be profiled, e.g. {@code model_version} is categorical); null when it does not apply.
 */
public record ColumnInfo(String name, String sqlType, ColumnRole role, FeatureKind featureKind) {
    public boolean isFeature() {
        return role == ColumnRole.FEATURE;
    }

    public boolean isNumericType() {
        return SqlTypes.isNumeric(sqlType);
    }
}
