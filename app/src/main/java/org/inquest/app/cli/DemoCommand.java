package org.inquest.app.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.inquest.connectors.demo.DemoFormat;
import org.inquest.connectors.demo.DemoGenerator;
import org.inquest.connectors.demo.DemoOptions;
import org.inquest.connectors.demo.DemoResult;
import org.inquest.connectors.demo.DemoScenario;
import org.inquest.connectors.error.InputException;
import org.inquest.connectors.traces.DemoTraces;
import org.inquest.connectors.workspace.Workspace;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code inquest demo --out DIR}: writes the synthetic credit-risk incident (see docs/DEMO.md). */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Generate the demo incident: 30 days of a credit-risk model's predictions with five injected"
                + " incidents, its training snapshots, and a README describing them.",
                "The same seed always writes byte-identical files."})
public final class DemoCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Directory to write into.")
    Path out;

    @Option(names = "--rows", paramLabel = "N", description = "Prediction rows (default: ${DEFAULT-VALUE}).")
    long rows = DemoScenario.DEFAULT_ROWS;

    @Option(names = "--seed", paramLabel = "S", description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed = DemoScenario.DEFAULT_SEED;

    @Option(names = "--format", paramLabel = "FORMAT",
            description = "parquet or csv (default: ${DEFAULT-VALUE}).")
    DemoFormat format = DemoFormat.PARQUET;

    @Option(names = "--snapshot-rows", paramLabel = "N",
            description = "Rows in each training snapshot (default: a quarter of --rows, at least 1000).")
    Long snapshotRows;

    @Option(names = "--traces",
            description = "Also write every request as OTLP JSON spans (traces.otlp.jsonl, five spans per prediction;"
                    + " about 2.5 KB per prediction).")
    boolean traces;

    @Override
    public Integer call() {
        long snapshots = snapshotRows != null ? snapshotRows : DemoOptions.defaultSnapshotRows(rows);
        DemoOptions options = new DemoOptions(out, rows, seed, format, snapshots);
        DemoResult result = new DemoGenerator(line -> spec.commandLine().getErr().println("inquest: " + line))
                .generate(options);
        List<Path> files = new java.util.ArrayList<>(result.files());
        if (traces) {
            long started = System.nanoTime();
            try {
                long spans = DemoTraces.writeDemo(result.directory(), format.extension());
                files.add(result.directory().resolve(DemoTraces.FILE));
                spec.commandLine().getErr().printf(Locale.ROOT, "inquest: wrote %s (%,d spans, %.1f s)%n",
                        result.directory().resolve(DemoTraces.FILE), spans, (System.nanoTime() - started) / 1e9);
            } catch (java.sql.SQLException | java.io.IOException e) {
                throw new InputException("cannot write the demo traces to " + result.directory() + ": "
                        + Workspace.firstLine(e.getMessage()), e);
            }
        }
        var stdout = spec.commandLine().getOut();
        stdout.printf(Locale.ROOT, "demo incident written to %s in %.1f s (%,d predictions, seed %d)%n",
                result.directory(), result.elapsed().toMillis() / 1000.0, result.predictionRows(), seed);
        for (Path file : files) {
            stdout.println("  " + file.getFileName());
        }
        stdout.flush();
        return InquestCommand.EXIT_OK;
    }
}
