package org.inquest.app.ui.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.inquest.app.ui.TestWorkspaces;
import org.inquest.app.ui.analysis.IncidentSnapshot;
import org.inquest.app.ui.slice.SliceSpec;
import org.inquest.app.ui.task.SyncRunner;
import org.inquest.connectors.catalog.ColumnInfo;
import org.inquest.connectors.catalog.ColumnRole;
import org.inquest.connectors.catalog.FeatureKind;
import org.inquest.connectors.workspace.Workspace;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The report tab without a display: the chosen format, sections and redacted columns reach the written file. 120
 * rows, reference ids 0-59, current 60-119; region 'zanzibar' for even ids and 'quixote' for odd ones (values that
 * appear nowhere else, so a leak is visible); gender F when id % 4 = 1, else M; odd ids score 0.9 (selected), even
 * ids 0.1. In the current slice the 15 F rows are all odd (selection rate 1) and 15 of the 45 M rows are odd (1/3):
 * demographic parity difference 2/3, ratio 1/3, a four-fifths violation.
 */
class ReportViewModelTest {
    static final String REFERENCE = "id < 60";
    static final String CURRENT = "id >= 60";
    @TempDir
    Path dir;
    Workspace ws;
    SyncRunner runner;
    ReportViewModel vm;
    final List<Path> done = new ArrayList<>();

    @BeforeEach
    void open() throws Exception {
        ws = TestWorkspaces.table(dir, "r", "SELECT i AS id, TIMESTAMP '2026-01-01' + INTERVAL (i) MINUTE AS ts,"
                + " CASE WHEN i % 2 = 0 THEN 'zanzibar' ELSE 'quixote' END AS region,"
                + " CASE WHEN i % 4 = 1 THEN 'F' ELSE 'M' END AS gender, CASE WHEN i % 2 = 0 THEN 0.1 ELSE 0.9 END"
                + " AS score, CASE WHEN i % 2 = 1 AND i < 60 THEN 1 ELSE 0 END AS label,"
                + " 10.0 + i % 7 AS latency_ms FROM range(120) t(i)",
                new ColumnInfo("id", "BIGINT", ColumnRole.ID, null),
                new ColumnInfo("ts", "TIMESTAMP", ColumnRole.TIMESTAMP, null),
                new ColumnInfo("region", "VARCHAR", ColumnRole.FEATURE, FeatureKind.CATEGORICAL),
                new ColumnInfo("gender", "VARCHAR", ColumnRole.FEATURE, FeatureKind.CATEGORICAL),
                new ColumnInfo("score", "DOUBLE", ColumnRole.SCORE, null),
                new ColumnInfo("label", "INTEGER", ColumnRole.LABEL, null),
                new ColumnInfo("latency_ms", "DOUBLE", ColumnRole.LATENCY_MS, null));
        runner = SyncRunner.on(ws);
        vm = new ReportViewModel();
        vm.attach(runner, ws.file());
    }

    @AfterEach
    void close() {
        ws.close();
    }

    IncidentSnapshot snapshot(String referenceWhere, String currentWhere) {
        return TestWorkspaces.snapshot(ws, "r", referenceWhere, currentWhere);
    }

    Path export(String name) {
        Path file = dir.resolve(name);
        vm.export(file, done::add);
        return file;
    }

    @Test
    void theChoicesComeFromTheCurrentTable() {
        vm.show(snapshot(REFERENCE, CURRENT));
        assertEquals(List.of("region", "gender"), vm.categorical());
        assertEquals(List.of("id", "ts", "region", "gender", "score", "label", "latency_ms"), vm.columns());
        assertEquals(ReportViewModel.Format.HTML, vm.formatProperty().get());
    }

