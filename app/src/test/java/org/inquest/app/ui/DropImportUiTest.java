package org.inquest.app.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.TransferMode;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Dropping a CSV file onto the workbench window opens the import dialog on that file, with its preview; a file
 * dropped onto the dialog then replaces it. The drops go through the scene's own drag-and-drop dispatch
 * ({@link FileDrop}).
 */
@ExtendWith(ApplicationExtension.class)
class DropImportUiTest {
    @RegisterExtension
    static final WorkbenchFixture fixture = new WorkbenchFixture(TestWorkspaces::small);
    Workbench workbench;

    @Start
    void start(Stage stage) {
        workbench = fixture.open(stage);
    }

    @Test
    void aCsvDroppedOnTheWindowOpensTheImportDialogOnIt(FxRobot robot) throws Exception {
        Path loans = csv("dropped_loans.csv", "request_id,score,label,region\n", 7);
        Path more = csv("more_loans.csv", "request_id,score,label,region\n", 3);
        WaitForAsyncUtils.waitFor(WorkbenchFixture.WAIT, TimeUnit.SECONDS,
                () -> workbench.viewModel().runnerProperty().get() != null);
        TransferMode accepted = WaitForAsyncUtils.asyncFx(() -> FileDrop.drop(workbench.tabs(), List.of(loans.toFile())))
                .get(WorkbenchFixture.WAIT, TimeUnit.SECONDS);
        assertEquals(TransferMode.COPY, accepted);

        Stage dialog = importDialog();
        Parent root = dialog.getScene().getRoot();
        @SuppressWarnings("unchecked")
        TableView<List<Object>> preview = robot.from(root).lookup("#import-preview").queryAs(TableView.class);
        WaitForAsyncUtils.waitFor(WorkbenchFixture.WAIT, TimeUnit.SECONDS, () -> preview.getItems().size() == 7);
        assertEquals(List.of("request_id", "score", "label", "region"),
                preview.getColumns().stream().map(c -> c.getText()).toList());
        assertEquals("dropped_loans", robot.from(root).lookup("#import-table").queryAs(TextField.class).getText());
        assertTrue(robot.from(root).lookup("#import-files").queryAs(Label.class).getText()
                .endsWith("dropped_loans.csv"));

        // a file dropped onto the open dialog replaces the chosen one
        TransferMode again = WaitForAsyncUtils.asyncFx(() -> FileDrop.drop(preview, List.of(more.toFile())))
                .get(WorkbenchFixture.WAIT, TimeUnit.SECONDS);
        assertEquals(TransferMode.COPY, again);
        WaitForAsyncUtils.waitFor(WorkbenchFixture.WAIT, TimeUnit.SECONDS, () -> preview.getItems().size() == 3);
        assertTrue(robot.from(root).lookup("#import-files").queryAs(Label.class).getText().endsWith("more_loans.csv"));

        // importing it (into the table named after the first file dropped) adds a table that sorts before the slices'
        // table: both slices keep their table and filter
        WorkbenchFixture.applySlices(robot, workbench, "preds", "model_version = 'v1'", "model_version = 'v2'");
        robot.clickOn(robot.from(root).lookup("#import-start").queryButton());
        Label progress = robot.from(root).lookup("#import-progress").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(WorkbenchFixture.WAIT, TimeUnit.SECONDS, () -> progress.getText().startsWith("Imported"));
        try {
            WaitForAsyncUtils.waitFor(WorkbenchFixture.WAIT, TimeUnit.SECONDS,
                    () -> workbench.slices().tables().contains("dropped_loans"));
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("tables " + workbench.slices().tables() + ", problem "
                    + workbench.slices().problemProperty().get() + ", progress " + progress.getText(), e);
        }
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of("dropped_loans", "preds"), List.copyOf(workbench.slices().tables()));
        assertEquals("preds", workbench.slices().reference().tableProperty().get());
        assertEquals("preds", workbench.slices().current().tableProperty().get());
        assertEquals("model_version = 'v2'", workbench.slices().appliedProperty().get().currentWhere());
        assertEquals("", workbench.slices().problemProperty().get());
        robot.interact(dialog::close);
    }

    /** A CSV of {@code rows} rows under {@code header}. */
    private static Path csv(String name, String header, int rows) throws Exception {
        StringBuilder text = new StringBuilder(header);
        for (int i = 1; i <= rows; i++) {
            text.append(i).append(',').append(i / 10.0).append(',').append(i % 2).append(',').append("EU\n");
        }
        Path file = fixture.dir().resolve(name);
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }

    /** The import dialog the drop opened, once it shows. */
    private Stage importDialog() throws Exception {
        Stage[] found = new Stage[1];
        WaitForAsyncUtils.waitFor(WorkbenchFixture.WAIT, TimeUnit.SECONDS, () -> {
            found[0] = WaitForAsyncUtils.asyncFx(() -> Window.getWindows().stream()
                    .filter(w -> w instanceof Stage s && "Import data".equals(s.getTitle()) && s.isShowing()
                            && s.getOwner() == workbench.scene().getWindow())
                    .map(w -> (Stage) w).findFirst().orElse(null)).get();
            return found[0] != null;
        });
        return found[0];
    }
}
