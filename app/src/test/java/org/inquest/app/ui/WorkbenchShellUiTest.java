package org.inquest.app.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The shell under Monocle: a workspace opens, the explorer lists it, the SQL console runs a query off the FX thread. */
@ExtendWith(ApplicationExtension.class)
class WorkbenchShellUiTest {
    @RegisterExtension
    static final WorkbenchFixture fixture = new WorkbenchFixture(TestWorkspaces::small);
    Workbench workbench;

    @Start
    void start(Stage stage) {
        workbench = fixture.open(stage);
    }

    @Test
    void opensTheWorkspaceAndRunsSql(FxRobot robot) throws Exception {
        ListView<?> tables = robot.lookup("#explorer-tables").queryAs(ListView.class);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> tables.getItems().size() == 1);
        assertTrue(robot.lookup("#explorer-tables").queryAs(ListView.class).getItems().get(0).toString()
                .contains("preds"));
        robot.interact(() -> workbench.tabs().getSelectionModel().select(
                workbench.tabs().getTabs().stream().filter(t -> "tab-sql".equals(t.getId())).findFirst().orElseThrow()));
        TextArea editor = robot.lookup("#sql-editor").queryAs(TextArea.class);
        robot.interact(() -> editor.setText("SELECT count(*) AS n FROM preds WHERE model_version = 'v2'"));
        robot.clickOn("#sql-run");
        @SuppressWarnings("unchecked")
        TableView<List<Object>> results = robot.lookup("#sql-results").queryAs(TableView.class);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> results.getItems().size() == 1);
        assertEquals(4L, results.getItems().get(0).get(0));
        assertTrue(workbench.viewModel().recentList().contains(fixture.workspaceFile()));
    }

    /** At 1366×768 every tab's header is on the strip: none is pushed into the overflow menu. */
    @Test
    void everyTabFitsOnTheStripAt1366(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1366.0, workbench.scene().getWidth(), 0.5);
        javafx.scene.Node area = workbench.tabs().lookup(".tab-header-area");
        javafx.scene.Parent headers = (javafx.scene.Parent) area.lookup(".headers-region");
        javafx.scene.Node buttons = area.lookup(".control-buttons-tab");
        double right = area.localToScene(area.getBoundsInLocal()).getMaxX();
        if (buttons != null && buttons.isVisible()) {
            right = Math.min(right, buttons.localToScene(buttons.getBoundsInLocal()).getMinX());
        }
        int seen = 0;
        for (javafx.scene.Node header : headers.getChildrenUnmodifiable()) {
            double maxX = header.localToScene(header.getBoundsInLocal()).getMaxX();
            assertTrue(maxX <= right + 0.5, header.getId() + " ends at " + maxX + ", the strip at " + right);
            seen++;
        }
        assertEquals(workbench.tabs().getTabs().size(), seen);
    }
}
