package org.inquest.app.ui;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.inquest.app.ui.task.StatusModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The status bar's progress bar: shown for work that lasts, never flashed for a short task. */
@ExtendWith(ApplicationExtension.class)
class StatusBarViewUiTest {
    StatusModel status;

    @Start
    void start(Stage stage) {
        status = new StatusModel();
        stage.setScene(new Scene(new StatusBarView(status), 800, 40));
        stage.show();
    }

    @Test
    void workThatLastsShowsTheBarAfterTheDelayAndHidesItWhenDone(FxRobot robot) throws Exception {
        Node bar = robot.lookup("#status-progress").query();
        robot.interact(() -> status.begin("Importing"));
        assertFalse(bar.isVisible(), "not at once");
        waitBeyondTheDelay();
        assertTrue(bar.isVisible(), "once the work has lasted");
        robot.interact(status::end);
        assertFalse(bar.isVisible(), "hidden when done");
    }

    @Test
    void aShortTaskNeverShowsTheBar(FxRobot robot) throws Exception {
        Node bar = robot.lookup("#status-progress").query();
        robot.interact(() -> {
            status.begin("Model quality");
            status.end();
        });
        waitBeyondTheDelay();
        assertFalse(bar.isVisible());
    }

    private static void waitBeyondTheDelay() throws Exception {
        Thread.sleep((long) StatusBarView.SHOW_PROGRESS_AFTER.toMillis() + 400);
        WaitForAsyncUtils.waitForFxEvents();
    }
}
