package org.inquest.app.ui.task;

import java.util.function.Consumer;

/**
 * Keeps only the newest request of one kind alive: submitting cancels the previous task (its statements are
 * cancelled in DuckDB) and a generation counter drops any result that still arrives from a stale request. Used from
 * the UI thread only.
 */
public final class LatestOnly {
    private long generation;
    private TaskHandle current = TaskHandle.DONE;

    public <T> void submit(TaskRunner runner, String title, Work<T> work, Consumer<? super T> onSuccess,
            Consumer<? super Throwable> onFailure) {
        current.cancel();
        long mine = ++generation;
        current = runner.submit(title, work, result -> {
            if (mine == generation) {
                onSuccess.accept(result);
            }
        }, error -> {
            if (mine == generation) {
                onFailure.accept(error);
            }
        });
    }

    /** Cancels the pending request, if any, and drops its result. */
    public void cancel() {
        generation++;
        current.cancel();
        current = TaskHandle.DONE;
    }

    public long generation() {
        return generation;
    }
}
