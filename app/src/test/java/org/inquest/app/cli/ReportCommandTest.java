package org.inquest.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.inquest.connectors.catalog.Catalog;
import org.inquest.connectors.catalog.ColumnInfo;
import org.inquest.connectors.catalog.ColumnRole;
import org.inquest.connectors.catalog.FeatureKind;
import org.inquest.connectors.catalog.SqlTypes;
import org.inquest.connectors.workspace.Workspace;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code inquest report} end to end on a planted incident: one region (whose name is an HTML injection attempt)
 * loses its income feature and half its accuracy in the current week.
 */
class ReportCommandTest {
    static final String HOSTILE = "<img src=x onerror=alert(1)>";

    @TempDir
    Path dir;
    Path workspace;

    @BeforeEach
    void plant() throws Exception {
        workspace = dir.resolve("w.duckdb");
        try (Workspace ws = Workspace.open(workspace); Statement s = ws.connection().createStatement()) {
            s.execute("CREATE TABLE predictions AS SELECT i AS id,"
                    + " TIMESTAMP '2026-01-01' + INTERVAL (i) MINUTE AS ts,"
                    + " CASE i % 5 WHEN 0 THEN '" + HOSTILE + "' WHEN 3 THEN 'APAC' ELSE 'US' END AS region,"
                    + " CASE WHEN (i // 5) % 3 = 0 THEN 'mobile' ELSE 'web' END AS channel,"
                    + " CASE WHEN i >= 20000 AND i % 5 = 0 THEN NULL ELSE (hash(i) % 1000) / 10.0 END AS income,"
                    + " CASE WHEN i % 2 = 0 THEN 'v1' ELSE 'v2' END AS model_version,"
                    + " CAST(hash(i * 7) % 2 AS INTEGER) AS label,"
                    + " CASE WHEN hash(i * 13) % 100 < (CASE WHEN i >= 20000 AND i % 5 = 0 THEN 50 ELSE 90 END)"
                    + " THEN 0.2 + 0.6 * (hash(i * 7) % 2) ELSE 0.8 - 0.6 * (hash(i * 7) % 2) END AS score,"
                    + " 40 + hash(i * 17) % 40 AS latency_ms FROM range(40000) t(i)");
            Catalog catalog = new Catalog(ws.connection());
            Map<String, ColumnRole> roles = Map.of("id", ColumnRole.ID, "ts", ColumnRole.TIMESTAMP,
                    "model_version", ColumnRole.MODEL_VERSION, "label", ColumnRole.LABEL, "score", ColumnRole.SCORE,
                    "latency_ms", ColumnRole.LATENCY_MS);
            List<ColumnInfo> columns = new ArrayList<>();
            for (ColumnInfo c : catalog.table("predictions").columns()) {
                ColumnRole role = roles.getOrDefault(c.name(), ColumnRole.FEATURE);
                columns.add(new ColumnInfo(c.name(), c.sqlType(), role, role != ColumnRole.FEATURE ? null
                        : SqlTypes.isNumeric(c.sqlType()) ? FeatureKind.NUMERICAL : FeatureKind.CATEGORICAL));
            }
            catalog.saveTable("predictions", "predictions", columns);
        }
    }

    private String[] args(String format, String... extra) {
        List<String> a = new ArrayList<>(List.of("report", "--workspace", workspace.toString(),
                "--reference", "predictions", "--reference-where", "id < 20000",
                "--current", "predictions", "--current-where", "id >= 20000", "--sensitive", "channel",
                "--format", format));
        a.addAll(List.of(extra));
        return a.toArray(String[]::new);
    }

