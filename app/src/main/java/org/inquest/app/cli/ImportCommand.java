package org.inquest.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.inquest.connectors.catalog.ColumnInfo;
import org.inquest.connectors.ingest.CancelHandle;
import org.inquest.connectors.ingest.FileOutcome;
import org.inquest.connectors.ingest.ImportCancelledException;
import org.inquest.connectors.ingest.ImportKind;
import org.inquest.connectors.ingest.ImportListener;
import org.inquest.connectors.ingest.ImportRequest;
import org.inquest.connectors.ingest.ImportResult;
import org.inquest.connectors.ingest.Importer;
import org.inquest.connectors.ingest.RoleInference;
import org.inquest.connectors.traces.SpanTable;
import org.inquest.connectors.timing.PhaseTimer;
import org.inquest.connectors.traces.TraceIntegrity;
import org.inquest.connectors.workspace.Identifiers;
import org.inquest.connectors.workspace.Workspace;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code inquest import}: files into a workspace table, with validation, quarantine and lineage. */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = {"Import CSV, Parquet or JSON Lines files into a workspace table (created on first import);"
                + " with --kind traces, OTLP JSON or Jaeger JSON trace files into a spans table.",
            "Several files, or a glob, append into one table. Rows that break the rules (malformed line, score not"
                + " in [0, 1], label not 0/1, bad timestamp) go to the quarantine; a file that cannot be read at all"
                + " is refused whole (exit 3). Each file is imported atomically."})
