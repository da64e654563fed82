package org.inquest.analysis.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Function;
import org.inquest.analysis.calibration.Calibration;
import org.inquest.analysis.calibration.CalibrationBin;
import org.inquest.analysis.fairness.Fairness;
import org.inquest.analysis.fairness.GroupRates;
import org.inquest.analysis.latency.Latency;
import org.inquest.analysis.performance.ClassificationMetrics;
import org.inquest.analysis.performance.MulticlassMetrics;
import org.inquest.analysis.performance.PerformanceMetrics;
import org.inquest.analysis.performance.RegressionMetrics;
import org.inquest.analysis.segments.Contribution;
import org.inquest.analysis.segments.RootCause;
import org.inquest.analysis.segments.SegmentSide;

/**
 * The report as the contract's JSON: the drift object under {@code "drift"}, then {@code performance},
 * {@code calibration}, {@code fairness}, {@code latency}, {@code quality}, {@code segments} and {@code inputs}, each
 * with {@code reference} and {@code current} parts. Field names are written out here, one place, in snake_case.
 * Values of redacted columns go through the report's redactor wherever they appear (group keys, segment
 * conditions, histogram categories).
 */
public final class ReportJson {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ReportJson() {
    }

    public static String render(Report report) {
        try {
            return MAPPER.writeValueAsString(tree(report)) + System.lineSeparator();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("report is not serialisable", e);
        }
    }

    public static ObjectNode tree(Report r) {
        Redactor redactor = r.redactor();
        ObjectNode root = MAPPER.createObjectNode();
        root.put("generated_at", r.generatedAt());
        root.put("command", r.command());
        if (!redactor.columns().isEmpty()) {
            ArrayNode redacted = root.putArray("redacted_columns");
            redactor.columns().forEach(redacted::add);
        }
        ArrayNode summary = root.putArray("summary");
        for (Finding f : r.summary()) {
            summary.addObject().put("severity", f.severity().wireName()).put("section", f.section())
                    .put("text", f.text());
        }
        root.set("drift", drift(r));
        root.set("performance", performance(r));
        root.set("calibration", r.calibration() == null ? null : calibration(r));
        ArrayNode fairness = root.putArray("fairness");
        for (Report.AttributeFairness a : r.fairness()) {
            fairness.add(fairness(a, r));
        }
        root.set("latency", r.latency() == null ? null : latency(r));
        root.set("quality", r.quality() == null ? null : MAPPER.valueToTree(r.quality()));
        root.set("segments", segments(r));
        root.set("inputs", inputs(r));
        return root;
    }

    /** The drift object as {@code inquest drift} writes it (already redacted by the report builder). */
    private static JsonNode drift(Report r) {
        return MAPPER.valueToTree(r.drift());
    }

