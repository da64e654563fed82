package org.inquest.app.ui.task;

/** A submitted piece of work. */
public interface TaskHandle {
    /** Cancels the work: running statements are cancelled and its result will not be delivered. */
    void cancel();

    boolean isDone();

    TaskHandle DONE = new TaskHandle() {
        @Override
        public void cancel() {
        }

        @Override
        public boolean isDone() {
            return true;
        }
    };
}
