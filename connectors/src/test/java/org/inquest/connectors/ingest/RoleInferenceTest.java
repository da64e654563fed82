package org.inquest.connectors.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.inquest.connectors.catalog.ColumnRole;
import org.inquest.connectors.error.UsageException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class RoleInferenceTest {
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "id, id", "request_id, id", "Prediction_ID, id", "EVENT_ID, id",
        "timestamp, timestamp", "ts, timestamp", "event_time, timestamp", "Time, timestamp", "created_at, timestamp",
        "model_version, model_version", "version, model_version", "MODEL, model_version",
        "score, score", "probability, score", "proba, score", "y_score, score", "prediction_score, score",
        "prediction, prediction", "predicted_label, prediction", "y_pred, prediction",
        "label, label", "actual, label", "ground_truth, label", "y_true, label", "Target, label",
        "latency_ms, latency_ms", "latency, latency_ms", "duration_ms, latency_ms",
        "trace_id, trace_id", "TraceId, trace_id",
        "income, feature", "scored, feature", "ids, feature", "label_2, feature", "timestamp_utc, feature"
    })
    void namesFromTheContract(String column, String role) {
        assertEquals(ColumnRole.fromWireName(role),
                RoleInference.infer(List.of(column), Map.of(), List.of()).get(column));
    }

    @Test
    void eachRoleGoesToOneColumnEarlierNamesWinning() {
        Map<String, ColumnRole> roles = RoleInference.infer(List.of("request_id", "id", "proba", "score"), Map.of(),
                List.of());
        assertEquals(ColumnRole.FEATURE, roles.get("request_id"));
        assertEquals(ColumnRole.ID, roles.get("id"));
        assertEquals(ColumnRole.FEATURE, roles.get("proba"));
        assertEquals(ColumnRole.SCORE, roles.get("score"));
    }

    @Test
    void overridesMoveARoleAndCanMakeAFeature() {
        Map<String, ColumnRole> roles = RoleInference.infer(List.of("score", "p_default", "version"), Map.of(),
                RoleInference.parseOverrides(List.of("score=P_DEFAULT", "feature=version")));
        assertEquals(Map.of("score", ColumnRole.FEATURE, "p_default", ColumnRole.SCORE, "version", ColumnRole.FEATURE),
                roles);
    }

    @Test
    void storedRolesAreKept() {
        Map<String, ColumnRole> roles = RoleInference.infer(List.of("label", "y_true"),
                Map.of("label", ColumnRole.FEATURE), List.of());
        assertEquals(ColumnRole.FEATURE, roles.get("label"));
        assertEquals(ColumnRole.LABEL, roles.get("y_true"));
    }

    @Test
    void badOverridesAreUsageErrors() {
        assertThrows(UsageException.class, () -> RoleInference.parseOverrides(List.of("score")));
        assertThrows(UsageException.class, () -> RoleInference.parseOverrides(List.of("colour=x")));
        assertThrows(UsageException.class, () -> RoleInference.parseOverrides(List.of("score=a", "score=b")));
        UsageException e = assertThrows(UsageException.class, () -> RoleInference.infer(List.of("a"), Map.of(),
                RoleInference.parseOverrides(List.of("label=missing"))));
        assertEquals("--role: unknown column 'missing' (columns: a)", e.getMessage());
    }
}
