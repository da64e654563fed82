package org.inquest.app.ui.traces;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import javafx.application.Platform;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.scene.Scene;
import org.inquest.app.ui.task.StatusModel;

/**
 * Waits, from a thread other than the FX thread, for things the workbench signals: a property reaching a value, the
 * task runner having nothing left to run, a layout pulse having drawn the scene. Each wait is a latch counted down
 * by a listener, never a sleep (used by the screenshot and waterfall benchmark programs).
 */
public final class FxWait {
    private static final long TIMEOUT_SECONDS = 300;

    private FxWait() {
    }

    /** Runs {@code action} on the FX thread and returns when it has run. */
    public static void run(Runnable action) throws InterruptedException {
        CountDownLatch done = new CountDownLatch(1);
        RuntimeException[] failure = new RuntimeException[1];
        Platform.runLater(() -> {
            try {
                action.run();
            } catch (RuntimeException e) {
                failure[0] = e;
            }
            done.countDown();
        });
        await(done, "an FX action");
        if (failure[0] != null) {
            throw failure[0];
        }
    }

    /** Returns once {@code value} satisfies {@code condition} (at once when it already does). */
    public static <T> void until(ObservableValue<T> value, Predicate<? super T> condition, String what)
            throws InterruptedException {
        CountDownLatch reached = new CountDownLatch(1);
        Platform.runLater(() -> {
            if (condition.test(value.getValue())) {
                reached.countDown();
                return;
            }
            value.addListener(new ChangeListener<T>() {
                @Override
                public void changed(ObservableValue<? extends T> o, T old, T now) {
                    if (condition.test(now)) {
                        value.removeListener(this);
                        reached.countDown();
                    }
                }
            });
        });
        await(reached, what);
    }

    /**
     * Returns once no task of the runner is running (the status bar's count is zero) and the FX event that brought
     * it to zero — which goes on to deliver the task's result — has finished.
     */
    public static void idle(StatusModel status) throws InterruptedException {
        until(status.runningProperty(), n -> n.intValue() == 0, "the running tasks");
        run(() -> { });
    }

    /** Returns after the next layout pulse of {@code scene} (what was set before is laid out and drawn). */
    public static void pulse(Scene scene) throws InterruptedException {
        CountDownLatch pulsed = new CountDownLatch(1);
        Platform.runLater(() -> {
            Runnable[] listener = new Runnable[1];
            listener[0] = () -> {
                scene.removePostLayoutPulseListener(listener[0]);
                pulsed.countDown();
            };
            scene.addPostLayoutPulseListener(listener[0]);
            Platform.requestNextPulse();
        });
        await(pulsed, "a layout pulse");
    }

    private static void await(CountDownLatch latch, String what) throws InterruptedException {
        if (!latch.await(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            throw new IllegalStateException("timed out after " + TIMEOUT_SECONDS + " s waiting for " + what);
        }
    }
}
