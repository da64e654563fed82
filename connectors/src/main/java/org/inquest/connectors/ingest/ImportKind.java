package org.inquest.connectors.ingest;

import java.util.Locale;
import org.inquest.connectors.error.UsageException;

/** What an imported dataset is: prediction logs, a training/feature snapshot, or request traces. */
public enum ImportKind {
    PREDICTIONS, SNAPSHOT, TRACES;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ImportKind fromWireName(String text) {
        for (ImportKind kind : values()) {
            if (kind.wireName().equalsIgnoreCase(text.trim())) {
                return kind;
            }
        }
        throw new UsageException("unknown kind '" + text + "' (expected predictions, snapshot or traces)");
    }
}
