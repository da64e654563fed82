package org.inquest.app.ui.task;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LatestOnlyTest {
    @Test
    void aNewRequestCancelsTheOldOneAndItsLateResultIsDropped() {
        SyncRunner runner = SyncRunner.withoutDatabase().hold();
        LatestOnly latest = new LatestOnly();
        List<String> shown = new ArrayList<>();
        latest.submit(runner, "first", ctx -> "stale", shown::add, e -> shown.add("error"));
        latest.submit(runner, "second", ctx -> "fresh", shown::add, e -> shown.add("error"));
        assertEquals(List.of(true, false),
                runner.submissions().stream().map(SyncRunner.Submission::cancelled).toList());
        runner.submissions().get(1).complete();
        runner.submissions().get(0).complete(); // the stale task finishes last, as a slow query would
        assertEquals(List.of("fresh"), shown);
    }

    @Test
    void cancelDropsThePendingResult() {
        SyncRunner runner = SyncRunner.withoutDatabase().hold();
        LatestOnly latest = new LatestOnly();
        List<String> shown = new ArrayList<>();
        latest.submit(runner, "only", ctx -> "value", shown::add, e -> shown.add("error"));
        latest.cancel();
        runner.submissions().get(0).complete();
        assertTrue(shown.isEmpty());
        assertTrue(runner.submissions().get(0).cancelled());
    }
}
