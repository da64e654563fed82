package org.inquest.app.cli;

import org.inquest.connectors.catalog.TraceLink;
import picocli.CommandLine.Option;

/**
 * {@code --link-attribute KEY [--link-column COLUMN]}: how this command links predictions to spans, overriding the
 * link saved in the workspace ({@code inquest link}) for this run only. Without either flag the saved link holds,
 * else the predictions' trace_id role.
 */
final class TraceLinkOptions {
    @Option(names = "--link-attribute", paramLabel = "KEY",
            description = "Link predictions to traces by this span attribute (e.g. request.id) instead of the saved"
                    + " link or the trace_id role: a prediction's --link-column equals the attribute's value on a"
                    + " span of the trace.")
    String attribute;

    @Option(names = "--link-column", paramLabel = "COLUMN",
            description = "The predictions column compared (default: the id role column with --link-attribute,"
                    + " the trace_id role column without).")
    String column;

    /** The link asked for, or null to use the saved one. */
    TraceLink link() {
        if (attribute == null && column == null) {
            return null;
        }
        return attribute == null ? new TraceLink(column, null) : TraceLink.byAttribute(attribute, column);
    }
}
