package org.inquest.connectors.catalog;

import java.util.Locale;
import org.inquest.connectors.error.UsageException;

/** What a column means to an investigation (the contract's roles). */
public enum ColumnRole {
    ID, TIMESTAMP, MODEL_VERSION, SCORE, PREDICTION, LABEL, LATENCY_MS, TRACE_ID, FEATURE;

    /** The contract's spelling: {@code model_version}, {@code latency_ms}, … */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ColumnRole fromWireName(String text) {
        for (ColumnRole role : values()) {
            if (role.wireName().equalsIgnoreCase(text.trim())) {
                return role;
            }
        }
        throw new UsageException("unknown role '" + text + "' (expected one of id, timestamp, model_version, score,"
                + " prediction, label, latency_ms, trace_id, feature)");
    }
}
