package org.inquest.app.ui.task;

import java.sql.Connection;
import java.util.concurrent.CancellationException;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Runs work at once on the calling thread and delivers the result there: the synchronous runner view-model tests
 * inject, so view models are tested without a display. It uses one connection supplied by the test.
 */
public final class DirectTaskRunner implements TaskRunner {
    private final Supplier<Connection> connection;
    private final StatusModel status;

    public DirectTaskRunner(Supplier<Connection> connection) {
        this(connection, new StatusModel());
    }

    public DirectTaskRunner(Supplier<Connection> connection, StatusModel status) {
        this.connection = connection;
        this.status = status;
    }

    @Override
    public <T> TaskHandle submit(String title, Work<T> work, Consumer<? super T> onSuccess,
            Consumer<? super Throwable> onFailure) {
        status.started(title);
        CancellableConnection tracked = CancellableConnection.wrap(connection.get());
        Connection c = tracked.connection();
        T result;
        try {
            result = work.run(new WorkContext() {
                @Override
                public Connection connection() {
                    return c;
                }

                @Override
                public boolean isCancelled() {
                    return false;
                }

                @Override
                public void progress(long done, long total, String message) {
                    status.progressed(message == null ? title : message, total > 0 ? (double) done / total : -1);
                }
            });
        } catch (CancellationException e) {
            status.finished(title + " cancelled");
            return TaskHandle.DONE;
        } catch (Exception e) {
            status.finished(title + " failed: " + Errors.oneLine(e));
            onFailure.accept(e);
            return TaskHandle.DONE;
        } finally {
            tracked.release();
        }
        status.finished(null);
        onSuccess.accept(result);
        return TaskHandle.DONE;
    }

    @Override
    public StatusModel status() {
        return status;
    }

    @Override
    public void close() {
    }
}
