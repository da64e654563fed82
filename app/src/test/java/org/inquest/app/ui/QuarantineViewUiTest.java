package org.inquest.app.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Button;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.inquest.app.ui.explorer.ExplorerService;
import org.inquest.connectors.ingest.CancelHandle;
import org.inquest.connectors.ingest.ImportKind;
import org.inquest.connectors.ingest.ImportListener;
import org.inquest.connectors.ingest.ImportRequest;
import org.inquest.connectors.ingest.Importer;
import org.inquest.connectors.workspace.Workspace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The quarantine viewer, opened from the explorer, lists the set-aside row and closes with Escape or Close. */
@ExtendWith(ApplicationExtension.class)
class QuarantineViewUiTest {
    @RegisterExtension
    static final WorkbenchFixture fixture = new WorkbenchFixture(QuarantineViewUiTest::withQuarantine);
    Workbench workbench;

    /** Table {@code scored}: 5 rows imported from a CSV whose line 4 has a score of 1.7, quarantined. */
    static Workspace withQuarantine(Path dir) throws Exception {
        Path csv = dir.resolve("scored.csv");
        Files.writeString(csv, "request_id,score,label\n1,0.1,0\n2,0.2,1\n3,1.7,0\n4,0.4,1\n5,0.5,0\n6,0.6,1\n",
                StandardCharsets.UTF_8);
        Workspace ws = Workspace.open(dir.resolve("quarantine.duckdb"));
        new Importer(ws).run(new ImportRequest("scored", ImportKind.PREDICTIONS, List.of(), List.of(csv)),
                ImportListener.NONE, new CancelHandle());
        return ws;
    }

    @Start
    void start(Stage stage) {
        workbench = fixture.open(stage);
    }

    @Test
    void escapeOrCloseClosesTheQuarantineWindow(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(WorkbenchFixture.WAIT, TimeUnit.SECONDS, () -> !workbench.explorer().tables().isEmpty());
        robot.interact(() -> workbench.explorer().selectedProperty().set(workbench.explorer().tables().get(0)));
        Button open = WorkbenchFixture.lookup(robot, "#explorer-quarantine");
        WaitForAsyncUtils.waitFor(WorkbenchFixture.WAIT, TimeUnit.SECONDS, () -> !open.isDisabled());

        Stage window = openQuarantine(robot, open);
        @SuppressWarnings("unchecked")
        TableView<ExplorerService.QuarantineRow> rows = robot.from(window.getScene().getRoot())
                .lookup("#quarantine-table").queryAs(TableView.class);
        WaitForAsyncUtils.waitFor(WorkbenchFixture.WAIT, TimeUnit.SECONDS, () -> rows.getItems().size() == 1);
        assertEquals(4L, rows.getItems().get(0).line()); // the header is line 1
        assertEquals("score", rows.getItems().get(0).column());
        // Escape closes it, with the focus in its table
        robot.interact(() -> {
            window.requestFocus();
            rows.requestFocus();
        });
        robot.type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitFor(WorkbenchFixture.WAIT, TimeUnit.SECONDS, () -> !window.isShowing());

        Stage again = openQuarantine(robot, open);
        Button close = robot.from(again.getScene().getRoot()).lookup("#quarantine-close").queryButton();
        assertEquals("Close", close.getText());
        robot.clickOn(close);
        WaitForAsyncUtils.waitFor(WorkbenchFixture.WAIT, TimeUnit.SECONDS, () -> !again.isShowing());
        assertFalse(again.isShowing());
    }

    /** Clicks the explorer's quarantine button; the window it opens, once shown and focused. */
    private Stage openQuarantine(FxRobot robot, Button open) throws Exception {
        robot.clickOn(open);
        Stage[] found = new Stage[1];
        WaitForAsyncUtils.waitFor(WorkbenchFixture.WAIT, TimeUnit.SECONDS, () -> {
            found[0] = WaitForAsyncUtils.asyncFx(() -> javafx.stage.Window.getWindows().stream()
                    .filter(w -> w instanceof Stage s && s.isShowing() && "Quarantine — scored".equals(s.getTitle()))
                    .map(w -> (Stage) w).findFirst().orElse(null)).get();
            return found[0] != null;
        });
        WaitForAsyncUtils.waitForFxEvents();
        return found[0];
    }
}
