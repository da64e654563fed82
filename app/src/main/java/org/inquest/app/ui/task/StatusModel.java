package org.inquest.app.ui.task;

import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * What the status bar shows: the task running most recently, its progress (-1 = indeterminate), how many tasks are
 * running, and the last message (a finished task's outcome or an error). Updated on the UI thread only.
 */
public final class StatusModel {
    private final StringProperty runningTitle = new SimpleStringProperty("");
    private final DoubleProperty progress = new SimpleDoubleProperty(0);
    private final IntegerProperty running = new SimpleIntegerProperty(0);
    private final StringProperty message = new SimpleStringProperty("Ready");

    public ReadOnlyStringProperty runningTitleProperty() {
        return runningTitle;
    }

    public ReadOnlyDoubleProperty progressProperty() {
        return progress;
    }

    public ReadOnlyIntegerProperty runningProperty() {
        return running;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message;
    }

    void started(String title) {
        running.set(running.get() + 1);
        runningTitle.set(title);
        progress.set(-1);
    }

    void progressed(String title, double fraction) {
        runningTitle.set(title);
        progress.set(fraction);
    }

    void finished(String outcome) {
        running.set(Math.max(0, running.get() - 1));
        if (running.get() == 0) {
            runningTitle.set("");
            progress.set(0);
        }
        if (outcome != null) {
            message.set(outcome);
        }
    }

    /**
     * Work that runs outside the task runner (opening a workspace, generating the demo on first run) shows in the
     * status bar as a running task with indeterminate progress until {@link #end()}.
     */
    public void begin(String title) {
        started(title);
    }

    /** Ends what {@link #begin(String)} started; the message line keeps what was said last. */
    public void end() {
        finished(null);
    }

    /** A message from outside a task (e.g. "Copied 0.8123"). */
    public void say(String text) {
        message.set(text);
    }
}
