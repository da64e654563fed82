package org.inquest.connectors.demo;

import java.time.LocalDate;
import java.util.List;

/**
 * The facts of the demo incident that other code (tests, traces, the workbench, documentation) may rely on. The
 * generator's SQL ({@code demo-world.sql}) implements them; {@code DemoIncidentsTest} checks, on generated files,
 * that every number here is what the data shows. Days are days of the month: day 1 is {@link #FIRST_DAY}.
 */
public final class DemoScenario {
    /** Day 1 of the 30-day window (timestamps are UTC, without a zone). */
    public static final LocalDate FIRST_DAY = LocalDate.of(2026, 9, 1);
    public static final int DAYS = 30;

    public static final long DEFAULT_ROWS = 200_000;
    public static final long DEFAULT_SEED = 42;
    /** Fewer rows than this leave some day or incident segment without data. */
    public static final long MIN_ROWS = 3_000;

    /** Incident 1: from this day {@code income} is null for {@code region = 'EU'} (a broken upstream join). */
    public static final int INCOME_NULL_FROM_DAY = 18;
    public static final String INCOME_NULL_REGION = "EU";
    /** The value v1 and v2 impute for a missing income (their training median). */
    public static final double IMPUTED_INCOME = 48_000;

    /** Incident 2: from this day {@code loan_amount} is multiplied by {@link #LOAN_DRIFT_FACTOR}. */
    public static final int LOAN_DRIFT_FROM_DAY = 21;
    public static final double LOAN_DRIFT_FACTOR = 1.25;

    /** Incident 3: on these days the feature-store lookup is {@link #SLOW_LOOKUP_FACTOR}x slower for mobile. */
    public static final List<Integer> SLOW_LOOKUP_DAYS = List.of(22, 23);
    public static final String SLOW_LOOKUP_CHANNEL = "mobile";
    public static final double SLOW_LOOKUP_FACTOR = 14;

    /** Incident 4: from this day {@link #CANARY_SHARE} of requests are scored by the over-confident v2. */
    public static final int CANARY_FROM_DAY = 24;
    public static final double CANARY_SHARE = 0.20;
    public static final String BASELINE_VERSION = "v1";
    public static final String CANARY_VERSION = "v2";

    /** Incident 5: v2's true-positive rate is lower for this age band. */
    public static final String UNDERSERVED_AGE_BAND = "18-25";

    /** Ground truth arrives late: from this day on {@code label} is null. */
    public static final int UNLABELLED_FROM_DAY = 28;

    /** {@code prediction} is 1 when {@code score} is at least this. */
    public static final double DECISION_THRESHOLD = 0.5;

    /** Output files (without extension, which follows the format). */
    public static final String PREDICTIONS = "predictions";
    public static final String TIMINGS = "timings";
    public static final String SNAPSHOT_V1 = "snapshot_v1";
    public static final String SNAPSHOT_V2 = "snapshot_v2";
    public static final String README = "README.md";
    public static final String MANIFEST = "incident.json";

    /** Columns of {@code predictions}, in file order. */
    public static final List<String> PREDICTION_COLUMNS = List.of(
            "request_id", "trace_id", "timestamp", "model_version", "score", "prediction", "label", "latency_ms",
            "age", "income", "loan_amount", "credit_score", "employment_years", "open_accounts",
            "region", "channel", "device_os", "product_type", "gender", "age_band");

    /** Columns of {@code timings}: latency_ms = gateway_ms + feature_store_ms + model_ms (rounded to 0.01 ms). */
    public static final List<String> TIMING_COLUMNS = List.of(
            "request_id", "trace_id", "timestamp", "model_version", "channel",
            "gateway_ms", "feature_store_ms", "model_ms", "latency_ms");

    /** Columns of both training snapshots. */
    public static final List<String> SNAPSHOT_COLUMNS = List.of(
            "age", "income", "loan_amount", "credit_score", "employment_years", "open_accounts",
            "region", "channel", "device_os", "product_type", "gender", "age_band", "label");

    private DemoScenario() {
    }
}
