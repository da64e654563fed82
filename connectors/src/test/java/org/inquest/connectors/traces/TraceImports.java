package org.inquest.connectors.traces;

import java.nio.file.Path;
import java.util.List;
import org.inquest.connectors.ingest.CancelHandle;
import org.inquest.connectors.ingest.ImportKind;
import org.inquest.connectors.ingest.ImportListener;
import org.inquest.connectors.ingest.ImportRequest;
import org.inquest.connectors.ingest.ImportResult;
import org.inquest.connectors.ingest.Importer;
import org.inquest.connectors.workspace.Workspace;

/** Trace files imported exactly as {@code inquest import --kind traces} imports them. */
final class TraceImports {
    private TraceImports() {
    }

    static ImportResult importTraces(Workspace ws, String table, Path... files) {
        return new Importer(ws).run(new ImportRequest(table, ImportKind.TRACES, List.of(), List.of(files)),
                ImportListener.NONE, new CancelHandle());
    }
}
