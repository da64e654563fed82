package org.inquest.app.ui.task;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class LatestOnlyTest {
    /** A runner that holds submissions until the test completes them, in any order. */
    static final class ManualRunner implements TaskRunner {
        final List<Runnable> completions = new ArrayList<>();
        final List<Boolean> cancelled = new ArrayList<>();
        final StatusModel status = new StatusModel();

        @Override
        public <T> TaskHandle submit(String title, Work<T> work, Consumer<? super T> onSuccess,
                Consumer<? super Throwable> onFailure) {
            int index = cancelled.size();
            cancelled.add(false);
            completions.add(() -> {
                try {
                    onSuccess.accept(work.run(null));
                } catch (Exception e) {
                    onFailure.accept(e);
                }
            });
            return new TaskHandle() {
                @Override
                public void cancel() {
                    cancelled.set(index, true);
                }

                @Override
                public boolean isDone() {
                    return false;
                }
            };
        }

        @Override
        public StatusModel status() {
            return status;
        }

        @Override
        public void close() {
        }
    }

    @Test
    void aNewRequestCancelsTheOldOneAndItsLateResultIsDropped() {
        ManualRunner runner = new ManualRunner();
        LatestOnly latest = new LatestOnly();
        List<String> shown = new ArrayList<>();
        latest.submit(runner, "first", ctx -> "stale", shown::add, e -> shown.add("error"));
        latest.submit(runner, "second", ctx -> "fresh", shown::add, e -> shown.add("error"));
        assertEquals(List.of(true, false), runner.cancelled);
        runner.completions.get(1).run();
        runner.completions.get(0).run(); // the stale task finishes last, as a slow query would
        assertEquals(List.of("fresh"), shown);
    }

    @Test
    void cancelDropsThePendingResult() {
        ManualRunner runner = new ManualRunner();
        LatestOnly latest = new LatestOnly();
        List<String> shown = new ArrayList<>();
        latest.submit(runner, "only", ctx -> "value", shown::add, e -> shown.add("error"));
        latest.cancel();
        runner.completions.get(0).run();
        assertTrue(shown.isEmpty());
        assertTrue(runner.cancelled.get(0));
    }
}
