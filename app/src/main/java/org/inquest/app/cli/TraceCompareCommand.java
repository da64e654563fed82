package org.inquest.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.inquest.analysis.traces.TraceCohorts;
import org.inquest.analysis.traces.TraceFilter;
import org.inquest.connectors.error.UsageException;
import org.inquest.connectors.workspace.Workspace;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code inquest trace compare}: slow requests against normal ones, stages ranked by how much they grew. */
@Command(name = "compare", mixinStandardHelpOptions = true,
        description = {"Cohort compare: split the traces into slow and normal (the slowest --slowest percent by"
                + " duration, default 5, or the traces matching --slow-where/--slow-prediction-where) and rank"
                + " every stage (service, span name) by its contribution to the difference in mean trace duration:"
                + " self time per trace in the slow cohort minus in the normal one; with the p95 change.",
                "--where/--trace-where/--predictions/--prediction-where choose the traces compared (a trace is in"
                        + " when one of its spans matches; all its spans count)."})
public final class TraceCompareCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    SpansTableOptions spans;

    @Mixin
    TraceFilterOptions filter;

    @Option(names = "--slowest", paramLabel = "PERCENT",
            description = "The slow cohort: the slowest PERCENT of the traces by duration (default 5).")
    Double slowest;

    @Option(names = "--slow-where", paramLabel = "EXPR",
            description = "The slow cohort: traces having a span matching this filter; the others are normal.")
    String slowWhere;

    @Option(names = "--slow-prediction-where", paramLabel = "EXPR",
            description = "The slow cohort: traces linked to a prediction matching this (needs --predictions).")
    String slowPredictionWhere;

    @Option(names = "--top", paramLabel = "N", description = "Print only the N first stages (default: all).")
    Integer top;

    @Override
    public Integer call() {
        TraceCommand.Format output = spans.output();
        boolean byFilter = slowWhere != null || slowPredictionWhere != null;
        if (byFilter && slowest != null) {
            throw new UsageException("--slowest and --slow-where/--slow-prediction-where are two ways to split:"
                    + " give one");
        }
        if (top != null && top < 1) {
            throw new UsageException("--top must be at least 1 (got " + top + ")");
        }
        TraceCohorts.Result result;
        TraceFilter.Resolved base;
        try (Workspace ws = Workspace.openReadOnly(spans.workspace)) {
            base = filter.filter().resolve(ws.connection(), spans.table, "");
            TraceCohorts.Split split;
            if (byFilter) {
                TraceFilter.Resolved slow = new TraceFilter(slowWhere, null,
                        slowPredictionWhere == null ? null : filter.predictions, slowPredictionWhere,
                        slowPredictionWhere == null ? null : filter.link.link())
                        .resolve(ws.connection(), spans.table, "slow");
                split = new TraceCohorts.Matching(slow.condition(), describe(slow.filter()));
            } else {
                split = new TraceCohorts.Slowest((slowest == null ? 5.0 : slowest) / 100.0);
            }
            result = new TraceCohorts(ws.connection()).compare(spans.table, base.condition(), split);
        }
        if (top != null && result.stages().size() > top) {
            result = new TraceCohorts.Result(result.split(), result.slow(), result.normal(), result.differenceMs(),
                    result.stages().subList(0, top));
        }
        PrintWriter out = spec.commandLine().getOut();
        if (output == TraceCommand.Format.JSON) {
            // the traces compared (the common filters, canonical), then the result
            ObjectMapper json = new ObjectMapper();
            ObjectNode node = json.createObjectNode();
            node.set("filter", json.valueToTree(base.filter()));
            node.setAll((ObjectNode) json.valueToTree(result));
            TraceCommand.printJson(out, node);
            return InquestCommand.EXIT_OK;
        }
        TraceCohorts.SplitInfo s = result.split();
        out.println(s.by().equals("slowest")
                ? String.format(Locale.ROOT, "slow: the slowest %s%% of traces (duration >= %.3f ms)",
                        TraceStatsCommand.number(s.slowestShare() * 100), s.thresholdMs())
                : "slow: traces matching " + s.where());
        out.println(String.format(Locale.ROOT, "slow %d traces, mean %.3f ms; normal %d traces, mean %.3f ms;"
                + " difference %.3f ms", result.slow().traces(), result.slow().meanMs(), result.normal().traces(),
                result.normal().meanMs(), result.differenceMs()));
        TextTable t = new TextTable(List.of("service", "name", "contribution_ms", "share", "self_mean slow",
                "self_mean normal", "p95 slow", "p95 normal", "p95 change"),
                false, false, true, true, true, true, true, true, true);
        for (TraceCohorts.Stage st : result.stages()) {
            t.add(List.of(st.service(), st.name(), TraceStatsCommand.signed(st.contributionMs()),
                    st.contributionShare() == null ? "-"
                            : String.format(Locale.ROOT, "%.1f%%", st.contributionShare() * 100),
                    st.slow() == null ? "-" : TraceStatsCommand.ms(st.slow().selfMeanMs()),
                    st.normal() == null ? "-" : TraceStatsCommand.ms(st.normal().selfMeanMs()),
                    st.slow() == null ? "-" : TraceStatsCommand.ms(st.slow().p95Ms()),
                    st.normal() == null ? "-" : TraceStatsCommand.ms(st.normal().p95Ms()),
                    st.p95ChangeMs() == null ? "-" : TraceStatsCommand.signed(st.p95ChangeMs())));
        }
        t.print(out);
        return InquestCommand.EXIT_OK;
    }

    private static String describe(TraceFilter f) {
        if (f.where() != null && f.predictionWhere() != null) {
            return "(" + f.where() + ") AND linked prediction (" + f.predictionWhere() + ")";
        }
        return f.where() != null ? f.where() : "linked prediction " + f.predictionWhere();
    }
}
