package org.inquest.app.cli;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.inquest.analysis.calibration.BinStrategy;
import org.inquest.analysis.drift.DriftMethod;
import org.inquest.analysis.drift.DriftOptions;
import org.inquest.analysis.report.FilterRedaction;
import org.inquest.analysis.report.Report;
import org.inquest.analysis.report.ReportBuilder;
import org.inquest.analysis.report.ReportHtml;
import org.inquest.analysis.report.ReportJson;
import org.inquest.analysis.report.ReportMarkdown;
import org.inquest.analysis.report.ReportOptions;
import org.inquest.analysis.slice.Slice;
import org.inquest.analysis.slice.SliceResolver;
import org.inquest.connectors.error.UsageException;
import org.inquest.connectors.workspace.Workspace;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code inquest report}: the postmortem report of a current slice against a reference slice. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Write a postmortem report: drift, data quality, model quality per slice and version,"
                + " calibration, fairness, latency, root-cause segments and the lineage of the inputs.")
public final class ReportCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    TwoSliceOptions twoSlices;

    @Option(names = "--sensitive", paramLabel = "COLUMN", description = "Report fairness across this column's groups"
            + " (repeatable).")
    List<String> sensitive = new ArrayList<>();

    @Option(names = "--threshold", paramLabel = "X", defaultValue = "0.5",
            description = "Score from which a row is predicted positive when there is no prediction column"
                    + " (default: ${DEFAULT-VALUE}).")
    double threshold;

    @Option(names = "--calibration-bins", paramLabel = "uniform|quantile", defaultValue = "uniform",
            description = "Equal-width or equal-mass reliability bins (default: ${DEFAULT-VALUE}).")
    String calibrationBins;

    @Option(names = "--redact", paramLabel = "COLUMN", description = "Show this column's values only as pseudonyms"
            + " (repeatable).")
    List<String> redact = new ArrayList<>();

    @Option(names = "--segment-by", paramLabel = "COLUMN", description = "Also break model quality down by this"
            + " column's values (repeatable).")
    List<String> segmentBy = new ArrayList<>();

    @Option(names = "--by", paramLabel = "hour|day|week|rows:N",
            description = "Also report drift, model quality and latency per window of the current slice.")
    String by;

    @Option(names = "--features", split = ",", paramLabel = "a,b,...",
            description = "Features to compare for drift (default: every feature present in both slices).")
    List<String> features;

    @Option(names = "--method", paramLabel = "METHOD", defaultValue = "auto",
            description = "Drift method: auto, ks, psi, wasserstein, jensenshannon, chisquare or z"
                    + " (default: ${DEFAULT-VALUE}).")
    String method;

    @Option(names = "--drift-threshold", paramLabel = "X", description = "Override the drift method's threshold.")
    Double driftThreshold;

    @Option(names = "--drift-share", paramLabel = "X", defaultValue = "0.5",
            description = "Dataset drift when at least this share of features drifts (default: ${DEFAULT-VALUE}).")
    double driftShare;

    @Option(names = "--fail-on-drift", description = "Exit 1 when the dataset drifts.")
    boolean failOnDrift;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "json",
            description = "json, markdown or html (default: ${DEFAULT-VALUE}).")
    String format;

    @Mixin
    OutputOption output;

    @Override
    public Integer call() {
        String chosen = format.trim().toLowerCase(Locale.ROOT);
        if (!List.of("json", "markdown", "html").contains(chosen)) {
            throw new UsageException("unknown format '" + format + "' (expected json, markdown or html)");
        }
        DriftOptions driftOptions = new DriftOptions(features, DriftMethod.fromWireName(method), driftThreshold,
                driftShare);
        Report report;
        try (Workspace ws = Workspace.openReadOnly(twoSlices.workspace())) {
            SliceResolver resolver = new SliceResolver(ws.connection());
            Slice reference = twoSlices.reference(resolver);
            Slice current = twoSlices.current(resolver);
            ReportOptions options = new ReportOptions(sensitive, threshold,
                    BinStrategy.fromWireName(calibrationBins), new LinkedHashSet<>(redact), by, segmentBy,
                    driftOptions, null);
            report = new ReportBuilder(ws.connection()).build(reference, current, options);
        }
        report = withCommand(report, FilterRedaction.command(arguments(), report.redactor()));
        String text = switch (chosen) {
            case "json" -> ReportJson.render(report);
            case "markdown" -> ReportMarkdown.render(report);
            default -> ReportHtml.render(report);
        };
        for (String warning : report.drift().warnings()) {
            spec.commandLine().getErr().println("inquest: warning: " + warning);
        }
        output.write(spec, text);
        return failOnDrift && report.drift().datasetDrift() ? InquestCommand.EXIT_GATE : InquestCommand.EXIT_OK;
    }

    /** The arguments after {@code report}, as typed (picocli keeps the original command line). */
    private List<String> arguments() {
        List<String> all = spec.commandLine().getParseResult().originalArgs();
        int at = all.indexOf("report");
        return at < 0 ? all : all.subList(at + 1, all.size());
    }

    private static Report withCommand(Report r, String command) {
        return new Report(command, r.generatedAt(), r.drift(), r.task(), r.labelColumn(), r.threshold(),
                r.performance(), r.versionColumn(), r.performanceByVersion(), r.performanceBySegment(), r.windows(),
                r.calibration(), r.calibrationByVersion(), r.fairness(), r.latency(), r.latencyByVersion(), r.quality(),
                r.segments(), r.inputs(), r.summary(), r.redactor());
    }

}
