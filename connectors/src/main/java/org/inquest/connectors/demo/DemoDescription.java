package org.inquest.connectors.demo;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The human ({@code README.md}) and machine ({@code incident.json}) descriptions written beside the demo files.
 * Both depend only on the options, never on the clock, so they are as reproducible as the data.
 */
final class DemoDescription {
    private static final String README_TEMPLATE = "README.template.md";

    private DemoDescription() {
    }

    static String readme(DemoOptions options) {
        return template()
                .replace("{{seed}}", Long.toString(options.seed()))
                .replace("{{rows}}", String.format(java.util.Locale.ROOT, "%,d", options.rows()))
                .replace("{{snapshot_rows}}", String.format(java.util.Locale.ROOT, "%,d", options.snapshotRows()))
                .replace("{{format}}", options.format().toString())
                .replace("{{ext}}", options.format().extension());
    }

    /**
     * The incidents as data, so later checks can ask "does the injected cause rank first?" without parsing prose.
     * {@code segment} is a filter in Inquest's expression language over categorical columns; {@code from} and
     * {@code to} are days of the month (inclusive; {@code to} null = until the end).
     */
    static String manifest(DemoOptions options) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("generator", "inquest demo");
        root.put("seed", options.seed());
        root.put("rows", options.rows());
        root.put("snapshot_rows", options.snapshotRows());
        root.put("format", options.format().toString());
        root.put("first_day", DemoScenario.FIRST_DAY.toString());
        root.put("days", DemoScenario.DAYS);
        root.put("decision_threshold", DemoScenario.DECISION_THRESHOLD);
        root.put("unlabelled_from_day", DemoScenario.UNLABELLED_FROM_DAY);
        Map<String, String> files = new LinkedHashMap<>();
        for (String name : List.of(DemoScenario.PREDICTIONS, DemoScenario.TIMINGS, DemoScenario.SNAPSHOT_V1,
                DemoScenario.SNAPSHOT_V2)) {
            files.put(name, name + "." + options.format().extension());
        }
        root.put("files", files);
        List<Map<String, Object>> incidents = new ArrayList<>();
        incidents.add(incident("income_null_eu", "data_quality", "income",
                "region = '" + DemoScenario.INCOME_NULL_REGION + "'", DemoScenario.INCOME_NULL_FROM_DAY, null,
                "income is null for region EU (broken upstream join); models impute "
                        + (long) DemoScenario.IMPUTED_INCOME + " and lose accuracy there"));
        incidents.add(incident("loan_amount_drift", "drift", "loan_amount", null,
                DemoScenario.LOAN_DRIFT_FROM_DAY, null,
                "loan_amount is x" + DemoScenario.LOAN_DRIFT_FACTOR + " for every request"));
        incidents.add(incident("slow_feature_store_mobile", "latency", "latency_ms",
                "channel = '" + DemoScenario.SLOW_LOOKUP_CHANNEL + "'", DemoScenario.SLOW_LOOKUP_DAYS.get(0),
                DemoScenario.SLOW_LOOKUP_DAYS.get(DemoScenario.SLOW_LOOKUP_DAYS.size() - 1),
                "feature-store lookup x" + (long) DemoScenario.SLOW_LOOKUP_FACTOR
                        + " slower for mobile; latency_ms p95 about x10"));
        incidents.add(incident("v2_canary_overconfident", "calibration", "score",
                "model_version = '" + DemoScenario.CANARY_VERSION + "'", DemoScenario.CANARY_FROM_DAY, null,
                "v2 serves " + (long) (DemoScenario.CANARY_SHARE * 100)
                        + "% of requests; similar AUC to v1, much larger ECE"));
        incidents.add(incident("v2_low_tpr_18_25", "fairness", "age_band",
                "model_version = '" + DemoScenario.CANARY_VERSION + "' AND age_band = '"
                        + DemoScenario.UNDERSERVED_AGE_BAND + "'", DemoScenario.CANARY_FROM_DAY, null,
                "v2's true-positive rate is lower for age_band 18-25 than for the other bands"));
        root.put("incidents", incidents);
        try {
            return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the demo manifest", e);
        }
    }

    private static Map<String, Object> incident(String id, String kind, String column, String segment,
            int fromDay, Integer toDay, String effect) {
        Map<String, Object> incident = new LinkedHashMap<>();
        incident.put("id", id);
        incident.put("kind", kind);
        incident.put("column", column);
        incident.put("segment", segment);
        incident.put("from_day", fromDay);
        incident.put("to_day", toDay);
        incident.put("effect", effect);
        return incident;
    }

    private static String template() {
        try (InputStream in = DemoDescription.class.getResourceAsStream(README_TEMPLATE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + README_TEMPLATE);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
