package org.inquest.app.ui.task;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.concurrent.Task;

/**
 * The workbench's runner: each submission becomes a {@code javafx.concurrent.Task} on a small fixed pool. Every
 * worker thread opens its own DuckDB connection on first use (DuckDB: one connection per thread) and keeps it for
 * later tasks; {@link TaskHandle#cancel()} cancels the Task and {@code Statement.cancel()}s its running statements.
 * Results reach the FX thread through the Task's own callbacks; the FX thread never waits on a worker.
 */
public final class FxTaskRunner implements TaskRunner {
    private final ExecutorService pool;
    private final Supplier<Connection> connections;
    private final ThreadLocal<Connection> workerConnection = new ThreadLocal<>();
    private final List<Connection> opened = new CopyOnWriteArrayList<>();
    private final StatusModel status;

    /**
     * @param workers     pool size (the workbench uses 2: DuckDB parallelises each query itself)
     * @param connections opens a new connection for a worker thread, e.g. {@code workspace::newConnection}
     * @param status      where running tasks are shown
     */
    public FxTaskRunner(int workers, Supplier<Connection> connections, StatusModel status) {
        this.connections = connections;
        this.status = status;
        AtomicInteger n = new AtomicInteger();
        ThreadFactory factory = r -> BackgroundWork.thread(r, "inquest-worker-" + n.incrementAndGet());
        this.pool = Executors.newFixedThreadPool(workers, factory);
    }

    private Connection connectionOfThisWorker() {
        Connection c = workerConnection.get();
        if (c == null) {
            c = connections.get();
            workerConnection.set(c);
            opened.add(c);
        }
        return c;
    }

    @Override
    public <T> TaskHandle submit(String title, Work<T> work, Consumer<? super T> onSuccess,
            Consumer<? super Throwable> onFailure) {
        if (pool.isShutdown()) {
            // The workspace was closed (another one opened, or the window): a result of its work that reaches the
            // FX thread afterwards may still ask for more (a preset's pickers, say). That work is dropped, as
            // cancelled work is, instead of an exception on the FX thread.
            return TaskHandle.DONE;
        }
        WorkTask<T> task = new WorkTask<>(title, work, onSuccess, onFailure);
        status.started(title);
        task.progressProperty().addListener((obs, old, now) -> {
            if (task.isRunning()) {
                status.progressed(task.getMessage().isEmpty() ? title : task.getMessage(), now.doubleValue());
            }
        });
        try {
            pool.execute(task);
        } catch (java.util.concurrent.RejectedExecutionException closedMeanwhile) {
            status.finished(null);
            return TaskHandle.DONE;
        }
        return new TaskHandle() {
            @Override
            public void cancel() {
                task.cancelWork();
            }

            @Override
            public boolean isDone() {
                return task.isDone();
            }
        };
    }

    @Override
    public StatusModel status() {
        return status;
    }

    /** Cancels what runs, stops the workers and closes their connections. */
    @Override
    public void close() {
        pool.shutdownNow();
        try {
            pool.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (Connection c : opened) {
            try {
                c.close();
            } catch (SQLException ignored) {
                // The workspace is going away; nothing to do with a connection that will not close.
            }
        }
        opened.clear();
    }

    private final class WorkTask<T> extends Task<T> {
        private final String title;
        private final Work<T> work;
        private final Consumer<? super T> onSuccess;
        private final Consumer<? super Throwable> onFailure;
        private volatile CancellableConnection tracked;

        WorkTask(String title, Work<T> work, Consumer<? super T> onSuccess, Consumer<? super Throwable> onFailure) {
            this.title = title;
            this.work = work;
            this.onSuccess = onSuccess;
            this.onFailure = onFailure;
            updateTitle(title);
        }

        void cancelWork() {
            cancel(false);
            CancellableConnection t = tracked;
            if (t != null) {
                t.cancel();
            }
        }

        @Override
        protected T call() throws Exception {
            if (isCancelled()) {
                throw new CancellationException();
            }
            CancellableConnection t = CancellableConnection.wrap(connectionOfThisWorker());
            tracked = t;
            if (isCancelled()) {
                t.cancel();
            }
            Connection c = t.connection();
            try {
                return work.run(new WorkContext() {
                    @Override
                    public Connection connection() {
                        return c;
                    }

                    @Override
                    public boolean isCancelled() {
                        return WorkTask.this.isCancelled();
                    }

                    @Override
                    public void progress(long done, long total, String message) {
                        if (message != null) {
                            updateMessage(message);
                        }
                        updateProgress(total > 0 ? done : -1, total > 0 ? total : 1);
                    }
                });
            } finally {
                t.release();
            }
        }

        @Override
        protected void succeeded() {
            status.finished(null);
            onSuccess.accept(getValue());
        }

        @Override
        protected void failed() {
            Throwable e = getException();
            status.finished(title + " failed: " + Errors.oneLine(e));
            onFailure.accept(e);
        }

        @Override
        protected void cancelled() {
            status.finished(null);
        }
    }

    /** Runs {@code r} on the FX thread (now when already there). */
    public static void onFx(Runnable r) {
        if (Platform.isFxApplicationThread()) {
            r.run();
        } else {
            Platform.runLater(r);
        }
    }
}
