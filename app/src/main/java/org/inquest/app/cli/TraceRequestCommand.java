package org.inquest.app.cli;

import java.util.concurrent.Callable;
import org.inquest.analysis.traces.RequestView;
import org.inquest.connectors.error.UsageException;
import org.inquest.connectors.workspace.Workspace;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code inquest trace request}: a prediction with its features, output, label and the trace that produced it. */
@Command(name = "request", mixinStandardHelpOptions = true,
        description = "One request from both sides: a prediction row (by --id) or the prediction linked to a trace"
                + " (by --trace), with its features, output, label and the trace's waterfall (JSON).")
public final class TraceRequestCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    LinkedTablesOptions tables = new LinkedTablesOptions();

    @Mixin
    TraceLinkOptions link = new TraceLinkOptions();

    @ArgGroup(exclusive = true, multiplicity = "1")
    Key key;

    static final class Key {
        @Option(names = "--id", paramLabel = "ID", description = "The prediction's id (the id role column).")
        String id;

        @Option(names = "--trace", paramLabel = "TRACE_ID", description = "A trace id: find its prediction.")
        String trace;
    }

    @Override
    public Integer call() {
        RequestView.Request request;
        try (Workspace ws = Workspace.openReadOnly(tables.workspace)) {
            RequestView view = new RequestView(ws.connection());
            if (key.id != null) {
                request = view.forPrediction(tables.predictions, key.id, tables.spans, link.link());
            } else {
                request = view.forTrace(tables.predictions, key.trace, tables.spans, link.link())
                        .orElseThrow(() -> new UsageException("no prediction in '" + tables.predictions
                                + "' is linked to trace '" + key.trace + "'"));
            }
        }
        TraceCommand.printJson(spec.commandLine().getOut(), request);
        return InquestCommand.EXIT_OK;
    }
}
