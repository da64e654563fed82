package org.inquest.app.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The options of commands over a predictions table and its spans table: workspace, predictions and spans. */
public final class LinkedTablesOptions {
    @Option(names = "--workspace", required = true, paramLabel = "W", description = "The workspace file.")
    Path workspace;

    @Option(names = "--predictions", required = true, paramLabel = "TABLE", description = "The predictions table.")
    String predictions;

    @Option(names = "--spans", required = true, paramLabel = "SPANS", description = "The spans table.")
    String spans;
}
