package org.inquest.app.ui;

import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import org.inquest.app.ui.task.StatusModel;

/** Bottom line: the last message on the left; the running task and its progress on the right. */
final class StatusBarView extends HBox {
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
        ProgressBar progress = new ProgressBar();
        progress.setId("status-progress");
        progress.setPrefWidth(140);
        progress.progressProperty().bind(status.progressProperty());
        progress.visibleProperty().bind(status.runningProperty().greaterThan(0));
        getChildren().addAll(message, spacer, running, progress);
    }
}
