package org.inquest.app.cli;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.inquest.analysis.traces.OperationStats;
import org.inquest.analysis.traces.TraceFilter;
import org.inquest.analysis.traces.TraceStats;
import org.inquest.connectors.workspace.Workspace;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code inquest trace stats}: count, errors and latency quantiles per (service, span name), for one slice of the
 * spans (the contract's form) or, with any {@code --reference-*}/{@code --current-*} option, for two slices side by
 * side with the change.
 */
@Command(name = "stats", mixinStandardHelpOptions = true,
        description = {"Per (service, span name): count, errors, p50/p95/p99 of duration and of self time.",
                "With --reference-*/--current-* options: both slices side by side and the change (current minus"
                        + " reference); --where, --trace-where and --prediction-where then apply to both."})
public final class TraceStatsCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    SpansTableOptions spans;

    @Mixin
    TraceFilterOptions filter;

    @Option(names = "--reference-where", paramLabel = "EXPR", description = "Reference slice: only these spans.")
    String referenceWhere;

    @Option(names = "--reference-trace-where", paramLabel = "EXPR",
            description = "Reference slice: only traces having a span matching this.")
    String referenceTraceWhere;

    @Option(names = "--reference-prediction-where", paramLabel = "EXPR",
            description = "Reference slice: only traces linked to a prediction matching this (needs --predictions).")
    String referencePredictionWhere;

    @Option(names = "--current-where", paramLabel = "EXPR", description = "Current slice: only these spans.")
    String currentWhere;

    @Option(names = "--current-trace-where", paramLabel = "EXPR",
            description = "Current slice: only traces having a span matching this.")
    String currentTraceWhere;

    @Option(names = "--current-prediction-where", paramLabel = "EXPR",
            description = "Current slice: only traces linked to a prediction matching this (needs --predictions).")
    String currentPredictionWhere;

    /** The two-slice JSON: each slice's filters, then the operations side by side. */
    @JsonPropertyOrder({"reference", "current", "operations"})
    record TwoSlices(@JsonProperty("reference") TraceFilter reference, @JsonProperty("current") TraceFilter current,
            @JsonProperty("operations") List<TraceStats.OperationChange> operations) {
    }

    @Override
    public Integer call() {
        TraceCommand.Format output = spans.output();
        boolean twoSlices = referenceWhere != null || referenceTraceWhere != null || referencePredictionWhere != null
                || currentWhere != null || currentTraceWhere != null || currentPredictionWhere != null;
        PrintWriter out = spec.commandLine().getOut();
        try (Workspace ws = Workspace.openReadOnly(spans.workspace)) {
            TraceStats stats = new TraceStats(ws.connection());
            TraceFilter.Resolved base = filter.filter().resolve(ws.connection(), spans.table, "");
            if (!twoSlices) {
                TraceStats.Result result = stats.compute(spans.table, base.condition());
                if (output == TraceCommand.Format.JSON) {
                    TraceCommand.printJson(out, result);
                } else {
                    printTable(out, result.operations());
                }
                return InquestCommand.EXIT_OK;
            }
            TraceFilter.Resolved reference = base.and(side(referenceWhere, referenceTraceWhere,
                    referencePredictionWhere).resolve(ws.connection(), spans.table, "reference"));
            TraceFilter.Resolved current = base.and(side(currentWhere, currentTraceWhere, currentPredictionWhere)
                    .resolve(ws.connection(), spans.table, "current"));
            TraceStats.Comparison comparison = stats.compare(spans.table, reference.condition(), current.condition());
            if (output == TraceCommand.Format.JSON) {
                TraceCommand.printJson(out, new TwoSlices(reference.filter(), current.filter(),
                        comparison.operations()));
            } else {
                printComparison(out, comparison.operations());
            }
        }
        return InquestCommand.EXIT_OK;
    }

    private TraceFilter side(String where, String traceWhere, String predictionWhere) {
        return new TraceFilter(where, traceWhere, predictionWhere == null ? null : filter.predictions,
                predictionWhere, predictionWhere == null ? null : filter.link.link());
    }

    private static void printTable(PrintWriter out, List<OperationStats> operations) {
        TextTable t = new TextTable(List.of("service", "name", "count", "errors", "p50_ms", "p95_ms", "p99_ms",
                "self_p50_ms", "self_p95_ms"), false, false, true, true, true, true, true, true, true);
        for (OperationStats o : operations) {
            t.add(List.of(o.service(), o.name(), Long.toString(o.count()), Long.toString(o.errors()),
                    ms(o.p50()), ms(o.p95()), ms(o.p99()), ms(o.selfP50()), ms(o.selfP95())));
        }
        t.print(out);
    }

    private static void printComparison(PrintWriter out, List<TraceStats.OperationChange> operations) {
        TextTable t = new TextTable(List.of("service", "name", "count ref", "count cur", "errors ref", "errors cur",
                "p50 ref", "p50 cur", "p95 ref", "p95 cur", "p95 change", "self_p95 ref", "self_p95 cur", "self_p95 change"),
                false, false, true, true, true, true, true, true, true, true, true, true, true, true);
        for (TraceStats.OperationChange o : operations) {
            OperationStats r = o.reference();
            OperationStats c = o.current();
            List<String> row = new ArrayList<>(List.of(o.service(), o.name()));
            row.add(r == null ? "-" : Long.toString(r.count()));
            row.add(c == null ? "-" : Long.toString(c.count()));
            row.add(r == null ? "-" : Long.toString(r.errors()));
            row.add(c == null ? "-" : Long.toString(c.errors()));
            row.add(r == null ? "-" : ms(r.p50()));
            row.add(c == null ? "-" : ms(c.p50()));
            row.add(r == null ? "-" : ms(r.p95()));
            row.add(c == null ? "-" : ms(c.p95()));
            row.add(o.change() == null ? "-" : signed(o.change().p95()));
            row.add(r == null ? "-" : ms(r.selfP95()));
            row.add(c == null ? "-" : ms(c.selfP95()));
            row.add(o.change() == null ? "-" : signed(o.change().selfP95()));
            t.add(row);
        }
        t.print(out);
    }

    static String ms(double value) {
        return String.format(Locale.ROOT, "%.3f", value);
    }

    /** A number without trailing zeros ({@code 5}, {@code 2.5}). */
    static String number(double value) {
        return java.math.BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    static String signed(double value) {
        return String.format(Locale.ROOT, "%+.3f", value);
    }
}
