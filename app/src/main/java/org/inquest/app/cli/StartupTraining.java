package org.inquest.app.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The training run of the source launcher's class-data-sharing archive (ADR 0011): runs the headless commands once,
 * on a tiny demo incident in a temporary folder, so that the JVM started with {@code -XX:ArchiveClassesAtExit}
 * records every class they load. Later runs map those classes from the archive instead of finding, reading,
 * verifying and linking them one by one. What it prints is discarded; a command that fails only leaves its classes
 * out of the archive.
 *
 * <p>Usage: {@code StartupTraining DIR} (DIR is created, used and deleted).
 */
public final class StartupTraining {
    private StartupTraining() {
    }

    public static void main(String[] args) throws IOException {
        Path dir = Files.createDirectories(Path.of(args[0]));
        try {
            int failed = run(dir);
            if (failed > 0) {
                System.err.println("inquest: startup training: " + failed + " command(s) failed");
            }
        } finally {
            deleteTree(dir);
        }
    }

    /** Runs every training command; returns how many did not exit 0. */
    static int run(Path dir) {
        String demo = dir.resolve("demo").toString();
        String ws = dir.resolve("training.duckdb").toString();
        List<String[]> commands = new ArrayList<>();
        commands.add(new String[] {"--version"});
        commands.add(new String[] {"demo", "--rows", "3000", "--format", "csv", "--traces", "--out", demo});
        commands.add(new String[] {"import", "--workspace", ws, "--table", "predictions", demo + "/predictions.csv"});
        commands.add(new String[] {"import", "--workspace", ws, "--table", "snapshot", "--kind", "snapshot", "--json",
            demo + "/snapshot_v1.csv"});
        commands.add(new String[] {"import", "--workspace", ws, "--table", "spans", "--kind", "traces",
            demo + "/traces.otlp.jsonl"});
        for (String format : new String[] {"json", "markdown", "html"}) {
            commands.add(new String[] {"drift", "--workspace", ws, "--reference", "snapshot", "--current",
                "predictions", "--format", format});
        }
        commands.add(new String[] {"drift", "--workspace", ws, "--reference", "predictions", "--reference-where",
            "timestamp < '2026-09-16'", "--current", "predictions", "--current-where", "timestamp >= '2026-09-16'",
            "--by", "week"});
        commands.add(new String[] {"quality", "--workspace", ws, "--reference", "snapshot", "--current",
            "predictions"});
        commands.add(new String[] {"report", "--workspace", ws, "--reference", "snapshot", "--current",
            "predictions", "--format", "html"});
        commands.add(new String[] {"query", "--workspace", ws, "--format", "csv",
            "SELECT model_version, count(*) FROM predictions GROUP BY ALL"});
        commands.add(new String[] {"tables", "--workspace", ws});
        commands.add(new String[] {"quarantine", "--workspace", ws});
        commands.add(new String[] {"trace", "stats", "--workspace", ws, "--table", "spans"});
        commands.add(new String[] {"import", "--help"});
        int failed = 0;
        PrintWriter discard = new PrintWriter(Writer.nullWriter());
        PrintWriter err = Boolean.getBoolean("inquest.training.verbose") ? new PrintWriter(System.err, true) : discard;
        for (String[] command : commands) {
            if (InquestCommand.run(discard, err, command) != InquestCommand.EXIT_OK) {
                failed++;
            }
        }
        return failed;
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
