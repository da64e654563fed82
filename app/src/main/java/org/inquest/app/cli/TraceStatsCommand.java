package org.inquest.app.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.inquest.analysis.slice.SliceResolver;
import org.inquest.analysis.slice.SqlFragment;
import org.inquest.analysis.traces.OperationStats;
import org.inquest.analysis.traces.LinkedPredictions;
import org.inquest.analysis.traces.TraceStats;
import org.inquest.connectors.workspace.Workspace;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code inquest trace stats}: count, errors and latency quantiles per (service, span name). */
@Command(name = "stats", mixinStandardHelpOptions = true,
        description = "Per (service, span name): count, errors, p50/p95/p99 of duration and of self time.")
public final class TraceStatsCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--workspace", required = true, paramLabel = "W", description = "The workspace file.")
    Path workspace;

    @Option(names = "--table", required = true, paramLabel = "SPANS", description = "The spans table.")
    String table;

    @Option(names = "--where", paramLabel = "EXPR",
            description = "Only spans matching this filter (span columns, e.g. \"service = 'api' AND status = 2\").")
    String where;

    @Option(names = "--predictions", paramLabel = "TABLE",
            description = "Only traces linked (by the trace_id role) to a row of this predictions table...")
    String predictions;

    @Option(names = "--prediction-where", paramLabel = "EXPR",
            description = "...matching this filter on the predictions (e.g. \"channel = 'mobile'\").")
    String predictionWhere;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "json",
            description = "json or table (default: ${DEFAULT-VALUE}).")
    String format;

    @Override
    public Integer call() {
        TraceCommand.Format output = TraceCommand.Format.fromWireName(format);
        TraceStats.Result result;
        try (Workspace ws = Workspace.openReadOnly(workspace)) {
            SliceResolver resolver = new SliceResolver(ws.connection());
            SqlFragment condition = resolver.resolve(table, where, "--where").condition();
            if (predictions != null) {
                condition = condition.and(LinkedPredictions.traceCondition(
                        resolver.resolve(predictions, predictionWhere, "--prediction-where")));
            } else if (predictionWhere != null) {
                throw new org.inquest.connectors.error.UsageException("--prediction-where needs --predictions TABLE");
            }
            result = new TraceStats(ws.connection()).compute(table, condition);
        }
        if (output == TraceCommand.Format.JSON) {
            TraceCommand.printJson(spec.commandLine().getOut(), result);
        } else {
            TextTable t = new TextTable(List.of("service", "name", "count", "errors", "p50_ms", "p95_ms", "p99_ms",
                    "self_p50_ms", "self_p95_ms"), false, false, true, true, true, true, true, true, true);
            for (OperationStats o : result.operations()) {
                t.add(List.of(o.service(), o.name(), Long.toString(o.count()), Long.toString(o.errors()),
                        ms(o.p50()), ms(o.p95()), ms(o.p99()), ms(o.selfP50()), ms(o.selfP95())));
            }
            t.print(spec.commandLine().getOut());
        }
        return InquestCommand.EXIT_OK;
    }

    static String ms(double value) {
        return String.format(Locale.ROOT, "%.3f", value);
    }
}
