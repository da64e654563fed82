package org.inquest.app.cli;

import org.inquest.analysis.traces.TraceFilter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The filters every trace command shares: which spans ({@code --where}), which traces ({@code --trace-where}) and
 * which linked predictions ({@code --predictions}, {@code --prediction-where}). All three are filter-language
 * expressions, compiled to parameterised SQL ({@link TraceFilter}).
 */
final class TraceFilterOptions {
    @Option(names = "--where", paramLabel = "EXPR",
            description = "Only spans matching this filter: span columns and attributes, e.g."
                    + " \"service = 'api' AND status = 2\" or \"attributes['db.system'] = 'redis'\".")
    String where;

    @Option(names = "--trace-where", paramLabel = "EXPR",
            description = "Only traces having at least one span matching this filter (all their spans count),"
                    + " e.g. \"attributes['http.route'] = '/v1/score'\".")
    String traceWhere;

    @Option(names = "--predictions", paramLabel = "TABLE",
            description = "Only traces linked (by the link saved with inquest link, else the trace_id role) to a"
                    + " row of this predictions table...")
    String predictions;

    @Option(names = "--prediction-where", paramLabel = "EXPR",
            description = "...matching this filter on the predictions (e.g. \"channel = 'mobile'\","
                    + " \"prediction != label\").")
    String predictionWhere;

    @Mixin
    TraceLinkOptions link = new TraceLinkOptions();

    TraceFilter filter() {
        return new TraceFilter(where, traceWhere, predictions, predictionWhere, link.link());
    }
}
