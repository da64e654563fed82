package org.inquest.connectors.catalog;

import java.util.Locale;

/** How a feature is compared: numerical features by distributions, categorical ones by category shares. */
public enum FeatureKind {
    NUMERICAL, CATEGORICAL;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static FeatureKind fromWireName(String text) {
        return valueOf(text.trim().toUpperCase(Locale.ROOT));
    }
}
