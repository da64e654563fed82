package org.inquest.app.ui.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.inquest.analysis.replay.ReplayBucket;
import org.inquest.app.ui.TestWorkspaces;
import org.inquest.app.ui.analysis.IncidentSnapshot;
import org.inquest.app.ui.analysis.IncidentViewModel;
import org.inquest.app.ui.slice.SliceSpec;
import org.inquest.app.ui.task.DirectTaskRunner;
import org.inquest.app.ui.task.SyncRunner;
import org.inquest.connectors.workspace.Workspace;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Replay tab's view model without a display, on {@link TestWorkspaces#incident} with 1,344 rows over 14 days:
 * row i is at 2026-09-01 + i × 15 minutes, so the timeline (per minute would be 18,721 buckets, so 15 minutes) has
 * exactly row i in bucket i, and every value under the cursor is the row's own: latency 20 + i % 50 (+ 40 from day
 * 10, i ≥ 960), amount (i % 100) × 10 (× 1.5 from day 10). Playback is driven by explicit clock values.
 */
class ReplayViewModelTest {
    static final int ROWS = 1344;
    static final long SECOND = 1_000_000_000L;
    @TempDir
    Path dir;
    Workspace ws;
    SyncRunner runner;
    ReplayViewModel vm;

    @BeforeEach
    void open() throws Exception {
        ws = TestWorkspaces.incident(dir, ROWS);
        runner = SyncRunner.on(ws);
        vm = new ReplayViewModel();
        vm.attach(runner);
        vm.show(snapshot("timestamp < TIMESTAMP '2026-09-08'", ""));
    }

    @AfterEach
    void close() {
        ws.close();
    }

    IncidentSnapshot snapshot(String referenceWhere, String currentWhere) {
        IncidentViewModel incident = new IncidentViewModel();
        incident.attach(new DirectTaskRunner(ws::connection));
        incident.compute(new SliceSpec("predictions", referenceWhere, "predictions", currentWhere));
        assertEquals("", incident.errorProperty().get());
        return incident.snapshotProperty().get();
    }

    static double latency(int i) {
        return 20 + i % 50 + (i >= 960 ? 40 : 0);
    }

    @Test
    void loadsOnceWhenShownAndFollowsTheCursor() {
        assertTrue(vm.timelineProperty().get() == null, "nothing is computed before the tab is shown");
        assertEquals(List.of("region", "amount"), vm.features());
        assertEquals("region", vm.featureProperty().get());
        assertEquals(0, runner.count("Replay timeline"));
        vm.featureProperty().set("amount");
        assertEquals(0, runner.count("Replay timeline"), "a feature change before the tab is shown waits too");
        vm.load();
        assertNotNull(vm.timelineProperty().get());
        assertEquals(ROWS, vm.timelineProperty().get().buckets().size());
        assertEquals("15m", vm.timelineProperty().get().bucket());
        assertTrue(vm.stateProperty().get().startsWith("1,344 rows in 1,344 buckets of 15m (1m buckets would be"),
                vm.stateProperty().get());
        assertEquals(0, vm.currentProperty().get().index());
        assertEquals("0", vm.requests().get(0).id());

        vm.seek(970);
        ReplayBucket b = vm.currentProperty().get();
        assertEquals("2026-09-11 02:30:00", b.start());
        assertEquals(1, b.rows());
        assertEquals(latency(970), b.p95LatencyMs());
        assertEquals(70 * 10 * 1.5, b.featureMean());
        assertEquals(1, vm.requests().size());
        assertEquals("970", vm.requests().get(0).id());
        assertEquals(latency(970), vm.requests().get(0).latencyMs());
        assertFalse(vm.requests().get(0).traced(), "this workspace has no spans");

        vm.load();
        assertEquals(1, runner.count("Replay timeline"), "loaded once per slice, feature and width");
        vm.bucketProperty().set("1h");
        assertEquals(2, runner.count("Replay timeline"));
        assertEquals(ROWS / 4, vm.timelineProperty().get().buckets().size());
        assertEquals(0, vm.positionProperty().get());
    }

    @Test
    void playbackAdvancesWithTheClockAndStopsAtTheEnd() {
        vm.load();
        vm.speedProperty().set(4);
        vm.seek(100);
        vm.tick(0);
        assertEquals(100, vm.positionProperty().get(), "paused: the clock does nothing");
        vm.play();
        assertTrue(vm.playingProperty().get());
        vm.tick(5 * SECOND);
        assertEquals(100, vm.positionProperty().get(), "the first frame only starts the clock");
        vm.tick(5 * SECOND + SECOND / 4);
        assertEquals(101, vm.positionProperty().get());
        vm.tick(5 * SECOND + SECOND / 4 + SECOND / 8);
        assertEquals(101, vm.positionProperty().get(), "half a bucket is carried over");
        vm.tick(5 * SECOND + SECOND / 2);
        assertEquals(102, vm.positionProperty().get());
        vm.tick(7 * SECOND + SECOND / 2);
        assertEquals(110, vm.positionProperty().get());
        assertEquals("110", vm.requests().get(0).id(), "the list follows the cursor");
        assertEquals(1, runner.count("Replay timeline"), "playing never recomputes the timeline");

        vm.step(-1);
        assertFalse(vm.playingProperty().get(), "stepping pauses");
        assertEquals(109, vm.positionProperty().get());

        vm.seek(ROWS - 3);
        vm.toggle();
        vm.tick(20 * SECOND);
        vm.tick(30 * SECOND);
        assertEquals(ROWS - 1, vm.positionProperty().get());
        assertFalse(vm.playingProperty().get(), "playback stops at the last bucket");
        vm.play();
        assertEquals(0, vm.positionProperty().get(), "play at the end starts over");
    }

    @Test
    void aNewSliceForgetsTheTimeline() {
        vm.load();
        vm.seek(500);
        vm.play();
        vm.show(snapshot("timestamp < TIMESTAMP '2026-09-08'", "region = 'EU'"));
        assertFalse(vm.playingProperty().get());
        assertTrue(vm.timelineProperty().get() == null);
        assertTrue(vm.requests().isEmpty());
        vm.load();
        long eu = vm.timelineProperty().get().buckets().stream().mapToLong(ReplayBucket::rows).sum();
        assertEquals(ROWS / 3, eu);
        // the first EU row is row 0, the second row 3: bucket 1 is empty and lists nothing
        vm.seek(1);
        assertEquals(0, vm.currentProperty().get().rows());
        assertTrue(vm.requests().isEmpty());
        assertTrue(vm.requestsStateProperty().get().startsWith("No requests"));
    }
}
