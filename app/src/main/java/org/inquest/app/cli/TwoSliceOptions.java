package org.inquest.app.cli;

import java.nio.file.Path;
import org.inquest.analysis.slice.Slice;
import org.inquest.analysis.slice.SliceResolver;
import picocli.CommandLine.Option;

/**
 * The options every comparison command shares (the contract's "Slices and filters"): a workspace, a reference
 * slice and a current slice, each a table plus an optional filter. A picocli mixin, so drift, quality and report
 * spell them identically.
 */
public final class TwoSliceOptions {
    @Option(names = "--workspace", required = true, paramLabel = "W", description = "The workspace file.")
    Path workspace;

    @Option(names = "--reference", required = true, paramLabel = "TABLE", description = "Reference table.")
    String referenceTable;

    @Option(names = "--reference-where", paramLabel = "EXPR", description = "Filter for the reference slice.")
    String referenceWhere;

    @Option(names = "--current", required = true, paramLabel = "TABLE", description = "Current table.")
    String currentTable;

    @Option(names = "--current-where", paramLabel = "EXPR", description = "Filter for the current slice.")
    String currentWhere;

    public Path workspace() {
        return workspace;
    }

    /** The reference slice; a bad filter is exit 2 naming {@code --reference-where} and the position. */
    public Slice reference(SliceResolver resolver) {
        return resolver.resolve(referenceTable, referenceWhere, "--reference-where");
    }

    /** The current slice; a bad filter is exit 2 naming {@code --current-where} and the position. */
    public Slice current(SliceResolver resolver) {
        return resolver.resolve(currentTable, currentWhere, "--current-where");
    }
}
