package org.inquest.app.ui.traces;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.inquest.app.ui.slice.SliceSpec;
import org.inquest.app.ui.task.DirectTaskRunner;
import org.inquest.connectors.workspace.Workspace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Stage comparisons of the matching traces on {@link TraceWorkspaces}. Slices: reference = web predictions (T1, T4),
 * current = mobile (T2, T3).
 */
class StageStatsViewModelTest {
    @TempDir
    Path dir;

    static List<Object> row(TracesViewModel vm, String span) {
        return vm.stageStats().gridProperty().get().rows().stream().filter(r -> span.equals(r.get(1))).findFirst()
                .orElseThrow();
    }

    @Test
    void referenceAgainstCurrentSliceAndSlowestAgainstTheRest() throws Exception {
        try (Workspace ws = TraceWorkspaces.linked(dir)) {
            TracesViewModel vm = new TracesViewModel();
            vm.stageStats().setSlices(() -> new SliceSpec("preds", "channel = 'web'", "preds", "channel = 'mobile'"));
            vm.attach(new DirectTaskRunner(ws::connection));
            vm.stageStats().modeProperty().set(StageStatsViewModel.Mode.SLICES);
            assertEquals(StageStatsViewModel.SLICE_COLUMNS, vm.stageStats().gridProperty().get().columns());
            // db query: web T1 50 ms (self 50), mobile T2 220 ms (self 220): +170 on both p95s
            List<Object> query = row(vm, "query");
            assertEquals(1L, query.get(2));
            assertEquals(1L, query.get(3));
            assertEquals(170.0, (Double) query.get(8), 1e-9);
            assertEquals(170.0, (Double) query.get(11), 1e-9);
            // cache get runs only in T4 (web): no current side, listed last
            List<List<Object>> rows = vm.stageStats().gridProperty().get().rows();
            assertEquals("get", rows.get(rows.size() - 1).get(1));
            assertEquals(null, rows.get(rows.size() - 1).get(3));
            assertTrue(vm.stageStats().messageProperty().get().contains("channel = 'mobile'"),
                    vm.stageStats().messageProperty().get());

            // slowest 25 % of 4 traces: durations 40, 80, 100, 250; q(0.75) = 100 + 0.25 * 150 = 137.5 -> T2 alone
            vm.stageStats().modeProperty().set(StageStatsViewModel.Mode.COHORTS);
            vm.stageStats().slowestPercentProperty().set("25");
            vm.stageStats().reload();
            assertEquals(StageStatsViewModel.COHORT_COLUMNS, vm.stageStats().gridProperty().get().columns());
            // db query: slow self per trace 220; normal: T1's 50 over 3 traces = 16.67 -> contribution 203.33
            List<Object> first = vm.stageStats().gridProperty().get().rows().get(0);
            assertEquals("query", first.get(1));
            assertEquals(220.0 - 50.0 / 3, (Double) first.get(2), 1e-9);
            // difference of mean durations: 250 - (40 + 80 + 100) / 3 = 176.67
            assertTrue(vm.stageStats().messageProperty().get().contains("176.67 ms slower"),
                    vm.stageStats().messageProperty().get());

            vm.stageStats().slowestPercentProperty().set("lots");
            vm.stageStats().reload();
            assertTrue(vm.stageStats().messageProperty().get().contains("not a percentage"));
        }
    }
}
