package org.inquest.app.ui.session;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.function.Consumer;
import org.inquest.connectors.catalog.Catalog;
import org.inquest.connectors.demo.DemoGenerator;
import org.inquest.connectors.demo.DemoOptions;
import org.inquest.connectors.demo.DemoScenario;
import org.inquest.connectors.ingest.CancelHandle;
import org.inquest.connectors.ingest.ImportKind;
import org.inquest.connectors.ingest.ImportListener;
import org.inquest.connectors.ingest.ImportRequest;
import org.inquest.connectors.ingest.Importer;
import org.inquest.connectors.traces.DemoTraces;
import org.inquest.connectors.workspace.Workspace;

/**
 * The demo incident the workbench opens when no workspace is given: generated on first run with the demo
 * generator and imported with the importer (the same code as {@code inquest demo} and {@code inquest import}) into
 * {@code <data folder>/demo/incident.duckdb}. The workspace is built under a temporary name and renamed when
 * complete, so an interrupted first run never leaves a half-imported demo behind. The demo includes its requests'
 * traces (table {@value #SPANS}, as {@code inquest demo --traces} writes them).
 */
public final class DemoIncident {
    /** The demo's spans table. */
    public static final String SPANS = "spans";

    private DemoIncident() {
    }

    /** The demo workspace, generating and importing it first when missing. */
    public static Path ensure(Path workspace, long rows, Consumer<String> progress) {
        if (Files.isRegularFile(workspace)) {
            return workspace;
        }
        Path dir = workspace.getParent();
        Path files = dir.resolve("files");
        Path partial = dir.resolve(workspace.getFileName() + ".partial");
        try {
            Files.createDirectories(dir);
            Files.deleteIfExists(partial);
            progress.accept("Generating the demo incident (" + String.format("%,d", rows) + " predictions)");
            new DemoGenerator(progress).generate(DemoOptions.of(files, rows));
            try (Workspace ws = Workspace.open(partial)) {
                Importer importer = new Importer(ws);
                String ext = "parquet";
                for (String[] t : List.of(new String[] {DemoScenario.PREDICTIONS, "predictions"},
                        new String[] {DemoScenario.SNAPSHOT_V1, "snapshot"},
                        new String[] {DemoScenario.SNAPSHOT_V2, "snapshot"},
                        new String[] {DemoScenario.TIMINGS, "predictions"})) {
                    progress.accept("Importing " + t[0]);
                    importer.run(new ImportRequest(t[0], ImportKind.fromWireName(t[1]), List.of(),
                            List.of(files.resolve(t[0] + "." + ext))), ImportListener.NONE, new CancelHandle());
                }
                // Every request as spans too, so the Traces and Replay tabs show the slow mobile lookup from the start.
                progress.accept("Writing the demo traces");
                DemoTraces.writeDemo(files, ext);
                progress.accept("Importing " + DemoTraces.FILE);
                importer.run(new ImportRequest(SPANS, ImportKind.TRACES, List.of(), List.of(files.resolve(DemoTraces.FILE))),
                        ImportListener.NONE, new CancelHandle());
                if (!new Catalog(ws.connection()).exists(DemoScenario.PREDICTIONS)) {
                    throw new IllegalStateException("the demo import left no predictions table");
                }
            }
            Files.move(partial, workspace, StandardCopyOption.ATOMIC_MOVE);
            deleteTree(partial.resolveSibling(partial.getFileName() + ".tmp"));
            return workspace;
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("cannot write the demo traces in " + dir + ": " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the demo in " + dir + ": " + e.getMessage(), e);
        }
    }

    private static void deleteTree(Path p) throws IOException {
        if (!Files.exists(p)) {
            return;
        }
        try (var walk = Files.walk(p)) {
            for (Path x : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(x);
            }
        }
    }
}