    private static ObjectNode performance(Report r) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("task", r.task().wireName());
        o.put("threshold", r.threshold());
        o.set("reference", metrics(r.performance().reference(), r));
        o.set("current", metrics(r.performance().current(), r));
        byVersionAndSegment(o, r, r.performanceByVersion(), Report.GroupedPerformance::groups, ReportJson::metrics);
        if (!r.windows().isEmpty()) {
            ArrayNode windows = o.putArray("windows");
            for (Report.WindowQuality w : r.windows()) {
                ObjectNode wo = windows.addObject();
                wo.put("start", w.start()).put("end", w.end()).put("rows", w.rows());
                wo.set("metrics", metrics(w.performance(), r));
                wo.set("latency", w.latency() == null ? null : latency(w.latency()));
            }
        }
        return o;
    }

    private interface GroupWriter<T> {
        JsonNode write(T value, Report r);
    }

    /**
     * A section's {@code by_model_version} (when the slice has versions) and {@code by_segment} (each
     * {@code --segment-by} column this section was computed for) breakdowns.
     */
    private static <T> void byVersionAndSegment(ObjectNode o, Report r, SidePair<Map<String, T>> byVersion,
            Function<Report.GroupedPerformance, SidePair<Map<String, T>>> ofSegment, GroupWriter<T> writer) {
        if (byVersion != null) {
            breakdown(o.putObject("by_model_version"), r.versionColumn(), byVersion, r, writer);
        }
        ArrayNode segments = MAPPER.createArrayNode();
        for (Report.GroupedPerformance g : r.performanceBySegment()) {
            if (ofSegment.apply(g) != null) {
                breakdown(segments.addObject(), g.column(), ofSegment.apply(g), r, writer);
            }
        }
        if (!segments.isEmpty()) {
            o.set("by_segment", segments);
        }
    }

    /** One breakdown of a section by a column's values: {column, reference: {VALUE: …}, current: {VALUE: …}}. */
    private static <T> void breakdown(ObjectNode into, String column, SidePair<Map<String, T>> sides, Report r,
            GroupWriter<T> writer) {
        into.put("column", column);
        into.set("reference", groups(sides.reference(), column, r, writer));
        into.set("current", groups(sides.current(), column, r, writer));
    }

    private static <T> ObjectNode groups(Map<String, T> groups, String column, Report r, GroupWriter<T> writer) {
        ObjectNode o = MAPPER.createObjectNode();
        groups.forEach((key, value) -> o.set(r.redactor().value(column, key), writer.write(value, r)));
        return o;
    }

    static ObjectNode metrics(PerformanceMetrics m, Report r) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("rows", m.rows());
        o.put("labeled", m.labeled());
        if (m instanceof ClassificationMetrics c) {
            o.put("accuracy", c.accuracy());
            o.put("precision", c.precision());
            o.put("recall", c.recall());
            o.put("f1", c.f1());
            o.put("roc_auc", c.rocAuc());
            o.put("log_loss", c.logLoss());
            o.put("brier", c.brier());
            o.putObject("confusion").put("tp", c.confusion().tp()).put("fp", c.confusion().fp())
                    .put("tn", c.confusion().tn()).put("fn", c.confusion().fn());
        } else if (m instanceof MulticlassMetrics c) {
            o.put("accuracy", c.accuracy());
            o.put("macro_f1", c.macroF1());
            o.put("weighted_f1", c.weightedF1());
            ObjectNode recall = o.putObject("per_class_recall");
            String label = r == null ? null : labelColumn(r);
            c.perClassRecall().forEach((k, v) -> recall.put(r == null ? k : r.redactor().value(label, k), v));
        } else if (m instanceof RegressionMetrics g) {
            o.put("mae", g.mae());
            o.put("rmse", g.rmse());
            o.put("mape", g.mape());
            o.put("r2", g.r2());
        }
        return o;
    }

    private static String labelColumn(Report r) {
        return r.labelColumn();
    }

    private static ObjectNode calibration(Report r) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("strategy", r.calibration().reference().strategy());
        o.set("reference", calibration(r.calibration().reference()));
        o.set("current", calibration(r.calibration().current()));
        byVersionAndSegment(o, r, r.calibrationByVersion(), Report.GroupedPerformance::calibration,
                (c, rep) -> calibration(c));
        ArrayNode windows = MAPPER.createArrayNode();
        for (Report.WindowQuality w : r.windows()) {
            if (w.calibration() != null) {
                ObjectNode wo = windows.addObject();
                wo.put("start", w.start()).put("end", w.end()).put("rows", w.rows());
                wo.setAll(calibration(w.calibration()));
            }
        }
        if (!windows.isEmpty()) {
            o.set("windows", windows);
        }
        return o;
    }

    static ObjectNode calibration(Calibration c) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("count", c.count());
        o.put("ece", c.ece());
        o.put("mce", c.mce());
        ArrayNode bins = o.putArray("bins");
        for (CalibrationBin b : c.bins()) {
            bins.addObject().put("lower", b.lower()).put("upper", b.upper()).put("count", b.count())
                    .put("mean_predicted", b.meanPredicted()).put("fraction_positive", b.fractionPositive());
        }
        return o;
    }

    /**
     * One sensitive attribute: the contract's reference and current parts, then the same object within each model
     * version ({@code by_model_version}), each {@code --segment-by} value ({@code by_segment}) and each window of the
     * current slice ({@code windows}, with the window's start, end and rows beside the fairness fields).
     */
    private static ObjectNode fairness(Report.AttributeFairness a, Report r) {
        Redactor redactor = r.redactor();
        String attribute = a.attribute();
        ObjectNode o = MAPPER.createObjectNode();
        o.put("attribute", attribute);
        o.set("reference", fairness(a.fairness().reference(), attribute, redactor));
        o.set("current", fairness(a.fairness().current(), attribute, redactor));
        GroupWriter<Fairness> writer = (f, rep) -> fairness(f, attribute, redactor);
        if (a.byVersion() != null) {
            breakdown(o.putObject("by_model_version"), r.versionColumn(), a.byVersion(), r, writer);
        }
        if (!a.bySegment().isEmpty()) {
            ArrayNode segments = o.putArray("by_segment");
            for (Report.GroupedFairness g : a.bySegment()) {
                breakdown(segments.addObject(), g.column(), g.groups(), r, writer);
            }
        }
        if (!a.windows().isEmpty()) {
            ArrayNode windows = o.putArray("windows");
            for (Report.WindowFairness w : a.windows()) {
                ObjectNode wo = windows.addObject();
                wo.put("start", w.start()).put("end", w.end()).put("rows", w.rows());
                wo.setAll(fairness(w.fairness(), attribute, redactor));
            }
        }
        return o;
    }

    static ObjectNode fairness(Fairness f, String attribute, Redactor redactor) {
        ObjectNode o = MAPPER.createObjectNode();
        ArrayNode groups = o.putArray("groups");
        for (GroupRates g : f.groups()) {
            groups.addObject().put("group", redactor.value(attribute, g.group())).put("rows", g.rows())
                    .put("selection_rate", g.selectionRate()).put("tpr", g.tpr()).put("fpr", g.fpr())
                    .put("accuracy", g.accuracy()).put("too_small", g.tooSmall());
        }
        o.put("demographic_parity_difference", f.demographicParityDifference());
        o.put("demographic_parity_ratio", f.demographicParityRatio());
        o.put("equalized_odds_difference", f.equalizedOddsDifference());
        o.put("equal_opportunity_difference", f.equalOpportunityDifference());
        o.put("four_fifths_violated", f.fourFifthsViolated());
        return o;
    }

    private static ObjectNode latency(Report r) {
        ObjectNode o = MAPPER.createObjectNode();
        o.set("reference", latency(r.latency().reference()));
        o.set("current", latency(r.latency().current()));
        byVersionAndSegment(o, r, r.latencyByVersion(), Report.GroupedPerformance::latency, (l, rep) -> latency(l));
        return o;
    }

    static ObjectNode latency(Latency l) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("rows", l.rows()).put("measured", l.measured());
        o.put("p50", l.p50());
        o.put("p95", l.p95());
        o.put("p99", l.p99());
        o.put("mean", l.mean());
        o.put("max", l.max());
        o.put("error_rate", l.errorRate());
        o.put("error_column", l.errorColumn());
        return o;
    }

    private static ObjectNode segments(Report r) {
        ObjectNode o = MAPPER.createObjectNode();
        ArrayNode metrics = o.putArray("metrics");
        for (RootCause cause : r.segments()) {
            ObjectNode m = metrics.addObject();
            m.put("metric", cause.metric().id());
            m.put("label", cause.metric().label());
            m.set("reference", side(cause.reference(), cause));
            m.set("current", side(cause.current(), cause));
            m.put("change", cause.change());
            ArrayNode top = m.putArray("segments");
            int rank = 1;
            for (Contribution c : cause.top()) {
                ObjectNode s = top.addObject();
                s.put("rank", rank++);
                s.put("segment", SegmentSentence.name(c, r.redactor()));
                ObjectNode conditions = s.putObject("conditions");
                c.segment().conditions().forEach((k, v) -> conditions.put(k, r.redactor().value(k, v)));
                s.set("reference", side(c.reference(), cause));
                s.set("current", side(c.current(), cause));
                s.put("within", c.within());
                s.put("mix", c.mix());
                s.put("contribution", c.contribution());
                s.put("share_of_change", c.shareOfChange());
                s.put("excess_share_of_change", cause.change() == null ? null : c.excessShare(cause.change()));
                s.put("sentence", SegmentSentence.of(cause, c, r.redactor()));
            }
        }
        return o;
    }

    private static ObjectNode side(SegmentSide s, RootCause cause) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("rows", s.rows()).put("share", s.share()).put("value", s.value());
        if (cause.metric().hasDisplay()) {
            o.put(cause.metric().displayLabel().replace(' ', '_'), s.display());
        }
        return o;
    }

    private static ObjectNode inputs(Report r) {
        ObjectNode o = MAPPER.createObjectNode();
        BiConsumer<String, String> side = (part, table) -> {
            ArrayNode files = o.putArray(part);
            for (ImportRecord i : r.inputs()) {
                if (i.table().equals(table)) {
                    files.addObject().put("table", i.table()).put("source", i.sourcePath())
                            .put("size_bytes", i.sizeBytes()).put("sha256", i.sha256())
                            .put("imported_at", i.importedAt()).put("kind", i.kind()).put("format", i.format())
                            .put("rows", i.rowsAccepted()).put("quarantined", i.rowsQuarantined());
                }
            }
        };
        side.accept("reference", r.drift().reference().table());
        side.accept("current", r.drift().current().table());
        return o;
    }

    static List<String> sectionNames() {
        return List.of("drift", "performance", "calibration", "fairness", "latency", "segments", "inputs");
    }
}
