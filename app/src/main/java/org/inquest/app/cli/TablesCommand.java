package org.inquest.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.inquest.connectors.catalog.Catalog;
import org.inquest.connectors.catalog.ColumnInfo;
import org.inquest.connectors.catalog.FeatureKind;
import org.inquest.connectors.catalog.TableInfo;
import org.inquest.connectors.ingest.ImportLog;
import org.inquest.connectors.workspace.TraceLinks;
import org.inquest.connectors.workspace.Workspace;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code inquest tables}: what a workspace holds — tables, row counts, kinds, roles, quarantine, sources. */
@Command(name = "tables", mixinStandardHelpOptions = true,
        description = "List the tables of a workspace with row counts, kind, column roles, quarantined rows and"
                + " the files they were imported from.")
public final class TablesCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--workspace", required = true, paramLabel = "FILE", description = "The workspace.")
    Path workspace;

    @Option(names = "--json", description = "Print one JSON object.")
    boolean json;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (Workspace ws = Workspace.openReadOnly(workspace)) {
            Catalog catalog = new Catalog(ws.connection());
            ImportLog log = new ImportLog(ws.connection());
            List<TableInfo> tables = catalog.tables();
            List<TraceLinks.Saved> links = new TraceLinks(ws.connection()).all();
            if (json) {
                out.println(toJson(tables, log, links));
            } else if (tables.isEmpty()) {
                out.println("the workspace has no tables yet; add one with: inquest import --workspace " + workspace
                        + " --table NAME FILE...");
            } else {
                for (TableInfo t : tables) {
                    printTable(out, t, log, links);
                }
            }
        }
        out.flush();
        return InquestCommand.EXIT_OK;
    }

    static String toJson(List<TableInfo> tables, ImportLog log, List<TraceLinks.Saved> links) {
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode root = mapper.createObjectNode();
        ArrayNode array = root.putArray("tables");
        for (TableInfo t : tables) {
            ObjectNode table = array.addObject();
            table.put("name", t.name());
            table.put("kind", t.kind());
            table.put("rows", t.rows());
            table.put("quarantined", log.quarantined(t.name()));
            ArrayNode columns = table.putArray("columns");
            for (ColumnInfo c : t.columns()) {
                ObjectNode column = columns.addObject();
                column.put("name", c.name());
                column.put("type", c.sqlType());
                column.put("role", c.role().wireName());
                column.put("feature_kind", c.featureKind() == null ? null : c.featureKind().wireName());
            }
            ArrayNode tableLinks = table.putArray("links");
            for (TraceLinks.Saved l : links) {
                if (l.predictionsTable().equals(t.name())) {
                    ObjectNode link = tableLinks.addObject();
                    link.put("spans", l.spansTable());
                    link.put("by", l.link().by());
                    link.put("column", l.link().column());
                    if (l.link().attribute() != null) {
                        link.put("attribute", l.link().attribute());
                    }
                }
            }
            ArrayNode sources = table.putArray("sources");
            for (ImportLog.Entry e : log.sources(t.name())) {
                ObjectNode source = sources.addObject();
                source.put("path", e.sourcePath());
                source.put("format", e.format());
                source.put("size_bytes", e.sizeBytes());
                source.put("sha256", e.sha256());
                source.put("imported_at", e.importedAt());
                source.put("rows_accepted", e.rowsAccepted());
                source.put("rows_quarantined", e.rowsQuarantined());
            }
        }
        return root.toString();
    }

    private static void printTable(PrintWriter out, TableInfo t, ImportLog log, List<TraceLinks.Saved> links) {
        out.printf(Locale.ROOT, "%s (%s): %,d rows, %,d quarantined%n", t.name(), t.kind(), t.rows(),
                log.quarantined(t.name()));
        List<String> roles = new ArrayList<>();
        int numerical = 0;
        int categorical = 0;
        for (ColumnInfo c : t.columns()) {
            if (!c.isFeature()) {
                roles.add(c.role().wireName() + "=" + c.name());
            } else if (c.featureKind() == FeatureKind.NUMERICAL) {
                numerical++;
            } else {
                categorical++;
            }
        }
        out.printf(Locale.ROOT, "  roles:    %s%n", roles.isEmpty() ? "(none)" : String.join(", ", roles));
        List<String> numericalNames = new ArrayList<>();
        List<String> categoricalNames = new ArrayList<>();
        for (ColumnInfo c : t.features()) {
            (c.featureKind() == FeatureKind.NUMERICAL ? numericalNames : categoricalNames).add(c.name());
        }
        out.printf(Locale.ROOT, "  features: %d numerical%s, %d categorical%s%n", numerical,
                numericalNames.isEmpty() ? "" : " (" + String.join(", ", numericalNames) + ")", categorical,
                categoricalNames.isEmpty() ? "" : " (" + String.join(", ", categoricalNames) + ")");
        for (TraceLinks.Saved l : links) {
            if (l.predictionsTable().equals(t.name())) {
                out.printf(Locale.ROOT, "  link:     %s -> %s by %s%n", l.link().column(), l.spansTable(),
                        l.link().byTraceId() ? "trace_id" : "attribute '" + l.link().attribute() + "'");
            }
        }
        for (ImportLog.Entry e : log.sources(t.name())) {
            out.printf(Locale.ROOT, "  source:   %s (%s, %,d rows, %,d quarantined, %s, sha256 %s)%n",
                    e.sourcePath(), e.format(), e.rowsAccepted(), e.rowsQuarantined(), e.importedAt(),
                    e.sha256() == null ? "-" : e.sha256().substring(0, Math.min(12, e.sha256().length())));
        }
    }
}
