package org.inquest.app.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.layout.Region;
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
        Scene scene = new Scene(new javafx.scene.layout.BorderPane(null, null, null, new StatusBarView(status), null),
                800, 60);
        Theme.apply(scene, false);
        stage.setScene(scene);
        stage.show();
    }

    @Test
    void workThatLastsShowsTheBarAfterTheDelayAndHidesItWhenDone(FxRobot robot) throws Exception {
        Node bar = robot.lookup("#status-progress").query();
        robot.interact(() -> status.begin("Importing"));
        assertFalse(bar.isVisible(), "not at once");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, bar::isVisible); // "once the work has lasted"
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

    /**
     * A task's start and end leave the bar's bounds alone. The title label, empty and zero wide after a task, drew
     * its text node below the bar, so the bar's bounds (and the window root's) changed with every task: the whole
     * window was redrawn at the start and at the end of each filter change.
     */
    @Test
    void theBarKeepsItsBoundsWhenATaskStartsAndEnds(FxRobot robot) {
        Region bar = robot.lookup("#status-bar").queryAs(Region.class);
        robot.interact(() -> status.say("Opened /tmp/incident.duckdb"));
        for (int i = 0; i < 2; i++) {
            robot.interact(() -> status.begin("Model quality of predictions"));
            assertEquals(bar.getHeight(), bar.getBoundsInParent().getHeight(), "running");
            robot.interact(status::end);
            assertEquals(bar.getHeight(), bar.getBoundsInParent().getHeight(), "done");
        }
    }

    /** Waits past the bar's delay: what must not happen has had its chance to. */
    private static void waitBeyondTheDelay() {
        WaitForAsyncUtils.sleep((long) StatusBarView.SHOW_PROGRESS_AFTER.toMillis() + 400, TimeUnit.MILLISECONDS);
        WaitForAsyncUtils.waitForFxEvents();
    }
}
