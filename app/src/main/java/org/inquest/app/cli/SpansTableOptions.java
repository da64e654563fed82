package org.inquest.app.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The options every {@code inquest trace} command over a spans table shares: workspace, table and format. */
public final class SpansTableOptions {
    @Option(names = "--workspace", required = true, paramLabel = "W", description = "The workspace file.")
    Path workspace;

    @Option(names = "--table", required = true, paramLabel = "SPANS", description = "The spans table.")
    String table;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "json",
            description = "json or table (default: ${DEFAULT-VALUE}).")
    String format;

    /** The chosen output format, or exit 2 naming an unknown one. */
    TraceCommand.Format output() {
        return TraceCommand.Format.fromWireName(format);
    }
}