public final class ImportCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--workspace", required = true, paramLabel = "FILE",
            description = "The workspace (a DuckDB file), created when missing.")
    Path workspace;

    @Option(names = "--table", required = true, paramLabel = "NAME",
            description = "Table to create or append to (letters, digits, _).")
    String table;

    @Option(names = "--kind", paramLabel = "KIND",
            description = "predictions (default for a new table), snapshot or traces.")
    String kind;

    @Option(names = "--role", paramLabel = "ROLE=COLUMN",
            description = "Give COLUMN a role (id, timestamp, model_version, score, prediction, label, latency_ms,"
                    + " trace_id, feature), overriding the inference from names. Repeatable.")
    List<String> roles = new ArrayList<>();

    @Option(names = "--json", description = "Print the result as one JSON object.")
    boolean json;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Files or globs to import.")
    List<String> files;

    @Override
    public Integer call() {
        ImportRequest request = new ImportRequest(table, kind == null ? null : ImportKind.fromWireName(kind),
                RoleInference.parseOverrides(roles), SourceFiles.expand(files));
        CancelHandle cancel = new CancelHandle();
        CountDownLatch finished = new CountDownLatch(1);
        Thread onInterrupt = new Thread(() -> {
            cancel.cancel();
            try {
                finished.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "inquest-import-cancel");
        Runtime.getRuntime().addShutdownHook(onInterrupt);
        ImportResult result;
        TraceIntegrity.Counts traceWarnings = null;
        PhaseTimer.mark("import: arguments");
        try (Workspace ws = Workspace.open(workspace)) {
            PhaseTimer.mark("workspace open");
            result = new Importer(ws).run(request, new ProgressLine(spec.commandLine().getErr()), cancel);
            if (SpanTable.KIND.equals(result.table().kind())) {
                traceWarnings = traceWarnings(ws, result.table().name());
            }
        } catch (ImportCancelledException e) {
            // Reported here, before the shutdown hook is released: once it returns the JVM may halt at any moment.
            spec.commandLine().getErr().println("inquest: " + e.getMessage());
            spec.commandLine().getErr().flush();
            return e.exitCode();
        } finally {
            PhaseTimer.mark("workspace close (checkpoint)");
            finished.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(onInterrupt);
            } catch (IllegalStateException shuttingDown) {
                // Ctrl-C arrived: the hook is running and returns now that the import rolled back.
            }
        }
        var out = spec.commandLine().getOut();
        if (json) {
            out.println(toJson(result, traceWarnings));
        } else {
            printSummary(out, result);
            printTraceWarnings(out, traceWarnings);
        }
        out.flush();
        PhaseTimer.mark("import: summary printed");
        return InquestCommand.EXIT_OK;
    }

    /** Broken traces in a spans table: kept, and counted for the summary (ADR 0070). */
    private static TraceIntegrity.Counts traceWarnings(Workspace ws, String table) {
        try {
            return TraceIntegrity.count(ws.connection(), Identifiers.userTable(table));
        } catch (java.sql.SQLException e) {
            throw new org.inquest.connectors.error.InputException("checking the traces of " + table + ": "
                    + Workspace.firstLine(e.getMessage()), e);
        }
    }

    private static void printTraceWarnings(java.io.PrintWriter out, TraceIntegrity.Counts w) {
        if (w != null && w.total() > 0) {
            out.printf(Locale.ROOT, "trace warnings (kept, see inquest trace show): %d orphan spans, %d duplicate span"
                    + " ids, %d spans in cycles, %d children outside their parent, %d clock skew%n", w.orphanSpans(),
                    w.duplicateSpanIds(), w.spansInCycles(), w.childrenOutsideParent(), w.clockSkew());
        }
    }

    static String toJson(ImportResult result) {
        return toJson(result, null);
    }

    static String toJson(ImportResult result, TraceIntegrity.Counts traceWarnings) {
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode root = mapper.createObjectNode();
        root.put("table", result.table().name());
        root.put("rows", result.rowsAccepted());
        root.put("quarantined", result.rowsQuarantined());
        ArrayNode columns = root.putArray("columns");
        for (ColumnInfo c : result.table().columns()) {
            ObjectNode column = columns.addObject();
            column.put("name", c.name());
            column.put("type", c.sqlType());
            column.put("role", c.role().wireName());
            column.put("feature_kind", c.featureKind() == null ? null : c.featureKind().wireName());
        }
        root.put("kind", result.table().kind());
        root.put("table_rows", result.table().rows());
        ArrayNode files = root.putArray("files");
        for (FileOutcome f : result.files()) {
            ObjectNode file = files.addObject();
            file.put("path", f.file().toString());
            file.put("format", f.format().wireName());
            file.put("rows", f.rowsAccepted());
            file.put("quarantined", f.rowsQuarantined());
            file.put("size_bytes", f.sizeBytes());
            file.put("sha256", f.sha256());
            if (f.cutLine() > 0) {
                file.put("truncated_line", f.cutLine());
            }
        }
        if (traceWarnings != null) {
            ObjectNode w = root.putObject("warnings");
            w.put("orphan_spans", traceWarnings.orphanSpans());
            w.put("duplicate_span_ids", traceWarnings.duplicateSpanIds());
            w.put("spans_in_cycles", traceWarnings.spansInCycles());
            w.put("children_outside_parent", traceWarnings.childrenOutsideParent());
            w.put("clock_skew", traceWarnings.clockSkew());
        }
        return root.toString();
    }

    private void printSummary(java.io.PrintWriter out, ImportResult result) {
        for (FileOutcome f : result.files()) {
            out.printf(Locale.ROOT, "imported %s (%s): %,d rows, %,d quarantined%n", f.file(), f.format().wireName(),
                    f.rowsAccepted(), f.rowsQuarantined());
            if (f.cutLine() > 0) {
                out.println(cutWarning(f));
            }
        }
        var t = result.table();
        out.printf(Locale.ROOT, "table %s (%s): %,d rows, %d columns%n", t.name(), t.kind(), t.rows(),
                t.columns().size());
        int width = t.columns().stream().mapToInt(c -> c.name().length()).max().orElse(4);
        int typeWidth = t.columns().stream().mapToInt(c -> c.sqlType().length()).max().orElse(4);
        for (ColumnInfo c : t.columns()) {
            String role = c.role().wireName() + (c.featureKind() == null || !c.isFeature() ? ""
                    : " (" + c.featureKind().wireName() + ")");
            out.printf(Locale.ROOT, "  %-" + width + "s  %-" + typeWidth + "s  %s%n", c.name(), c.sqlType(), role);
        }
        if (result.rowsQuarantined() > 0) {
            out.printf(Locale.ROOT, "see what was set aside: inquest quarantine --workspace %s --table %s%n",
                    workspace, t.name());
        }
    }

    /** The warning for a file that ends inside its last line (a writer stopped mid-line): one line, naming both. */
    static String cutWarning(FileOutcome f) {
        return String.format(Locale.ROOT, "warning: %s: line %d: truncated JSON (file ends mid-object): that line is"
                + " quarantined, the lines before it are imported", f.file(), f.cutLine());
    }

    /** Prints DuckDB's progress on stderr while a long statement runs (about once a second). */
    private static final class ProgressLine implements ImportListener {
        private final java.io.PrintWriter err;
        private long lastRows = -1;

        ProgressLine(java.io.PrintWriter err) {
            this.err = err;
        }

        @Override
        public synchronized void progress(Path file, long rowsRead, double rowsPerSecond) {
            if (rowsRead == lastRows) {
                return; // DuckDB is writing what it read; a repeated count says nothing new
            }
            lastRows = rowsRead;
            err.printf(Locale.ROOT, "inquest: importing %s: %,d rows (%,.0f rows/s)%n", file.getFileName(), rowsRead,
                    rowsPerSecond);
            err.flush();
        }
    }
}
