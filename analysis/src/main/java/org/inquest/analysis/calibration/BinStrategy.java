package org.inquest.analysis.calibration;

import java.util.Locale;
import org.inquest.connectors.error.UsageException;

/** How the reliability diagram's bins are cut: equal width on [0, 1], or equal mass (score deciles). */
public enum BinStrategy {
    UNIFORM, QUANTILE;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static BinStrategy fromWireName(String text) {
        for (BinStrategy s : values()) {
            if (s.wireName().equalsIgnoreCase(text.trim())) {
                return s;
            }
        }
        throw new UsageException("unknown --calibration-bins '" + text + "' (expected uniform or quantile)");
    }
}
