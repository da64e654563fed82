package org.inquest.app.ui.report;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.inquest.analysis.calibration.BinStrategy;
import org.inquest.analysis.report.FilterRedaction;
import org.inquest.analysis.report.Redactor;
import org.inquest.analysis.report.Report;
import org.inquest.analysis.report.ReportBuilder;
import org.inquest.analysis.report.ReportHtml;
import org.inquest.analysis.report.ReportJson;
import org.inquest.analysis.report.ReportMarkdown;
import org.inquest.analysis.report.ReportOptions;
import org.inquest.app.ui.analysis.IncidentService;
import org.inquest.app.ui.analysis.IncidentSnapshot;
import org.inquest.app.ui.task.Errors;
import org.inquest.app.ui.task.TaskRunner;
import org.inquest.connectors.catalog.ColumnInfo;
import org.inquest.connectors.catalog.FeatureKind;

/**
 * The report tab: which optional sections, which columns are sensitive (fairness) and which are redacted, the
 * format; exporting builds the report with the report engine for the applied slices and writes it.
 */
public final class ReportViewModel {
    public enum Format {
        HTML("html"), MARKDOWN("md"), JSON("json");

        final String extension;

        Format(String extension) {
            this.extension = extension;
        }

        public String extension() {
            return extension;
        }
    }

    private final ObservableList<String> categorical = FXCollections.observableArrayList();
    private final ObservableList<String> columns = FXCollections.observableArrayList();
    private final ObservableList<String> sensitive = FXCollections.observableArrayList();
    private final ObservableList<String> redacted = FXCollections.observableArrayList();
    private final ObjectProperty<Format> format = new SimpleObjectProperty<>(Format.HTML);
    private final BooleanProperty calibration = new SimpleBooleanProperty(true);
    private final BooleanProperty fairness = new SimpleBooleanProperty(true);
    private final BooleanProperty latency = new SimpleBooleanProperty(true);
    private final StringProperty state = new SimpleStringProperty("");
    private final ObjectProperty<Path> written = new SimpleObjectProperty<>();
    private IncidentSnapshot snapshot;
    private TaskRunner runner;
    private Path workspaceFile;

    public void attach(TaskRunner runner, Path workspaceFile) {
        this.runner = runner;
        this.workspaceFile = workspaceFile;
        show(null);
    }

    public void show(IncidentSnapshot s) {
        snapshot = s;
        if (s == null) {
            return;
        }
        List<String> cats = s.current().table().features().stream()
                .filter(c -> c.featureKind() == FeatureKind.CATEGORICAL).map(ColumnInfo::name).toList();
        if (!cats.equals(categorical)) {
            categorical.setAll(cats);
            sensitive.retainAll(cats);
        }
        List<String> all = s.current().table().columns().stream().map(ColumnInfo::name).toList();
        if (!all.equals(columns)) {
            columns.setAll(all);
            redacted.retainAll(all);
        }
    }

    /** Builds the report for the applied slices and writes it to {@code file}; {@code done} gets the path. */
    public void export(Path file, java.util.function.Consumer<Path> done) {
        IncidentSnapshot s = snapshot;
        if (runner == null || s == null) {
            state.set("Apply slices first.");
            return;
        }
        Format f = format.get();
        boolean withCalibration = calibration.get();
        boolean withFairness = fairness.get();
        boolean withLatency = latency.get();
        List<String> sensitiveColumns = List.copyOf(sensitive);
        List<String> redactedColumns = List.copyOf(redacted);
        ReportOptions options = new ReportOptions(sensitiveColumns, IncidentService.THRESHOLD,
                BinStrategy.UNIFORM, new LinkedHashSet<>(redactedColumns), null, List.of(), null, null);
        state.set("Building the report…");
        runner.submit("Building the report", ctx -> {
            Report full = new ReportBuilder(ctx.connection()).build(s.reference(), s.current(), options);
            // The command's filters shown with the report's own pseudonyms, as the CLI does: a filter on a redacted
            // column must not reveal the value it compares with.
            String command = command(s, f, file, sensitiveColumns, redactedColumns, full.redactor());
            Report r = withSections(full, command, withCalibration, withFairness, withLatency);
            String text = switch (f) {
                case HTML -> ReportHtml.render(r);
                case MARKDOWN -> ReportMarkdown.render(r);
                case JSON -> ReportJson.render(r);
            };
            Files.writeString(file, text, StandardCharsets.UTF_8);
            return file;
        }, p -> {
            written.set(p);
            state.set("Report written to " + p);
            done.accept(p);
        }, e -> state.set("Report failed: " + Errors.oneLine(e)));
    }

    /** The report with {@code command} and without the optional sections the user left out. */
    static Report withSections(Report r, String command, boolean calibration, boolean fairness, boolean latency) {
        return new Report(command, r.generatedAt(), r.drift(), r.task(), r.labelColumn(), r.threshold(),
                r.performance(), r.versionColumn(), r.performanceByVersion(), r.performanceBySegment(), r.windows(),
                calibration ? r.calibration() : null, calibration ? r.calibrationByVersion() : null,
                fairness ? r.fairness() : List.of(),
                latency ? r.latency() : null, latency ? r.latencyByVersion() : null, r.quality(), r.segments(),
                r.inputs(), r.summary(), r.redactor());
    }

    /**
     * The command line that reproduces the report, written by the same function as the CLI's own (filters on a
     * redacted column shown as {@code redactor}'s pseudonyms, every argument quoted for a POSIX shell).
     */
    String command(IncidentSnapshot s, Format f, Path out, List<String> sensitive, List<String> redacted,
            Redactor redactor) {
        List<String> args = new ArrayList<>(List.of("--workspace",
                workspaceFile == null ? "WORKSPACE" : workspaceFile.toString(), "--reference",
                s.spec().referenceTable()));
        if (!s.spec().referenceWhere().isBlank()) {
            args.add("--reference-where");
            args.add(s.spec().referenceWhere());
        }
        args.add("--current");
        args.add(s.spec().currentTable());
        if (!s.spec().currentWhere().isBlank()) {
            args.add("--current-where");
            args.add(s.spec().currentWhere());
        }
        sensitive.forEach(c -> {
            args.add("--sensitive");
            args.add(c);
        });
        redacted.forEach(c -> {
            args.add("--redact");
            args.add(c);
        });
        args.add("--format");
        args.add(f.name().toLowerCase(Locale.ROOT));
        args.add("--out");
        args.add(out.getFileName().toString());
        return FilterRedaction.command(args, redactor);
    }

    public ObservableList<String> categorical() {
        return categorical;
    }

    public ObservableList<String> columns() {
        return columns;
    }

    public ObservableList<String> sensitive() {
        return sensitive;
    }

    public ObservableList<String> redacted() {
        return redacted;
    }

    public ObjectProperty<Format> formatProperty() {
        return format;
    }

    public BooleanProperty calibrationProperty() {
        return calibration;
    }

    public BooleanProperty fairnessProperty() {
        return fairness;
    }

    public BooleanProperty latencyProperty() {
        return latency;
    }

    public StringProperty stateProperty() {
        return state;
    }

    public ObjectProperty<Path> writtenProperty() {
        return written;
    }
}
