package org.inquest.analysis.quality;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** How much a data-quality finding matters: ordered, so the worst of several is {@link #max}. */
public enum Severity {
    OK, WARNING, CRITICAL;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Severity max(Severity a, Severity b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    public static Severity fromWireName(String text) {
        for (Severity s : values()) {
            if (s.wireName().equalsIgnoreCase(text.trim())) {
                return s;
            }
        }
        throw new org.inquest.connectors.error.UsageException("unknown severity '" + text
                + "' (expected ok, warning or critical)");
    }
}
