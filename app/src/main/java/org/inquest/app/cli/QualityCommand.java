package org.inquest.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.inquest.analysis.quality.DataQuality;
import org.inquest.analysis.quality.QualityReport;
import org.inquest.analysis.quality.QualityTable;
import org.inquest.analysis.quality.QualityThresholds;
import org.inquest.analysis.quality.Severity;
import org.inquest.analysis.slice.Slice;
import org.inquest.analysis.slice.SliceResolver;
import org.inquest.connectors.error.UsageException;
import org.inquest.connectors.workspace.Workspace;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code inquest quality}: nulls, ranges, categories and schema of a current slice against a reference slice. */
@Command(name = "quality", mixinStandardHelpOptions = true,
        description = "Compare the data quality of a current slice with a reference slice: nulls, distinct values,"
                + " ranges, new categories, out-of-range values and schema differences, graded ok/warning/critical.")
public final class QualityCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    TwoSliceOptions twoSlices;

    @Option(names = "--threshold", paramLabel = "NAME=X",
            description = "Override a threshold: null_share_warning (0.05), null_share_critical (0.20),"
                    + " new_category_share_warning (0), new_category_share_critical (0.10),"
                    + " out_of_range_share_warning (0.01), out_of_range_share_critical (0.10).")
    Map<String, Double> thresholds = new LinkedHashMap<>();

    @Option(names = "--approximate",
            description = "Estimate the quantiles of columns with few distinct values (T-digest, within 1%% of rank);"
                    + " continuous and ordered columns get exact quantiles from their one sorted pass anyway. The"
                    + " output says \"approximate\": true.")
    boolean approximate;

    @Option(names = "--fail-on", paramLabel = "SEVERITY",
            description = "Exit 1 when the overall severity is at least this (warning or critical).")
    String failOn;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "json",
            description = "json or table (default: ${DEFAULT-VALUE}).")
    String format;

    @Mixin
    OutputOption output;

    @Override
    public Integer call() {
        String fmt = format.trim().toLowerCase(Locale.ROOT);
        if (!fmt.equals("json") && !fmt.equals("table")) {
            throw new UsageException("unknown format '" + format + "' (expected json or table)");
        }
        Severity gate = failOn == null ? null : Severity.fromWireName(failOn);
        QualityThresholds t = thresholds();
        QualityReport report;
        try (Workspace ws = Workspace.openReadOnly(twoSlices.workspace())) {
            SliceResolver slices = new SliceResolver(ws.connection());
            Slice reference = twoSlices.reference(slices);
            Slice current = twoSlices.current(slices);
            report = DataQuality.compare(ws.connection(), reference, current, t, approximate);
        }
        output.write(spec, fmt.equals("json") ? json(report) : QualityTable.render(report));
        return gate != null && gate != Severity.OK && report.severity().compareTo(gate) >= 0
                ? InquestCommand.EXIT_GATE : InquestCommand.EXIT_OK;
    }

    private QualityThresholds thresholds() {
        QualityThresholds d = QualityThresholds.DEFAULTS;
        double[] v = {d.nullShareWarning(), d.nullShareCritical(), d.newCategoryShareWarning(),
            d.newCategoryShareCritical(), d.outOfRangeShareWarning(), d.outOfRangeShareCritical()};
        String[] names = {"null_share_warning", "null_share_critical", "new_category_share_warning",
            "new_category_share_critical", "out_of_range_share_warning", "out_of_range_share_critical"};
        for (Map.Entry<String, Double> e : thresholds.entrySet()) {
            int index = java.util.Arrays.asList(names).indexOf(e.getKey().trim().toLowerCase(Locale.ROOT));
            if (index < 0) {
                throw new UsageException("unknown threshold '" + e.getKey() + "' (expected one of "
                        + String.join(", ", names) + ")");
            }
            v[index] = e.getValue();
        }
        return new QualityThresholds(v[0], v[1], v[2], v[3], v[4], v[5]);
    }

    private static String json(QualityReport report) {
        try {
            return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(report)
                    + System.lineSeparator();
        } catch (IOException e) {
            throw new IllegalStateException("quality report is not serialisable", e);
        }
    }
}
