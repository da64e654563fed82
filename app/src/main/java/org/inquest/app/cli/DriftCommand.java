package org.inquest.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.Callable;
import org.inquest.analysis.drift.DriftAnalysis;
import org.inquest.analysis.drift.DriftFrames;
import org.inquest.analysis.drift.DriftMethod;
import org.inquest.analysis.drift.DriftOptions;
import org.inquest.analysis.drift.DriftResult;
import org.inquest.analysis.slice.Slice;
import org.inquest.analysis.slice.SliceResolver;
import org.inquest.analysis.slice.WindowSet;
import org.inquest.analysis.slice.WindowSpec;
import org.inquest.analysis.slice.Windowing;
import org.inquest.connectors.error.UsageException;
import org.inquest.connectors.timing.PhaseTimer;
import org.inquest.connectors.workspace.Workspace;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code inquest drift}: which features changed between a reference slice and a current slice. */
@Command(name = "drift", mixinStandardHelpOptions = true,
        description = "Compare the feature distributions of a current slice with a reference slice.")
public final class DriftCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    TwoSliceOptions twoSlices;

    @Option(names = "--features", split = ",", paramLabel = "a,b,...",
            description = "Columns to compare (default: every feature present in both slices).")
    List<String> features;

    @Option(names = "--method", paramLabel = "METHOD", defaultValue = "auto",
            description = "auto, ks, psi, wasserstein, jensenshannon, chisquare or z (default: ${DEFAULT-VALUE}).")
    String method;

    @Option(names = "--threshold", paramLabel = "X", description = "Override the method's drift threshold.")
    Double threshold;

    @Option(names = "--drift-share", paramLabel = "X", defaultValue = "0.5",
            description = "Dataset drift when at least this share of features drifts (default: ${DEFAULT-VALUE}).")
    double driftShare;

    @Option(names = "--by", paramLabel = "hour|day|week|rows:N",
            description = "Also compare each window of the current slice with the whole reference.")
    String by;

    @Option(names = "--fail-on-drift", description = "Exit 1 when the dataset drifts.")
    boolean failOnDrift;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "json",
            description = "json, markdown, html or csv (one row per feature, and per window and feature with --by; "
                    + "default: ${DEFAULT-VALUE}).")
    String format;

    @Mixin
    OutputOption output;

    @Override
    public Integer call() {
        DriftOutput rendering = DriftOutput.fromWireName(format);
        DriftOptions options = new DriftOptions(features, DriftMethod.fromWireName(method), threshold, driftShare);
        DriftResult result;
        PhaseTimer.mark("drift: arguments");
        try (Workspace ws = Workspace.openReadOnly(twoSlices.workspace())) {
            PhaseTimer.mark("workspace open (read-only)");
            SliceResolver slices = new SliceResolver(ws.connection());
            Slice reference = twoSlices.reference(slices);
            Slice current = twoSlices.current(slices);
            PhaseTimer.mark("slices resolved");
            if (by != null) {
                WindowSet windows = Windowing.split(ws.connection(), current, WindowSpec.parse(by));
                result = DriftAnalysis.runWithWindows(ws.connection(), reference, current, windows, options);
            } else {
                result = DriftAnalysis.run(ws.connection(), reference, current, options);
            }
            PhaseTimer.mark("drift analysis");
        }
        PhaseTimer.mark("workspace close");
        for (String warning : result.warnings()) {
            spec.commandLine().getErr().println("inquest: warning: " + warning);
        }
        output.write(spec, rendering.render(result));
        PhaseTimer.mark("drift: output rendered and written");
        return failOnDrift && result.datasetDrift() ? InquestCommand.EXIT_GATE : InquestCommand.EXIT_OK;
    }

    /** The output formats of {@code --format}. */
    enum DriftOutput {
        JSON, MARKDOWN, HTML, CSV;

        static DriftOutput fromWireName(String text) {
            for (DriftOutput o : values()) {
                if (o.name().equalsIgnoreCase(text.trim())) {
                    return o;
                }
            }
            throw new UsageException("unknown format '" + text + "' (expected json, markdown, html or csv)");
        }

        String render(DriftResult result) {
            return switch (this) {
                case JSON -> json(result);
                case MARKDOWN -> org.inquest.analysis.drift.DriftMarkdown.render(result);
                case HTML -> org.inquest.analysis.drift.DriftHtml.render(result);
                case CSV -> DriftFrames.csv(DriftFrames.tidy(result));
            };
        }

        private static String json(DriftResult result) {
            try {
                return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(result)
                        + System.lineSeparator();
            } catch (IOException e) {
                throw new IllegalStateException("drift result is not serialisable", e);
            }
        }
    }
}
