package org.inquest.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Statement;
import java.util.List;
import org.inquest.connectors.workspace.Workspace;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DriftCommandTest {
    @TempDir
    static Path dir;
    static Path workspace;

    /** Reference: a uniform feature and a balanced category; current: the feature shifted, a new category. */
    @BeforeAll
    static void createWorkspace() throws Exception {
        workspace = dir.resolve("w.duckdb");
        try (Workspace ws = Workspace.open(workspace); Statement s = ws.connection().createStatement()) {
            s.execute("CREATE TABLE ref AS SELECT i % 100 + 0.5 AS amount, CASE WHEN i % 2 = 0 THEN 'a' ELSE 'b' END"
                    + " AS colour, i % 7 AS small FROM range(2000) t(i)");
            s.execute("CREATE TABLE cur AS SELECT i % 100 + 40.5 AS amount, CASE WHEN i % 3 = 0 THEN 'c' ELSE 'a' END"
                    + " AS colour, i % 7 AS small, 1 AS extra FROM range(3000) t(i)");
        }
    }

    private record Run(int code, String out, String err) {
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        List<String> all = new java.util.ArrayList<>(List.of("drift", "--workspace", workspace.toString()));
        all.addAll(List.of(args));
        int code = InquestCommand.run(new PrintWriter(out), new PrintWriter(err), all.toArray(String[]::new));
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void jsonHasTheContractShape() throws Exception {
        Run r = run("--reference", "ref", "--current", "cur");
        assertEquals(0, r.code(), r.err());
        JsonNode json = new ObjectMapper().readTree(r.out());
        assertEquals("ref", json.at("/reference/table").asText());
        assertTrue(json.at("/reference/where").isNull());
        assertEquals(2000, json.at("/reference/rows").asLong());
        assertEquals(3000, json.at("/current/rows").asLong());
        assertEquals(0.5, json.get("drift_share_threshold").asDouble());
        JsonNode features = json.get("features");
        assertEquals(3, features.size());
        JsonNode amount = features.get(0);
        assertEquals("amount", amount.get("name").asText());
        assertEquals("numerical", amount.get("kind").asText());
        assertEquals("wasserstein", amount.get("method").asText());
        assertTrue(amount.get("drifted").asBoolean());
        assertTrue(amount.get("p_value").isNull());
        for (String metric : List.of("ks_statistic", "ks_p_value", "wasserstein", "wasserstein_normed", "psi",
                "jensen_shannon")) {
            assertTrue(amount.at("/metrics/" + metric).isNumber(), metric);
        }
        // Every current value is the reference value + 40: the Wasserstein distance is exactly 40.
        assertEquals(40.0, amount.at("/metrics/wasserstein").asDouble(), 1e-9);
        assertEquals(0.4, amount.at("/metrics/ks_statistic").asDouble(), 1e-12);
        JsonNode colour = features.get(1);
        assertEquals("categorical", colour.get("kind").asText());
        assertEquals("jensenshannon", colour.get("method").asText());
        assertTrue(colour.at("/metrics/chi_square_p_value").isNumber());
        assertEquals(2.0 / 3.0, json.get("drift_share").asDouble(), 1e-12);
        assertTrue(json.get("dataset_drift").asBoolean());
        assertEquals("extra", json.at("/schema_differences/0/column").asText());
        assertEquals("missing_in_reference", json.at("/schema_differences/0/difference").asText());
        assertFalse(json.has("windows"));
    }

    @Test
    void failOnDriftExitsOneWhenTheDatasetDrifts() {
        assertEquals(1, run("--reference", "ref", "--current", "cur", "--fail-on-drift").code());
        assertEquals(0, run("--reference", "ref", "--current", "ref", "--fail-on-drift").code());
        assertEquals(0, run("--reference", "ref", "--current", "cur", "--features", "small", "--fail-on-drift").code());
    }

    @Test
    void unknownFeatureOrTableIsAUsageError() {
        Run feature = run("--reference", "ref", "--current", "cur", "--features", "amount,nope");
        assertEquals(2, feature.code());
        assertTrue(feature.err().startsWith("inquest: unknown feature 'nope'"), feature.err());
        assertEquals(1, feature.err().strip().lines().count(), feature.err());
        Run table = run("--reference", "missing", "--current", "cur");
        assertEquals(2, table.code());
        assertTrue(table.err().contains("unknown table 'missing'"), table.err());
        assertEquals(2, run("--reference", "ref", "--current", "cur", "--method", "magic").code());
        assertEquals(2, run("--reference", "ref", "--current", "cur", "--by", "fortnight").code());
    }

    @Test
    void forcedMethodAndThresholdAreApplied() throws Exception {
        Run r = run("--reference", "ref", "--current", "cur", "--features", "amount", "--method", "psi",
                "--threshold", "1000");
        JsonNode f = new ObjectMapper().readTree(r.out()).at("/features/0");
        assertEquals("psi", f.get("method").asText());
        assertEquals(1000.0, f.get("threshold").asDouble());
        assertFalse(f.get("drifted").asBoolean());
        assertEquals(f.at("/metrics/psi").asDouble(), f.get("statistic").asDouble());
    }

    @Test
    void byRowsAddsWindowsAndWarnsAboutSmallOnes() throws Exception {
        Run r = run("--reference", "ref", "--current", "cur", "--by", "rows:1000", "--features", "amount");
        assertEquals(0, r.code(), r.err());
        JsonNode windows = new ObjectMapper().readTree(r.out()).get("windows");
        assertEquals(3, windows.size());
        assertEquals(1000, windows.get(0).get("rows").asLong());
        assertEquals("1", windows.get(0).get("start").asText());
        assertEquals("1000", windows.get(0).get("end").asText());
        Run small = run("--reference", "ref", "--current", "cur", "--by", "rows:2950", "--features", "amount");
        assertTrue(small.err().contains("warning: window 2 (2951 to 3000) has only"), small.err());
        assertTrue(new ObjectMapper().readTree(small.out()).at("/windows/1/warning").isTextual());
    }

    @Test
    void csvHasARowPerFeatureAndPerWindowWithTheJsonNumbers() throws Exception {
        JsonNode json = new ObjectMapper().readTree(run("--reference", "ref", "--current", "cur", "--by", "rows:1000",
                "--features", "amount,colour").out());
        Run r = run("--reference", "ref", "--current", "cur", "--by", "rows:1000", "--features", "amount,colour",
                "--format", "csv");
        assertEquals(0, r.code(), r.err());
        List<String> lines = r.out().lines().toList();
        assertEquals(1 + 2 * (1 + 3), lines.size(), r.out());
        List<String> header = List.of(lines.get(0).split(","));
        assertEquals(List.of("window", "window_end", "window_rows", "feature"), header.subList(0, 4));
        String[] first = lines.get(1).split(",", -1);
        assertEquals("all", first[0]);
        assertEquals("amount", first[3]);
        assertEquals(json.at("/features/0/statistic").asDouble(),
                Double.parseDouble(first[header.indexOf("statistic")]));
        assertEquals(40.0, Double.parseDouble(first[header.indexOf("wasserstein")]), 1e-9);
        String[] lastWindowColour = lines.get(8).split(",", -1);
        assertEquals("2001", lastWindowColour[0]);
        assertEquals("colour", lastWindowColour[3]);
        assertEquals(json.at("/windows/2/features/1/statistic").asDouble(),
                Double.parseDouble(lastWindowColour[header.indexOf("statistic")]));
        assertEquals("", lastWindowColour[header.indexOf("wasserstein")]);
    }

    @Test
    void markdownWithWindowsShowsDriftOverTimeAsAFeatureByWindowMatrix() {
        Run r = run("--reference", "ref", "--current", "cur", "--by", "rows:1000", "--features", "amount,small",
                "--format", "markdown");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("## Drift over time"), r.out());
        assertTrue(r.out().contains("| feature | 1 | 1001 | 2001 |"), r.out());
        // amount drifts in every window (shifted by 40), small never does (same cycle of 7 values).
        assertTrue(r.out().lines().anyMatch(l -> l.startsWith("| amount | **")), r.out());
        assertTrue(r.out().lines().anyMatch(l -> l.startsWith("| small |") && !l.contains("**")), r.out());
    }

    @Test
    void markdownAndHtmlEscapeTheData() throws Exception {
        try (Workspace ws = Workspace.open(workspace); Statement s = ws.connection().createStatement()) {
            s.execute("CREATE OR REPLACE TABLE odd AS SELECT CASE WHEN i % 2 = 0 THEN '<script>x</script>' ELSE"
                    + " 'a|b' END AS \"<b>name\" FROM range(50) t(i)");
        }
        Path html = dir.resolve("drift.html");
        Run r = run("--reference", "odd", "--current", "odd", "--format", "html", "--out", html.toString());
        assertEquals(0, r.code(), r.err());
        String page = Files.readString(html);
        assertTrue(page.startsWith("<!DOCTYPE html>"));
        assertFalse(page.contains("<script>"), "data must be escaped");
        assertFalse(page.contains("<b>name"), "column names must be escaped");
        assertTrue(page.contains("&lt;b&gt;name"));
        assertFalse(page.contains("http://") || page.contains("https://"), "nothing fetched");
        Run md = run("--reference", "odd", "--current", "odd", "--format", "markdown");
        assertTrue(md.out().startsWith("# Drift"), md.out());
        assertTrue(md.out().contains("\\<b>name") || md.out().contains("&lt;b>name"), md.out());
    }

    @Test
    void filtersSelectTheSlicesAndAreEchoed() throws Exception {
        Run r = run("--reference", "ref", "--reference-where", "amount < 50", "--current", "ref",
                "--current-where", "amount >= 50", "--features", "amount");
        assertEquals(0, r.code(), r.err());
        JsonNode json = new ObjectMapper().readTree(r.out());
        assertEquals(1000, json.at("/reference/rows").asLong());
        assertEquals(1000, json.at("/current/rows").asLong());
        assertFalse(json.at("/reference/where").isNull());
        // Values 0.5..49.5 against 50.5..99.5: disjoint, so KS is 1 and Wasserstein exactly 50.
        assertEquals(1.0, json.at("/features/0/metrics/ks_statistic").asDouble(), 1e-12);
        assertEquals(50.0, json.at("/features/0/metrics/wasserstein").asDouble(), 1e-9);
        Run bad = run("--reference", "ref", "--reference-where", "nope > 1", "--current", "cur");
        assertEquals(2, bad.code(), bad.err());
    }
}
