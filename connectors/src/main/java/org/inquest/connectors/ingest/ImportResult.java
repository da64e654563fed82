package org.inquest.connectors.ingest;

import java.util.List;
import org.inquest.connectors.catalog.TableInfo;

/** The outcome of an import: the table as it now stands and what each file contributed. */
public record ImportResult(TableInfo table, List<FileOutcome> files) {
    public ImportResult {
        files = List.copyOf(files);
    }

    public long rowsAccepted() {
        return files.stream().mapToLong(FileOutcome::rowsAccepted).sum();
    }

    public long rowsQuarantined() {
        return files.stream().mapToLong(FileOutcome::rowsQuarantined).sum();
    }
}
