package org.inquest.analysis.drift;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

/** The drift frames against hand-written results: shapes, missing cells, the pivot and the CSV text. */
class DriftFramesTest {
    private static FeatureDrift numeric(String name, double p, boolean drifted) {
        Map<String, Double> metrics = new LinkedHashMap<>();
        metrics.put("ks_statistic", 0.25);
        metrics.put("ks_p_value", p);
        return new FeatureDrift(name, "numerical", DriftMethod.KS, p, 0.05, drifted, p, 0.0, 0.5, metrics, 10, 4, 7,
                false, null, null, null);
    }

    private static FeatureDrift categorical(String name, double psi, boolean drifted) {
        return new FeatureDrift(name, "categorical", DriftMethod.PSI, psi, 0.1, drifted, null, 0.25, 0.0,
                Map.of("psi", psi), 8, 8, 3, false, null, null, null);
    }

    private static DriftResult result(List<DriftResult.DriftWindow> windows) {
        return new DriftResult(new DriftResult.SliceSummary("ref", null, 10),
                new DriftResult.SliceSummary("cur", "day > 3", 8), 0.5, 0.5, true,
                List.of(numeric("age", 0.01, true), categorical("city, \"old\"", 0.02, false)), List.of(), List.of(),
                windows);
    }

    @Test
    void tidyFrameHasOneRowPerFeatureAndAColumnPerMetricWithMissingCells() {
        Table t = DriftFrames.tidy(result(null));
        assertEquals(2, t.rowCount());
        assertEquals(List.of("window", "window_end", "window_rows", "feature", "kind", "method", "statistic",
                "threshold", "drifted", "p_value", "reference_nulls", "current_nulls", "ks_statistic", "ks_p_value",
                "psi"), t.columnNames());
        assertEquals("all", t.stringColumn("window").get(0));
        assertEquals(8L, t.longColumn("window_rows").get(1));
        assertTrue(t.doubleColumn("psi").isMissing(0));
        assertEquals(0.02, t.doubleColumn("psi").getDouble(1));
        assertTrue(t.doubleColumn("ks_statistic").isMissing(1));
        assertTrue(t.doubleColumn("p_value").isMissing(1));
    }

    @Test
    void csvQuotesNamesAndLeavesMissingValuesEmpty() {
        String csv = DriftFrames.csv(DriftFrames.tidy(result(null)));
        String[] lines = csv.split("\n");
        assertEquals(3, lines.length);
        assertEquals("window,window_end,window_rows,feature,kind,method,statistic,threshold,drifted,p_value,"
                + "reference_nulls,current_nulls,ks_statistic,ks_p_value,psi", lines[0]);
        assertEquals("all,,8,age,numerical,ks,0.01,0.05,true,0.01,0.0,0.5,0.25,0.01,", lines[1]);
        assertEquals("all,,8,\"city, \"\"old\"\"\",categorical,psi,0.02,0.1,false,,0.25,0.0,,,0.02", lines[2]);
    }

    @Test
    void overTimePivotsEachWindowsStatisticIntoAColumnPerWindow() {
        List<DriftResult.DriftWindow> windows = List.of(
                new DriftResult.DriftWindow("2026-01-01", "2026-01-02", 5, 0.5, true,
                        List.of(numeric("age", 0.001, true), categorical("city, \"old\"", 0.3, true)), null),
                new DriftResult.DriftWindow("2026-01-02", "2026-01-03", 3, 0.0, false,
                        List.of(numeric("age", 0.4, false), categorical("city, \"old\"", 0.05, false)), null));
        Table tidy = DriftFrames.tidy(result(windows));
        assertEquals(6, tidy.rowCount());

        Table wide = DriftFrames.overTime(result(windows), DriftFrames.Cell.STATISTIC);
        assertEquals(List.of("feature", "2026-01-01", "2026-01-02"), wide.columnNames());
        assertEquals(2, wide.rowCount());
        int age = wide.stringColumn("feature").indexOf("age");
        int city = wide.stringColumn("feature").indexOf("city, \"old\"");
        assertEquals(0.001, wide.doubleColumn("2026-01-01").getDouble(age));
        assertEquals(0.4, wide.doubleColumn("2026-01-02").getDouble(age));
        assertEquals(0.3, wide.doubleColumn("2026-01-01").getDouble(city));
        assertEquals(0.05, wide.doubleColumn("2026-01-02").getDouble(city));

        Table flags = DriftFrames.overTime(result(windows), DriftFrames.Cell.DRIFTED);
        assertEquals(1.0, flags.doubleColumn("2026-01-01").getDouble(age));
        assertEquals(0.0, flags.doubleColumn("2026-01-02").getDouble(age));
        assertEquals(1.0, flags.doubleColumn("2026-01-01").getDouble(city));
        assertEquals(0.0, flags.doubleColumn("2026-01-02").getDouble(city));
    }

    @Test
    void overTimeWithoutWindowsIsAnEmptyFrame() {
        Table wide = DriftFrames.overTime(result(null), DriftFrames.Cell.STATISTIC);
        assertEquals(0, wide.rowCount());
        assertEquals(List.of("feature"), wide.columnNames());
    }
}
