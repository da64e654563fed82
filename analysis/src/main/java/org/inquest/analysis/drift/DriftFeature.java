package org.inquest.analysis.drift;

import org.inquest.connectors.catalog.FeatureKind;

/** A column to compare, with the kind that decides which statistics apply. */
record DriftFeature(String name, FeatureKind kind) {
    boolean numerical() {
        return kind == FeatureKind.NUMERICAL;
    }
}
