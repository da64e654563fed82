package org.inquest.app.ui.task;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.inquest.connectors.workspace.Workspace;

/**
 * The one runner view-model tests inject: work runs on the test's thread (through {@link DirectTaskRunner}, so the
 * connection is wrapped and the status model updated as in the workbench), and every submission is recorded with
 * its title and whether it was cancelled. After {@link #hold()} submissions wait until the test completes them, in
 * any order: a held submission completed after it was cancelled still delivers its result, as a slow query that
 * finishes after a newer request would, so a test sees whether the view model itself drops the stale result.
 */
public final class SyncRunner implements TaskRunner {
    private final DirectTaskRunner direct;
    private final List<Submission> submissions = new ArrayList<>();
    private boolean holding;

    public SyncRunner(Supplier<Connection> connection) {
        direct = new DirectTaskRunner(connection);
    }

    /** Runs work on the workspace's own connection. */
    public static SyncRunner on(Workspace ws) {
        return new SyncRunner(ws::connection);
    }

    /** For work that needs no database. */
    public static SyncRunner withoutDatabase() {
        return new SyncRunner(() -> null);
    }

    /** From now on, submissions wait for {@link Submission#complete()}. */
    public SyncRunner hold() {
        holding = true;
        return this;
    }

    /** From now on, submissions run at once again (those already held still wait). */
    public SyncRunner release() {
        holding = false;
        return this;
    }

    /** One submitted piece of work. */
    public final class Submission {
        private final String title;
        private final Runnable run;
        private boolean cancelled;
        private boolean completed;

        private <T> Submission(String title, Work<T> work, Consumer<? super T> onSuccess,
                Consumer<? super Throwable> onFailure) {
            this.title = title;
            this.run = () -> direct.submit(title, work, onSuccess, onFailure);
        }

        public String title() {
            return title;
        }

        public boolean cancelled() {
            return cancelled;
        }

        public boolean completed() {
            return completed;
        }

        /** Runs the work now and delivers its result (or failure), even when it was cancelled meanwhile. */
        public void complete() {
            if (completed) {
                throw new IllegalStateException(title + " already completed");
            }
            completed = true;
            run.run();
        }
    }

    @Override
    public <T> TaskHandle submit(String title, Work<T> work, Consumer<? super T> onSuccess,
            Consumer<? super Throwable> onFailure) {
        Submission s = new Submission(title, work, onSuccess, onFailure);
        submissions.add(s);
        if (!holding) {
            s.complete();
        }
        return new TaskHandle() {
            @Override
            public void cancel() {
                s.cancelled = true;
            }

            @Override
            public boolean isDone() {
                return s.completed;
            }
        };
    }

    /** Every submission so far, oldest first. */
    public List<Submission> submissions() {
        return submissions;
    }

    /** The held submissions not completed yet, oldest first. */
    public List<Submission> pending() {
        return submissions.stream().filter(s -> !s.completed).toList();
    }

    /** How many submissions had a title starting with {@code prefix}. */
    public long count(String prefix) {
        return submissions.stream().filter(s -> s.title.startsWith(prefix)).count();
    }

    @Override
    public StatusModel status() {
        return direct.status();
    }

    @Override
    public void close() {
    }
}