    @Test
    void jsonWithTheChosenSectionsAndNoRedactedValue() throws Exception {
        vm.show(snapshot(REFERENCE, CURRENT));
        vm.formatProperty().set(ReportViewModel.Format.JSON);
        vm.calibrationProperty().set(false);
        vm.latencyProperty().set(false);
        vm.sensitive().add("gender");
        vm.redacted().add("region");
        Path file = export("report.json");
        assertEquals(List.of(file), done);
        assertEquals(file, vm.writtenProperty().get());
        assertEquals("Report written to " + file, vm.stateProperty().get());
        String text = Files.readString(file);
        assertFalse(text.contains("zanzibar"), "a redacted value is in the report");
        assertFalse(text.contains("quixote"), "a redacted value is in the report");
        assertTrue(text.contains("region#"), "the region's values appear as pseudonyms");
        JsonNode root = new ObjectMapper().readTree(text);
        assertTrue(root.get("calibration").isNull(), "calibration left out");
        assertTrue(root.get("latency").isNull(), "latency left out");
        assertEquals("region", root.get("redacted_columns").get(0).asText());
        JsonNode fairness = root.get("fairness");
        assertEquals(1, fairness.size());
        assertEquals("gender", fairness.get(0).get("attribute").asText());
        JsonNode current = fairness.get(0).get("current");
        assertEquals("F", current.get("groups").get(0).get("group").asText());
        assertEquals(1.0, current.get("groups").get(0).get("selection_rate").asDouble(), 1e-12);
        assertEquals(1.0 / 3, current.get("groups").get(1).get("selection_rate").asDouble(), 1e-12);
        assertEquals(2.0 / 3, current.get("demographic_parity_difference").asDouble(), 1e-12);
        assertTrue(current.get("four_fifths_violated").asBoolean());
        assertTrue(root.get("command").asText().contains("--format json"), root.get("command").asText());
    }

    @Test
    void withoutRedactionTheValuesAndTheOptionalSectionsAreThere() throws Exception {
        vm.show(snapshot(REFERENCE, CURRENT));
        vm.formatProperty().set(ReportViewModel.Format.JSON);
        String text = Files.readString(export("plain.json"));
        assertTrue(text.contains("zanzibar"), "the control: unredacted, the value is in the report");
        JsonNode root = new ObjectMapper().readTree(text);
        assertFalse(root.get("calibration").isNull());
        assertFalse(root.get("latency").isNull());
        assertEquals(0, root.get("fairness").size(), "no sensitive column chosen");
    }

    @Test
    void aRedactedValueInAFilterDoesNotLeakThroughTheCommandLine() throws Exception {
        vm.show(snapshot(REFERENCE, "id >= 60 AND region = 'zanzibar'"));
        vm.redacted().add("region");
        for (ReportViewModel.Format f : ReportViewModel.Format.values()) {
            vm.formatProperty().set(f);
            String text = Files.readString(export("filtered." + f.extension()));
            int at = text.indexOf("zanzibar");
            assertEquals(-1, at, () -> f + " shows a redacted value: …" + text.substring(Math.max(0, at - 80),
                    Math.min(text.length(), at + 20)));
        }
        vm.formatProperty().set(ReportViewModel.Format.JSON);
        String command = new ObjectMapper().readTree(Files.readString(export("filtered.json"))).get("command")
                .asText();
        assertTrue(command.contains("--current-where") && command.contains("region#"), command);
        assertTrue(command.contains("--redact region"), command);
    }

    /**
     * The report's command is its reproduction: split by a POSIX shell (a filter with a quote in it) and run by the
     * command line, it writes the same numbers and prints the same command (up to the output file).
     */
    @Test
    void theCommandRunByTheCommandLineReproducesTheReport() throws Exception {
        vm.show(snapshot(REFERENCE, "id >= 60 AND region <> 'o''hara'"));
        vm.sensitive().add("gender");
        vm.formatProperty().set(ReportViewModel.Format.JSON);
        JsonNode workbench = new ObjectMapper().readTree(Files.readString(export("workbench.json")));
        List<String> words = shellWords(workbench.get("command").asText());
        assertEquals(List.of("inquest", "report"), words.subList(0, 2));
        assertTrue(words.contains("id >= 60 AND region <> 'o''hara'"), words.toString());
        List<String> args = new ArrayList<>(words.subList(1, words.size())); // "report" and its options
        args.set(args.indexOf("--out") + 1, dir.resolve("cli.json").toString());
        ws.close(); // the command line opens the workspace itself
        java.io.StringWriter err = new java.io.StringWriter();
        assertEquals(0, org.inquest.app.cli.InquestCommand.run(new java.io.PrintWriter(new java.io.StringWriter()),
                new java.io.PrintWriter(err), args.toArray(String[]::new)), err.toString());
        JsonNode cli = new ObjectMapper().readTree(Files.readString(dir.resolve("cli.json")));
        for (String section : List.of("performance", "calibration", "fairness", "latency", "segments")) {
            assertEquals(workbench.get(section), cli.get(section), section);
        }
        assertEquals(workbench.get("drift").get("features"), cli.get("drift").get("features"));
        assertEquals(workbench.get("command").asText().replaceAll(" --out \\S+$", ""),
                cli.get("command").asText().replaceAll(" --out \\S+$", ""));
        ws = Workspace.open(ws.file());
    }

