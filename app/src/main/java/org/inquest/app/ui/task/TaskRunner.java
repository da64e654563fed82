package org.inquest.app.ui.task;

import java.util.function.Consumer;

/**
 * Where view models send DuckDB work. The workbench's runner ({@link FxTaskRunner}) runs it in
 * {@code javafx.concurrent.Task}s on a small pool and delivers results on the FX thread; view-model tests inject
 * {@link DirectTaskRunner}, which runs everything on the calling thread so no display is needed.
 */
public interface TaskRunner extends AutoCloseable {
    /**
     * Runs {@code work} on a worker. Exactly one of {@code onSuccess} / {@code onFailure} is called on the UI thread,
     * unless the work was cancelled, in which case neither is.
     */
    <T> TaskHandle submit(String title, Work<T> work, Consumer<? super T> onSuccess,
            Consumer<? super Throwable> onFailure);

    /** The running tasks, for the status bar. */
    StatusModel status();

    @Override
    void close();
}
