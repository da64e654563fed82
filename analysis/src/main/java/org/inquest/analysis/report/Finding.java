package org.inquest.analysis.report;

import org.inquest.analysis.quality.Severity;

/** One line of the report's summary: what changed, in a plain sentence, and how much it matters (the quality section's levels). */
public record Finding(Severity severity, String section, String text) {
}
