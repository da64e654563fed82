package org.inquest.analysis.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.inquest.analysis.Fixtures;
import org.inquest.analysis.calibration.BinStrategy;
import org.inquest.analysis.slice.Slice;
import org.inquest.analysis.slice.SliceResolver;
import org.inquest.connectors.catalog.ColumnRole;
import org.inquest.connectors.catalog.TableInfo;
import org.inquest.connectors.workspace.Workspace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The report's calibration and fairness per model version, per {@code --segment-by} value and per {@code --by}
 * window, as its JSON writes them, against sklearn's {@code calibration_curve} and numpy's fairlearn definitions
 * computed on each group's rows alone ({@code grouped} in make_report_fixtures.py).
 */
class ReportBreakdownReferenceTest {
    @TempDir
    Path dir;

    @Test
    void uniformCalibrationAndFairnessPerVersionSegmentAndWindowMatchTheReference() {
        check(BinStrategy.UNIFORM, "calibration_uniform");
    }

    @Test
    void quantileBinsAreCutAtEachGroupsOwnPercentiles() {
        check(BinStrategy.QUANTILE, "calibration_quantile");
    }

    private void check(BinStrategy strategy, String calibrationKey) {
        JsonNode e = Fixtures.expected().get("grouped");
        try (Workspace workspace = Workspace.open(dir.resolve("w.duckdb"))) {
            TableInfo table = Fixtures.load(workspace, "grouped", "grouped.csv", Map.of("id", ColumnRole.ID,
                    "ts", ColumnRole.TIMESTAMP, "model_version", ColumnRole.MODEL_VERSION, "score", ColumnRole.SCORE,
                    "label", ColumnRole.LABEL, "latency_ms", ColumnRole.LATENCY_MS));
            Slice reference = SliceResolver.on(table, "ts < '2026-03-04'", "--reference-where");
            Slice current = SliceResolver.on(table, "ts >= '2026-03-04'", "--current-where");
            Report report = new ReportBuilder(workspace.connection()).build(reference, current, new ReportOptions(
                    List.of("gender"), 0.5, strategy, Set.of(), "day", List.of("region"), null, null));
            JsonNode r = ReportJson.tree(report);

            JsonNode calibration = r.get("calibration");
            JsonNode fairness = r.at("/fairness/0");
            assertEquals("model_version", calibration.at("/by_model_version/column").asText());
            assertEquals("model_version", fairness.at("/by_model_version/column").asText());
            assertEquals("region", calibration.at("/by_segment/0/column").asText());
            assertEquals("region", fairness.at("/by_segment/0/column").asText());
            for (String side : List.of("reference", "current")) {
                JsonNode es = e.get(side);
                calibration(es.at("/whole/" + calibrationKey), calibration.get(side), side);
                fairness(es.at("/whole/fairness_gender"), fairness.get(side), side);
                groups(es.get("by_model_version"), calibration.at("/by_model_version/" + side),
                        fairness.at("/by_model_version/" + side), calibrationKey, side + " version ");
                groups(es.get("by_region"), calibration.at("/by_segment/0/" + side),
                        fairness.at("/by_segment/0/" + side), calibrationKey, side + " region ");
            }
            assertEquals(2, calibration.at("/by_model_version/current").size(), "the canary v2 is in the current slice");

            JsonNode windows = e.get("windows");
            assertEquals(windows.size(), calibration.get("windows").size());
            assertEquals(windows.size(), fairness.get("windows").size());
            for (int i = 0; i < windows.size(); i++) {
                JsonNode ew = windows.get(i);
                JsonNode cw = calibration.get("windows").get(i);
                JsonNode fw = fairness.get("windows").get(i);
                for (JsonNode w : List.of(cw, fw)) {
                    assertEquals(ew.get("start").asText(), w.get("start").asText());
                    assertEquals(ew.get("rows").asLong(), w.get("rows").asLong(), "window " + i);
                }
                calibration(ew.get(calibrationKey), cw, "window " + i);
                fairness(ew.get("fairness_gender"), fw, "window " + i);
            }
        }
    }

    private static void groups(JsonNode expected, JsonNode calibration, JsonNode fairness, String calibrationKey,
                               String what) {
        assertEquals(names(expected), names(calibration), what);
        assertEquals(names(expected), names(fairness), what);
        expected.fieldNames().forEachRemaining(key -> {
            calibration(expected.get(key).get(calibrationKey), calibration.get(key), what + key);
            fairness(expected.get(key).get("fairness_gender"), fairness.get(key), what + key);
        });
    }

    private static List<String> names(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static void calibration(JsonNode e, JsonNode a, String what) {
        assertEquals(e.get("bins").size(), a.get("bins").size(), what + ": bins");
        long total = 0;
        for (int i = 0; i < e.get("bins").size(); i++) {
            JsonNode eb = e.get("bins").get(i);
            JsonNode ab = a.get("bins").get(i);
            String bin = what + ", bin " + i;
            assertEquals(eb.get("lower").asDouble(), ab.get("lower").asDouble(), 0.0, bin + " lower");
            assertEquals(eb.get("upper").asDouble(), ab.get("upper").asDouble(), 0.0, bin + " upper");
            assertEquals(eb.get("count").asLong(), ab.get("count").asLong(), bin + " count");
            assertEquals(eb.get("mean_predicted").asDouble(), ab.get("mean_predicted").asDouble(), 1e-12, bin);
            assertEquals(eb.get("fraction_positive").asDouble(), ab.get("fraction_positive").asDouble(), 1e-12, bin);
            total += eb.get("count").asLong();
        }
        assertEquals(total, a.get("count").asLong(), what + ": count");
        assertEquals(e.get("ece").asDouble(), a.get("ece").asDouble(), 1e-12, what + ": ECE");
        assertEquals(e.get("mce").asDouble(), a.get("mce").asDouble(), 1e-12, what + ": MCE");
    }

    private static void fairness(JsonNode e, JsonNode a, String what) {
        assertEquals(e.get("groups").size(), a.get("groups").size(), what + ": groups");
        for (int i = 0; i < e.get("groups").size(); i++) {
            JsonNode eg = e.get("groups").get(i);
            JsonNode ag = a.get("groups").get(i);
            String group = what + ", gender " + eg.get("group").asText();
            assertEquals(eg.get("group").asText(), ag.get("group").asText(), group);
            assertEquals(eg.get("rows").asLong(), ag.get("rows").asLong(), group);
            for (String rate : List.of("selection_rate", "tpr", "fpr", "accuracy")) {
                nullable(eg.get(rate), ag.get(rate), group + " " + rate);
            }
            assertEquals(eg.get("rows").asLong() < 30, ag.get("too_small").asBoolean(), group + " too small");
        }
        for (String measure : List.of("demographic_parity_difference", "demographic_parity_ratio",
                "equalized_odds_difference", "equal_opportunity_difference")) {
            nullable(e.get(measure), a.get(measure), what + " " + measure);
        }
        JsonNode ratio = e.get("demographic_parity_ratio");
        assertEquals(!ratio.isNull() && ratio.asDouble() < 0.8, a.get("four_fifths_violated").asBoolean(),
                what + " four-fifths");
    }

    private static void nullable(JsonNode e, JsonNode a, String what) {
        assertTrue(a != null, what + " is missing");
        assertEquals(e.isNull(), a.isNull(), what);
        if (!e.isNull()) {
            assertEquals(e.asDouble(), a.asDouble(), 1e-12, what);
        }
    }
}
