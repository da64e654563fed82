package org.inquest.app.ui.request;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.inquest.analysis.slice.SliceResolver;
import org.inquest.app.ui.TestWorkspaces;
import org.inquest.app.ui.common.Format;
import org.inquest.app.ui.task.DirectTaskRunner;
import org.inquest.app.ui.task.TaskRunner;
import org.inquest.app.ui.traces.TraceWorkspaces;
import org.inquest.connectors.workspace.Workspace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SegmentExamplesViewModelTest {
    @TempDir
    Path dir;

    @Test
    void wrongPredictionsFirstThenById() throws Exception {
        try (Workspace ws = TraceWorkspaces.linked(dir)) {
            TaskRunner runner = new DirectTaskRunner(ws::connection);
            SegmentExamplesViewModel vm = new SegmentExamplesViewModel(() -> runner);
            // current slice: ids 2..5; segment channel <> 'tablet' -> 2, 3, 4; wrong: 2 and 4
            vm.load(new SliceResolver(ws.connection()).resolve("preds", "id >= 2"), "channel <> 'tablet'");
            assertEquals(List.of("id", "trace_id", "score", "prediction", "label"), vm.gridProperty().get().columns());
            assertEquals(List.of(2L, 4L, 3L), vm.gridProperty().get().rows().stream().map(r -> r.get(0)).toList());
            assertEquals(RequestKey.id("preds", 4L), vm.key(1).orElseThrow());
            assertTrue(vm.key(7).isEmpty());
            vm.load(new SliceResolver(ws.connection()).resolve("preds", null), "nosuch = 1");
            assertTrue(vm.messageProperty().get().contains("nosuch"), vm.messageProperty().get());
            vm.load(null, null);
            assertEquals(List.of(), vm.gridProperty().get().rows());
        }
    }

    /** Example timestamps read as in the other grids (ISO 8601), not as JDBC's "2026-09-01 00:00:00.0". */
    @Test
    void timestampsReadAsIso8601() throws Exception {
        try (Workspace ws = TestWorkspaces.incident(dir, 100)) {
            TaskRunner runner = new DirectTaskRunner(ws::connection);
            SegmentExamplesViewModel vm = new SegmentExamplesViewModel(() -> runner);
            vm.load(new SliceResolver(ws.connection()).resolve("predictions", null), "region = 'EU'");
            int at = vm.gridProperty().get().columns().indexOf("timestamp");
            assertTrue(at >= 0, vm.gridProperty().get().columns().toString());
            Object first = vm.gridProperty().get().rows().get(0).get(at);
            assertTrue(Format.value(first).matches("2026-09-\\d\\dT\\d\\d:\\d\\d:\\d\\d"), Format.value(first));
        }
    }
}