    /** {@code command}'s words as a POSIX shell splits them ({@code inquest} runs as a function printing them). */
    static List<String> shellWords(String command) throws Exception {
        Process p = new ProcessBuilder("sh", "-c", "inquest() { printf '%s\\n' inquest \"$@\"; }; " + command)
                .redirectErrorStream(true).start();
        List<String> words = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)
                .lines().toList();
        assertEquals(0, p.waitFor(), String.join("\n", words));
        return words;
    }

    @Test
    void theFairnessSectionLeftOutDespiteASensitiveColumn() throws Exception {
        vm.show(snapshot(REFERENCE, CURRENT));
        vm.formatProperty().set(ReportViewModel.Format.JSON);
        vm.sensitive().add("gender");
        vm.fairnessProperty().set(false);
        JsonNode root = new ObjectMapper().readTree(Files.readString(export("nofair.json")));
        assertEquals(0, root.get("fairness").size());
        assertFalse(root.get("calibration").isNull(), "calibration stays when only fairness is left out");
    }

    @Test
    void choicesOfColumnsTheNewTableLacksAreDropped() throws Exception {
        vm.show(snapshot(REFERENCE, CURRENT));
        vm.sensitive().add("gender");
        vm.redacted().addAll(List.of("region", "latency_ms"));
        TestWorkspaces.addTable(ws, "narrow", "SELECT id, region, score, label FROM r",
                new ColumnInfo("id", "BIGINT", ColumnRole.ID, null),
                new ColumnInfo("region", "VARCHAR", ColumnRole.FEATURE, FeatureKind.CATEGORICAL),
                new ColumnInfo("score", "DOUBLE", ColumnRole.SCORE, null),
                new ColumnInfo("label", "INTEGER", ColumnRole.LABEL, null));
        vm.show(TestWorkspaces.snapshot(ws, new SliceSpec("r", REFERENCE, "narrow", "")));
        assertEquals(List.of("region"), vm.categorical());
        assertEquals(List.of(), vm.sensitive(), "gender is not in the current table any more");
        assertEquals(List.of("region"), vm.redacted());
    }

    @Test
    void markdownAndHtmlAreWrittenInTheirFormat() throws Exception {
        vm.show(snapshot(REFERENCE, CURRENT));
        vm.formatProperty().set(ReportViewModel.Format.MARKDOWN);
        String md = Files.readString(export("report.md"));
        assertTrue(md.startsWith("# "), md.substring(0, Math.min(80, md.length())));
        vm.formatProperty().set(ReportViewModel.Format.HTML);
        String html = Files.readString(export("report.html"));
        assertTrue(html.startsWith("<!DOCTYPE html>"), html.substring(0, Math.min(80, html.length())));
        assertEquals(2, done.size());
    }

    @Test
    void nothingIsWrittenBeforeSlicesAreApplied() {
        Path file = export("none.json");
        assertEquals("Apply slices first.", vm.stateProperty().get());
        assertFalse(Files.exists(file));
        assertEquals(0, runner.submissions().size());
    }

    @Test
    void aFailureIsShownAsOneLine() throws Exception {
        vm.show(snapshot(REFERENCE, CURRENT));
        TestWorkspaces.drop(ws, "r");
        Path file = export("failed.json");
        String state = vm.stateProperty().get();
        assertTrue(state.startsWith("Report failed: "), state);
        assertFalse(state.contains("\n"), state);
        assertFalse(Files.exists(file));
        assertTrue(done.isEmpty());
        assertNull(vm.writtenProperty().get());
    }
}
