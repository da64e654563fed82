package org.inquest.analysis.drift;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import org.inquest.connectors.error.UsageException;

/**
 * How a feature is judged drifted. {@link #AUTO} picks one per feature by Evidently's rule (see
 * {@link MethodSelector}); the others force it. For p-value methods the feature drifts when the p-value falls below
 * the threshold (KS: at or below, as Evidently); for distance methods when the distance reaches it.
 */
public enum DriftMethod {
    AUTO(Double.NaN, false),
    KS(0.05, true),
    PSI(0.1, false),
    WASSERSTEIN(0.1, false),
    JENSENSHANNON(0.1, false),
    CHISQUARE(0.05, true),
    Z(0.05, true);

    /** PSI at or above this is reported as severe drift. */
    public static final double PSI_SEVERE = 0.25;

    private final double defaultThreshold;
    private final boolean pValue;

    DriftMethod(double defaultThreshold, boolean pValue) {
        this.defaultThreshold = defaultThreshold;
        this.pValue = pValue;
    }

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public double defaultThreshold() {
        return defaultThreshold;
    }

    /** Whether the statistic is a p-value (small means drift) rather than a distance (large means drift). */
    public boolean isPValue() {
        return pValue;
    }

    /** The decision rule: Evidently's comparison for each method. */
    public boolean drifted(double statistic, double threshold) {
        return switch (this) {
            case KS -> statistic <= threshold;
            case CHISQUARE, Z -> statistic < threshold;
            case PSI, WASSERSTEIN, JENSENSHANNON -> statistic >= threshold;
            case AUTO -> throw new IllegalStateException("auto is resolved per feature before deciding");
        };
    }

    public static DriftMethod fromWireName(String text) {
        for (DriftMethod m : values()) {
            if (m.wireName().equalsIgnoreCase(text.trim())) {
                return m;
            }
        }
        throw new UsageException("unknown drift method '" + text + "' (expected one of "
                + Arrays.stream(values()).map(DriftMethod::wireName).collect(Collectors.joining(", ")) + ")");
    }
}
