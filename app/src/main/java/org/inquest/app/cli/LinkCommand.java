package org.inquest.app.cli;

import java.nio.file.Files;
import java.util.concurrent.Callable;
import org.inquest.analysis.traces.LinkedPredictions;
import org.inquest.connectors.catalog.Catalog;
import org.inquest.connectors.catalog.TraceLink;
import org.inquest.connectors.error.UsageException;
import org.inquest.connectors.workspace.TraceLinks;
import org.inquest.connectors.workspace.Workspace;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code inquest link}: saves in the workspace how a predictions table links to a spans table, by the trace_id role
 * or by a span attribute (ADR 0077). The trace commands, replay and the workbench then use it; their
 * {@code --link-attribute}/{@code --link-column} flags override it for one run.
 */
@Command(name = "link", mixinStandardHelpOptions = true,
        description = {"Save how a predictions table links to its traces: by the trace_id role column (default) or"
                + " by a span attribute such as request.id (a predictions column, by default the id role column,"
                + " equals the attribute's value on a span of the trace).",
                "The link is checked (the column exists, some span has the attribute) and shown by inquest tables."})
public final class LinkCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    LinkedTablesOptions tables = new LinkedTablesOptions();

    @ArgGroup(exclusive = true, multiplicity = "1")
    By by;

    static final class By {
        @Option(names = "--trace-id-role", description = "Link by the trace id: the trace_id role column (or"
                + " --column) equals the span's trace_id.")
        boolean traceId;

        @Option(names = "--attribute", paramLabel = "KEY",
                description = "Link by this span attribute, e.g. request.id.")
        String attribute;
    }

    @Option(names = "--column", paramLabel = "COLUMN", description = "The predictions column compared (default:"
            + " the id role column with --attribute, the trace_id role column with --trace-id-role).")
    String column;

    @Override
    public Integer call() {
        if (!Files.isRegularFile(tables.workspace)) {
            throw new UsageException("workspace not found: " + tables.workspace);
        }
        TraceLink asked = by.attribute != null ? TraceLink.byAttribute(by.attribute, column)
                : new TraceLink(column, null);
        String description;
        try (Workspace ws = Workspace.open(tables.workspace)) {
            LinkedPredictions linked = LinkedPredictions.check(ws.connection(),
                    new Catalog(ws.connection()).table(tables.predictions), tables.spans, asked);
            new TraceLinks(ws.connection()).save(linked.predictions().name(), tables.spans, linked.link());
            description = linked.describe();
        }
        spec.commandLine().getOut().println("linked " + tables.predictions + " to " + tables.spans + ": "
                + description);
        spec.commandLine().getOut().flush();
        return InquestCommand.EXIT_OK;
    }
}
