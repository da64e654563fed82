package org.inquest.app.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.inquest.analysis.traces.TraceShow;
import org.inquest.analysis.traces.TraceView;
import org.inquest.connectors.workspace.Workspace;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code inquest trace show}: one trace's waterfall with self time, depth and the critical path. */
@Command(name = "show", mixinStandardHelpOptions = true,
        description = "One trace as a waterfall: start, duration, self time, depth, critical path; warnings for"
                + " orphans, cycles, duplicate ids and children outside their parent.")
public final class TraceShowCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    SpansTableOptions spans;

    @Parameters(index = "0", paramLabel = "TRACE_ID", description = "The trace id (hex).")
    String traceId;

    @Override
    public Integer call() {
        TraceCommand.Format output = spans.output();
        TraceView view;
        try (Workspace ws = Workspace.openReadOnly(spans.workspace)) {
            view = new TraceShow(ws.connection()).show(spans.table, traceId);
        }
        PrintWriter out = spec.commandLine().getOut();
        if (output == TraceCommand.Format.JSON) {
            TraceCommand.printJson(out, view);
            return InquestCommand.EXIT_OK;
        }
        out.println("trace " + view.traceId() + "  " + TraceStatsCommand.ms(view.durationMs()) + " ms  "
                + view.spanCount() + " spans  (* = critical path)");
        TextTable t = new TextTable(List.of("", "span", "service", "start_ms", "duration_ms", "self_ms"),
                false, false, false, true, true, true);
        for (TraceView.SpanView s : view.spans()) {
            t.add(List.of(s.critical() ? "*" : "", "  ".repeat(s.depth()) + s.name() + " [" + s.spanId() + "]",
                    s.service(), TraceStatsCommand.ms(s.startMs()), TraceStatsCommand.ms(s.durationMs()),
                    TraceStatsCommand.ms(s.selfMs())));
        }
        t.print(out);
        for (String warning : view.warnings()) {
            out.println("warning: " + warning);
        }
        out.flush();
        return InquestCommand.EXIT_OK;
    }
}
