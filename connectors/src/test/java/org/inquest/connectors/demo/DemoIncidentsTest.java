package org.inquest.connectors.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.SQLException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each injected incident is visible in the generated numbers, measured with plain SQL on the files (not with the
 * generator's own macros), and nothing else moves where it should not. Thresholds leave room for sampling noise at
 * 120,000 rows yet fail if an incident is missing or weakened.
 */
class DemoIncidentsTest {
    private static final long ROWS = 120_000;

    @TempDir
    static Path directory;
    private static DemoSql sql;

    @BeforeAll
    static void generate() throws SQLException {
        new DemoGenerator(line -> { }).generate(DemoOptions.of(directory, ROWS));
        sql = new DemoSql(directory, DemoFormat.PARQUET);
    }

    @AfterAll
    static void close() throws SQLException {
        sql.close();
    }

    @Test
    void theModelIsGenuinelyPredictiveOnNormalDays() throws SQLException {
        double auc = sql.auc("model_version = 'v1' AND NOT (region = 'EU' AND day >= 18)");
        assertTrue(auc > 0.78 && auc < 0.88, "v1 AUC on unaffected rows: " + auc);
        double ece = sql.ece("model_version = 'v1' AND NOT (region = 'EU' AND day >= 18)");
        assertTrue(ece < 0.03, "v1 is calibrated where nothing broke: ECE " + ece);
        double defaultRate = sql.number("SELECT avg(label) FROM predictions");
        assertTrue(defaultRate > 0.15 && defaultRate < 0.30, "default rate " + defaultRate);
    }

    @Test
    void incident1IncomeIsNullForEuFromDay18AndAccuracyDropsThere() throws SQLException {
        assertEquals(1.0, sql.number("SELECT avg((income IS NULL)::INT) FROM predictions"
                + " WHERE region = 'EU' AND day >= ?", DemoScenario.INCOME_NULL_FROM_DAY));
        assertEquals(0.0, sql.number("SELECT avg((income IS NULL)::INT) FROM predictions"
                + " WHERE region = 'EU' AND day < ?", DemoScenario.INCOME_NULL_FROM_DAY));
        assertEquals(0.0, sql.number("SELECT count(*) FROM predictions WHERE region <> 'EU' AND income IS NULL"));

        double aucBefore = sql.auc("region = 'EU' AND day < 18 AND model_version = 'v1'");
        double aucAfter = sql.auc("region = 'EU' AND day >= 18 AND model_version = 'v1'");
        assertTrue(aucBefore - aucAfter > 0.05, "EU AUC before " + aucBefore + ", after " + aucAfter);
        double accuracyBefore = sql.number("SELECT avg((prediction = label)::INT) FROM predictions"
                + " WHERE region = 'EU' AND day < 18 AND model_version = 'v1'");
        double accuracyAfter = sql.number("SELECT avg((prediction = label)::INT) FROM predictions"
                + " WHERE region = 'EU' AND day >= 18 AND model_version = 'v1'");
        assertTrue(accuracyBefore - accuracyAfter > 0.01, "EU accuracy " + accuracyBefore + " -> " + accuracyAfter);
        double otherAfter = sql.auc("region <> 'EU' AND day >= 18 AND model_version = 'v1'");
        assertTrue(otherAfter - aucAfter > 0.05, "only EU degrades: other regions " + otherAfter);
    }

    @Test
    void incident2LoanAmountDriftsUpAQuarterFromDay21() throws SQLException {
        double ratio = sql.number("SELECT avg(loan_amount) FILTER (WHERE day >= 21)"
                + " / avg(loan_amount) FILTER (WHERE day < 21) FROM predictions");
        assertEquals(DemoScenario.LOAN_DRIFT_FACTOR, ratio, 0.06, "mean loan_amount ratio");
        // Per product the medians move by the same factor (mortgages dominate the mean, not the medians).
        double lowest = sql.number("SELECT min(r) FROM (SELECT median(loan_amount) FILTER (WHERE day >= 21)"
                + " / median(loan_amount) FILTER (WHERE day < 21) AS r FROM predictions GROUP BY product_type)");
        double highest = sql.number("SELECT max(r) FROM (SELECT median(loan_amount) FILTER (WHERE day >= 21)"
                + " / median(loan_amount) FILTER (WHERE day < 21) AS r FROM predictions GROUP BY product_type)");
        assertTrue(lowest > 1.18 && highest < 1.32, "median ratios per product in [" + lowest + ", " + highest + "]");
        double stable = sql.number("SELECT avg(loan_amount) FILTER (WHERE day BETWEEN 11 AND 20)"
                + " / avg(loan_amount) FILTER (WHERE day <= 10) FROM predictions");
        assertEquals(1.0, stable, 0.06, "no drift before day 21");
    }

    @Test
    void incident3MobileLatencyP95IsTenfoldOnDays22And23() throws SQLException {
        String p95 = "SELECT quantile_cont(latency_ms, 0.95) FROM predictions WHERE ";
        double mobileSlow = sql.number(p95 + "channel = 'mobile' AND day IN (22, 23)");
        double mobileNormal = sql.number(p95 + "channel = 'mobile' AND day NOT IN (22, 23)");
        double othersSlowDays = sql.number(p95 + "channel <> 'mobile' AND day IN (22, 23)");
        double othersNormal = sql.number(p95 + "channel <> 'mobile' AND day NOT IN (22, 23)");
        assertTrue(mobileSlow >= 5 * mobileNormal, "mobile p95 " + mobileSlow + " vs " + mobileNormal);
        assertEquals(othersNormal, othersSlowDays, othersNormal * 0.1, "other channels unaffected");
        // The timings file puts the whole slowdown in the feature-store stage.
        double stageRatio = sql.number("SELECT median(feature_store_ms) FILTER (WHERE day IN (22, 23))"
                + " / median(feature_store_ms) FILTER (WHERE day NOT IN (22, 23)) FROM timings WHERE channel = 'mobile'");
        assertEquals(DemoScenario.SLOW_LOOKUP_FACTOR, stageRatio, 1.5);
        assertEquals(0.0, sql.number("SELECT count(*) FROM timings"
                + " WHERE abs(gateway_ms + feature_store_ms + model_ms - latency_ms) > 0.011"));
        assertEquals(0.0, sql.number("SELECT count(*) FROM timings t JOIN predictions p USING (request_id)"
                + " WHERE t.latency_ms <> p.latency_ms OR t.trace_id <> p.trace_id OR t.\"timestamp\" <> p.\"timestamp\""));
    }

    @Test
    void incident4V2IsA20PercentCanaryFromDay24WithSimilarAucButPoorCalibration() throws SQLException {
        assertEquals(0.0, sql.number("SELECT count(*) FROM predictions WHERE model_version = 'v2' AND day < 24"));
        double share = sql.number("SELECT avg((model_version = 'v2')::INT) FROM predictions WHERE day >= 24");
        assertEquals(DemoScenario.CANARY_SHARE, share, 0.015, "canary share");

        String window = "day >= 24 AND NOT (region = 'EU') AND model_version = ";
        double aucV1 = sql.auc(window + "'v1'");
        double aucV2 = sql.auc(window + "'v2'");
        assertEquals(aucV1, aucV2, 0.05, "similar AUC");
        double eceV1 = sql.ece("day >= 24 AND model_version = 'v1'");
        double eceV2 = sql.ece("day >= 24 AND model_version = 'v2'");
        assertTrue(eceV2 > 0.06 && eceV2 > 3 * eceV1, "ECE v1 " + eceV1 + ", v2 " + eceV2);
        // Over-confident: v2's scores sit nearer 0 and 1 than v1's.
        double spreadV1 = sql.number("SELECT avg(abs(score - 0.5)) FROM predictions WHERE day >= 24 AND model_version = 'v1'");
        double spreadV2 = sql.number("SELECT avg(abs(score - 0.5)) FROM predictions WHERE day >= 24 AND model_version = 'v2'");
        assertTrue(spreadV2 > spreadV1 + 0.03, "mean |score - 0.5|: v1 " + spreadV1 + ", v2 " + spreadV2);
    }

    @Test
    void incident5V2HasALowerTruePositiveRateFor18To25() throws SQLException {
        double young = sql.tpr("model_version = 'v2' AND age_band = '18-25'");
        double others = sql.tpr("model_version = 'v2' AND age_band <> '18-25'");
        double v1Young = sql.tpr("model_version = 'v1' AND day >= 24 AND age_band = '18-25'");
        assertTrue(others - young > 0.15, "v2 TPR 18-25 " + young + " vs other bands " + others);
        assertTrue(v1Young - young > 0.10, "v1 TPR 18-25 " + v1Young + " vs v2 " + young);
        assertEquals(DemoScenario.UNDERSERVED_AGE_BAND, sql.text("SELECT age_band FROM predictions"
                + " WHERE label = 1 AND model_version = 'v2' GROUP BY age_band ORDER BY avg(prediction) LIMIT 1"),
                "the band with v2's lowest TPR");
        // The cause is in v2's training data: half of the 18-25 defaults lost.
        double v1Rate = sql.number("SELECT avg(label) FROM snapshot_v1 WHERE age_band = '18-25'");
        double v2Rate = sql.number("SELECT avg(label) FROM snapshot_v2 WHERE age_band = '18-25'");
        assertEquals(0.5, v2Rate / v1Rate, 0.1, "18-25 default rate v2 snapshot / v1 snapshot");
        double v1Others = sql.number("SELECT avg(label) FROM snapshot_v1 WHERE age_band <> '18-25'");
        double v2Others = sql.number("SELECT avg(label) FROM snapshot_v2 WHERE age_band <> '18-25'");
        assertEquals(v1Others, v2Others, 0.02, "other bands labelled alike");
    }

    @Test
    void labelsArriveLateTheLastThreeDaysHaveNone() throws SQLException {
        assertEquals(0.0, sql.number("SELECT count(label) FROM predictions WHERE day >= ?",
                DemoScenario.UNLABELLED_FROM_DAY));
        assertEquals(0.0, sql.number("SELECT count(*) FROM predictions WHERE label IS NULL AND day < ?",
                DemoScenario.UNLABELLED_FROM_DAY));
    }
}
