package org.inquest.analysis.calibration;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.Map;
import org.inquest.analysis.Fixtures;
import org.inquest.analysis.performance.ModelColumns;
import org.inquest.analysis.slice.Slice;
import org.inquest.connectors.catalog.ColumnRole;
import org.inquest.connectors.catalog.TableInfo;
import org.inquest.connectors.workspace.Workspace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reliability bins, ECE and MCE against sklearn's calibration_curve on scores with ties on the bin edges. */
class CalibrationReferenceTest {
    @TempDir
    Path dir;

    @Test
    void uniformBinsMatchSklearnExactly() {
        check(BinStrategy.UNIFORM, Fixtures.expected().get("calibration_uniform"));
    }

    @Test
    void quantileBinsMatchSklearnExactly() {
        check(BinStrategy.QUANTILE, Fixtures.expected().get("calibration_quantile"));
    }

    private void check(BinStrategy strategy, JsonNode e) {
        try (Workspace workspace = Workspace.open(dir.resolve("w.duckdb"))) {
            TableInfo table = Fixtures.load(workspace, "binary", "binary.csv",
                    Map.of("score", ColumnRole.SCORE, "label", ColumnRole.LABEL));
            Calibration c = new CalibrationAnalyzer(workspace.connection())
                    .analyze(Slice.whole(table), ModelColumns.of(table), strategy);
            assertEquals(e.get("bins").size(), c.bins().size());
            for (int i = 0; i < c.bins().size(); i++) {
                JsonNode eb = e.get("bins").get(i);
                CalibrationBin b = c.bins().get(i);
                assertEquals(eb.get("lower").asDouble(), b.lower(), 0.0, "lower of bin " + i);
                assertEquals(eb.get("upper").asDouble(), b.upper(), 0.0, "upper of bin " + i);
                assertEquals(eb.get("count").asLong(), b.count(), "count of bin " + i);
                assertEquals(eb.get("mean_predicted").asDouble(), b.meanPredicted(), 1e-12);
                assertEquals(eb.get("fraction_positive").asDouble(), b.fractionPositive(), 1e-12);
            }
            assertEquals(e.get("ece").asDouble(), c.ece(), 1e-12);
            assertEquals(e.get("mce").asDouble(), c.mce(), 1e-12);
        }
    }
}
