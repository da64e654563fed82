package org.inquest.connectors.ingest;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.inquest.connectors.workspace.Workspace;

/**
 * A separate JVM for {@link ImportKillTest}: imports a file and tells the parent (on stdout) when it is in the
 * middle, so the parent can kill it there. {@code progress} signals a long statement running; {@code beforeCommit}
 * additionally parks the import after all its rows are written and just before it commits.
 */
public final class ImportChild {
    private ImportChild() {
    }

    public static void main(String[] args) throws Exception {
        Path workspace = Path.of(args[0]);
        String table = args[1];
        Path file = Path.of(args[2]);
        boolean parkBeforeCommit = args[3].equals("beforeCommit");
        ImportListener signal = new ImportListener() {
            private boolean told;

            @Override
            public synchronized void progress(Path f, long rowsRead, double rowsPerSecond) {
                if (!told) {
                    told = true;
                    System.out.println("PROGRESS");
                    System.out.flush();
                }
            }

            @Override
            public void beforeCommit(Path f, FileOutcome outcome) {
                if (parkBeforeCommit) {
                    System.out.println("READY " + outcome.rowsAccepted());
                    System.out.flush();
                    try {
                        new CountDownLatch(1).await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
            }
        };
        try (Workspace ws = Workspace.open(workspace)) {
            new Importer(ws).run(new ImportRequest(table, null, List.of(), List.of(file)), signal, new CancelHandle());
        }
        System.out.println("DONE");
    }
}
