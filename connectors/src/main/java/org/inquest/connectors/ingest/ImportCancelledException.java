package org.inquest.connectors.ingest;

import org.inquest.connectors.error.InquestException;

/** The import was cancelled (Ctrl-C or Cancel) and rolled back; exit 130 as for a shell interrupt. */
public final class ImportCancelledException extends InquestException {
    public static final int EXIT_CODE = 130;

    public ImportCancelledException() {
        super("import cancelled; the file being imported was rolled back");
    }

    @Override
    public int exitCode() {
        return EXIT_CODE;
    }
}
