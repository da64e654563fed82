package org.inquest.app.ui;

import javafx.animation.PauseTransition;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.util.Duration;
import org.inquest.app.ui.task.StatusModel;

/** Bottom line: the last message on the left; the running task and its progress on the right. */
final class StatusBarView extends HBox {
    /**
     * The progress bar appears once work has run this long. A filter change takes 0.1–0.3 s: its bar would only
     * flash, and the indeterminate bar's animation, drawn in software at 60 frames a second, cost the change about
     * a tenth of its CPU (docs/PERFORMANCE.md, workbench, session 6). The task's title shows at once either way.
     */
    static final Duration SHOW_PROGRESS_AFTER = Duration.millis(400);

    StatusBarView(StatusModel status) {
        setId("status-bar");
        getStyleClass().add("status-bar");
        setSpacing(10);
        setAlignment(Pos.CENTER_LEFT);
        Label message = new Label();
        message.setId("status-message");
        message.textProperty().bind(status.messageProperty());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Label running = new Label();
        running.setId("status-running");
        running.textProperty().bind(status.runningTitleProperty());
        // Out of the bar while no task runs: empty and zero wide, the label drew its text node below the bar, so the
        // bar's bounds (and the window root's) changed at every task's start and end and the whole window was
        // redrawn twice per filter change.
        running.visibleProperty().bind(status.runningTitleProperty().isNotEmpty());
        running.managedProperty().bind(running.visibleProperty());
        ProgressBar progress = new ProgressBar();
        progress.setId("status-progress");
        progress.setPrefWidth(140);
        progress.progressProperty().bind(status.progressProperty());
        progress.setVisible(false);
        PauseTransition delay = new PauseTransition(SHOW_PROGRESS_AFTER);
        delay.setOnFinished(e -> progress.setVisible(status.runningProperty().get() > 0));
        status.runningProperty().addListener((o, was, now) -> {
            if (now.intValue() == 0) {
                delay.stop();
                progress.setVisible(false);
            } else if (was.intValue() == 0) {
                delay.playFromStart();
            }
        });
        getChildren().addAll(message, spacer, running, progress);
    }
}