    private String run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = InquestCommand.run(new PrintWriter(out), new PrintWriter(err), args);
        assertEquals(0, code, err.toString());
        return out.toString();
    }

    @Test
    void jsonHasEveryContractSectionWithReferenceAndCurrentParts() throws Exception {
        JsonNode r = new ObjectMapper().readTree(run(args("json")));
        assertEquals("predictions", r.at("/drift/reference/table").asText());
        assertEquals("id < 20000", r.at("/drift/reference/where").asText());
        assertEquals(20000, r.at("/drift/current/rows").asLong());
        assertTrue(r.at("/drift/features").isArray());
        for (String section : List.of("performance", "calibration", "latency", "segments", "inputs")) {
            assertNotNull(r.get(section), section);
        }
        for (String field : List.of("rows", "labeled", "accuracy", "precision", "recall", "f1", "roc_auc", "log_loss",
                "brier")) {
            assertTrue(r.at("/performance/current").has(field), field);
            assertTrue(r.at("/performance/reference").has(field), field);
        }
        for (String field : List.of("tp", "fp", "tn", "fn")) {
            assertTrue(r.at("/performance/current/confusion").has(field), field);
        }
        assertTrue(r.at("/performance/reference/accuracy").asDouble() > r.at("/performance/current/accuracy")
                .asDouble());
        assertTrue(r.at("/performance/by_model_version/current").has("v1"));
        for (String field : List.of("ece", "mce", "bins")) {
            assertTrue(r.at("/calibration/current").has(field), field);
        }
        JsonNode bin = r.at("/calibration/current/bins/0");
        for (String field : List.of("lower", "upper", "count", "mean_predicted", "fraction_positive")) {
            assertTrue(bin.has(field), field);
        }
        JsonNode fairness = r.at("/fairness/0");
        assertEquals("channel", fairness.get("attribute").asText());
        for (String field : List.of("groups", "demographic_parity_difference", "demographic_parity_ratio",
                "equalized_odds_difference", "equal_opportunity_difference")) {
            assertTrue(fairness.get("current").has(field), field);
        }
        for (String field : List.of("group", "rows", "selection_rate", "tpr", "fpr", "accuracy")) {
            assertTrue(fairness.at("/current/groups/0").has(field), field);
        }
        for (String field : List.of("p50", "p95", "p99", "mean", "max")) {
            assertTrue(r.at("/latency/current").has(field), field);
        }
        JsonNode accuracy = r.at("/segments/metrics/0");
        assertEquals("accuracy", accuracy.get("metric").asText());
        assertEquals("region=" + HOSTILE, accuracy.at("/segments/0/segment").asText());
        assertTrue(r.get("command").asText().startsWith("inquest report --workspace "));
        assertTrue(r.get("summary").size() > 0);
    }

    /**
     * {@code --segment-by} breaks latency down too: each channel's quantiles on each side equal DuckDB's own
     * {@code quantile_cont} (linear, as numpy) of that group, an implementation independent of the report's.
     */
    @Test
    void latencyPerSegmentMatchesDuckDbsQuantilesPerGroup() throws Exception {
        JsonNode r = new ObjectMapper().readTree(run(args("json", "--segment-by", "channel")));
        JsonNode bySegment = r.at("/latency/by_segment/0");
        assertEquals("channel", bySegment.get("column").asText());
        try (Workspace ws = Workspace.open(workspace); Statement s = ws.connection().createStatement()) {
            for (String side : List.of("reference", "current")) {
                for (String channel : List.of("mobile", "web")) {
                    String where = (side.equals("reference") ? "id < 20000" : "id >= 20000") + " AND channel = '"
                            + channel + "'";
                    try (java.sql.ResultSet rs = s.executeQuery("SELECT count(*), quantile_cont(latency_ms, 0.5),"
                            + " quantile_cont(latency_ms, 0.95), quantile_cont(latency_ms, 0.99), avg(latency_ms),"
                            + " max(latency_ms) FROM predictions WHERE " + where)) {
                        rs.next();
                        JsonNode g = bySegment.at("/" + side + "/" + channel);
                        assertEquals(rs.getLong(1), g.get("rows").asLong(), where);
                        assertEquals(rs.getDouble(2), g.get("p50").asDouble(), 1e-9, where);
                        assertEquals(rs.getDouble(3), g.get("p95").asDouble(), 1e-9, where);
                        assertEquals(rs.getDouble(4), g.get("p99").asDouble(), 1e-9, where);
                        assertEquals(rs.getDouble(5), g.get("mean").asDouble(), 1e-9, where);
                        assertEquals(rs.getDouble(6), g.get("max").asDouble(), 1e-9, where);
                    }
                }
            }
        }
        String markdown = run(args("markdown", "--segment-by", "channel"));
        String latency = markdown.substring(markdown.indexOf("## Latency"));
        assertTrue(latency.contains("### Per channel"), latency);
    }

    /**
     * Calibration and fairness per version, per {@code --segment-by} value and per {@code --by} window reach the
     * Markdown and the HTML (their numbers are checked against sklearn in ReportBreakdownReferenceTest), with the
     * hostile region name escaped in the HTML and nothing fetched.
     */
    @Test
    void calibrationAndFairnessBreakdownsShowInMarkdownAndHtml() throws Exception {
        String md = run(args("markdown", "--segment-by", "region", "--by", "day"));
        String calibration = md.substring(md.indexOf("## Calibration"), md.indexOf("## Fairness"));
        assertTrue(calibration.contains("### Per model\\_version (canary comparison)"), calibration);
        assertTrue(calibration.contains("### Per region"), calibration);
        assertTrue(calibration.contains("### Per window of the current slice"), calibration);
        assertTrue(calibration.contains("| model\\_version | slice | scored rows | ECE | MCE |"), calibration);
        String fairness = md.substring(md.indexOf("## Fairness"), md.indexOf("## Latency"));
        for (String heading : List.of("#### By channel, per model\\_version (canary comparison)",
                "#### By channel, within each region", "#### By channel, per window of the current slice")) {
            assertTrue(fairness.contains(heading), heading + " in " + fairness);
        }
        assertTrue(fairness.contains("| region | channel | slice | labeled rows | selection rate |"), fairness);
        assertFalse(md.contains(HOSTILE));

        Path file = dir.resolve("breakdowns.html");
        run(args("html", "--segment-by", "region", "--by", "day", "--out", file.toString()));
        String html = Files.readString(file);
        String cal = html.substring(html.indexOf("<h2>Calibration</h2>"), html.indexOf("<h2>Fairness</h2>"));
        assertTrue(cal.contains("<h3>Per model_version (canary comparison)</h3>"), cal);
        assertTrue(cal.contains("Reliability diagram, model_version v2"), "a diagram per version");
        assertTrue(cal.contains("<td>&lt;img src=x onerror=alert(1)&gt;</td>"), "the region, escaped");
        String fair = html.substring(html.indexOf("<h2>Fairness</h2>"), html.indexOf("<h2>Latency</h2>"));
        assertTrue(fair.contains("<h4>By channel, within each region</h4>"), fair);
        assertTrue(fair.contains("<td>&lt;img src=x onerror=alert(1)&gt;</td><td>mobile</td>"), "region × channel");
        assertFalse(html.contains(HOSTILE));
        assertFalse(Pattern.compile("https?:|//").matcher(html.replace(workspace.toString(), "")).find());

        JsonNode r = new ObjectMapper().readTree(run(args("json", "--segment-by", "region", "--by", "day")));
        assertTrue(r.at("/calibration/by_model_version/current").has("v1"));
        assertTrue(r.at("/calibration/by_model_version/current/v2").has("ece"));
        assertEquals("region", r.at("/calibration/by_segment/0/column").asText());
        assertTrue(r.at("/calibration/by_segment/0/current").has(HOSTILE), "JSON keeps the raw value");
        assertEquals(r.at("/performance/windows").size(), r.at("/calibration/windows").size());
        assertTrue(r.at("/fairness/0/by_model_version/current/v2").has("demographic_parity_difference"));
        assertEquals(r.at("/performance/windows").size(), r.at("/fairness/0/windows").size());
    }

    /**
     * The size bound: a report of 50 features, every one drifted (so each gets its histogram) and 25 of
     * them categorical with 30 values, stays well under 2 MB of HTML.
     */
    @Test
    void aFiftyFeatureHtmlReportStaysWellUnder2Mb() throws Exception {
        Path wide = dir.resolve("wide.duckdb");
        try (Workspace ws = Workspace.open(wide); Statement s = ws.connection().createStatement()) {
            StringBuilder select = new StringBuilder("SELECT i AS id, (hash(i) % 100) / 100.0 AS score,"
                    + " CAST(hash(i * 3) % 2 AS INTEGER) AS label");
            for (int f = 0; f < 25; f++) {
                select.append(", (hash(i * ").append(f + 5).append(") % 1000) / 10.0 + CASE WHEN i >= 5000 THEN ")
                        .append(20 + f).append(" ELSE 0 END AS num").append(f);
                select.append(", 'value ' || ((hash(i * ").append(f + 41).append(") % 30) + CASE WHEN i >= 5000")
                        .append(" THEN 15 ELSE 0 END) AS cat").append(f);
            }
            s.execute("CREATE TABLE wide AS " + select + " FROM range(10000) t(i)");
            Catalog catalog = new Catalog(ws.connection());
            List<ColumnInfo> columns = new ArrayList<>();
            for (ColumnInfo c : catalog.table("wide").columns()) {
                ColumnRole role = switch (c.name()) {
                    case "id" -> ColumnRole.ID;
                    case "score" -> ColumnRole.SCORE;
                    case "label" -> ColumnRole.LABEL;
                    default -> ColumnRole.FEATURE;
                };
                columns.add(new ColumnInfo(c.name(), c.sqlType(), role, role != ColumnRole.FEATURE ? null
                        : c.name().startsWith("num") ? FeatureKind.NUMERICAL : FeatureKind.CATEGORICAL));
            }
            catalog.saveTable("wide", "predictions", columns);
        }
        Path file = dir.resolve("wide.html");
        run("report", "--workspace", wide.toString(), "--reference", "wide", "--reference-where", "id < 5000",
                "--current", "wide", "--current-where", "id >= 5000", "--format", "html", "--out", file.toString());
        JsonNode json = new ObjectMapper().readTree(run("report", "--workspace", wide.toString(), "--reference", "wide",
                "--reference-where", "id < 5000", "--current", "wide", "--current-where", "id >= 5000"));
        assertEquals(50, json.at("/drift/features").size());
        assertTrue(json.at("/drift/drift_share").asDouble() > 0.9, "nearly every feature drifted");
        long size = Files.size(file);
        assertTrue(size < 500_000, "50 drifted features: " + size + " bytes of HTML");
    }

    @Test
    void htmlIsSelfContainedAndEscapesDataValues() throws Exception {
        Path file = dir.resolve("report.html");
        run(args("html", "--out", file.toString()));
        String html = Files.readString(file);
        assertTrue(html.contains("Reference: predictions where <code>id &lt; 20000</code> (20000 rows)."));
        assertFalse(html.contains(HOSTILE), "raw markup from the data must not reach the page");
        assertTrue(html.contains("&lt;img src=x onerror=alert(1)&gt;"));
        assertFalse(html.contains("<script"), "no script");
        assertFalse(Pattern.compile("https?:|//").matcher(html.replace(workspace.toString(), "")).find(),
                "no network or protocol-relative references");
        for (String section : List.of("Summary", "Inputs and lineage", "Data quality", "Drift", "Model quality",
                "Calibration", "Fairness", "Latency", "Root cause", "Reproduce")) {
            assertTrue(html.contains(section), section);
        }
        assertTrue(html.contains("<svg"), "charts are inline SVG");
    }

    @Test
    void markdownReadsAsADocument() {
        String md = run(args("markdown"));
        assertTrue(md.startsWith("# Inquest report: predictions vs predictions"));
        assertTrue(md.contains("Reference: predictions where `id < 20000` (20000 rows)."), "a filter as typed");
        assertTrue(md.contains("## Root cause: which segments explain the change"));
        assertTrue(md.contains("| metric | reference | current |"));
        assertFalse(md.contains(HOSTILE));
    }

    /**
     * A filter holding markup: shown as typed inside a Markdown code span (where nothing is read as HTML), escaped
     * in the HTML page.
     */
    @Test
    void aFilterWithMarkupIsACodeSpanInMarkdownAndEscapedInHtml() throws Exception {
        String[] a = args("markdown");
        a[List.of(a).indexOf("id >= 20000")] = "id >= 20000 AND region <> '" + HOSTILE + "'";
        String md = run(a);
        String first = md.substring(0, md.indexOf("\n## "));
        assertTrue(first.contains("where `id >= 20000 AND region != '" + HOSTILE + "'`"), first);
        a[List.of(a).indexOf("markdown")] = "html";
        String html = run(a);
        assertFalse(html.contains(HOSTILE));
        assertTrue(html.contains("<code>id &gt;= 20000 AND region != &#39;&lt;img src=x onerror=alert(1)&gt;&#39;"
                + "</code>"), html.substring(0, 2000));
    }

    @Test
    void redactedValuesAppearOnlyAsStablePseudonymsInEveryFormat() throws Exception {
        for (String format : List.of("json", "markdown", "html")) {
            String[] a = args(format, "--redact", "region", "--segment-by", "region");
            a[List.of(a).indexOf("id >= 20000")] = "id >= 20000 AND region != 'APAC'";
            String text = run(a);
            for (String raw : List.of("APAC", "onerror", "US")) {
                assertFalse(text.contains(raw), format + " shows the redacted value " + raw + ": " + text.substring(Math.max(0, text.indexOf(raw) - 300), Math.min(text.length(), text.indexOf(raw) + 100)));
            }
            Matcher m = Pattern.compile("region#[0-9a-f]{10}").matcher(text);
            assertTrue(m.find(), format + " shows pseudonyms");
        }
        JsonNode r = new ObjectMapper().readTree(run(args("json", "--redact", "region")));
        String top = r.at("/segments/metrics/0/segments/0/segment").asText();
        assertTrue(top.matches("region=region#[0-9a-f]{10}"), top);
        // Stable within a report: the same value has the same pseudonym in every section.
        assertTrue(r.at("/segments/metrics/1/segments/0/segment").asText().equals(top)
                || !r.at("/segments/metrics/1/segments/0/segment").asText().startsWith("region="));
    }

    @Test
    void anUnknownRedactColumnIsAUsageError() {
        StringWriter err = new StringWriter();
        int code = InquestCommand.run(new PrintWriter(new StringWriter()), new PrintWriter(err),
                args("json", "--redact", "regoin"));
        assertEquals(2, code);
        assertTrue(err.toString().contains("regoin"), err.toString());
    }
}
