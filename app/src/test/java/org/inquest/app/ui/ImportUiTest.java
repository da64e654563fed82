package org.inquest.app.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.inquest.connectors.workspace.Workspace;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Importing through the dialog: preview, roles, summary with the quarantine count; and cancelling an import. */
@ExtendWith(ApplicationExtension.class)
class ImportUiTest {
    @TempDir
    static Path dir;
    static Path small;
    static Path big;
    Workbench workbench;

    @BeforeAll
    static void files() throws Exception {
        System.setProperty("inquest.data.dir", dir.resolve("data").toString());
        StringBuilder csv = new StringBuilder("request_id,score,label,region\n");
        for (int i = 1; i <= 50; i++) {
            // Row 17's score lies outside [0,1]: the importer quarantines it.
            csv.append(i).append(',').append(i == 17 ? "1.7" : String.valueOf(i / 100.0)).append(',')
                    .append(i % 2).append(',').append(i % 3 == 0 ? "EU" : "US").append('\n');
        }
        small = dir.resolve("small.csv");
        Files.writeString(small, csv, StandardCharsets.UTF_8);
        big = dir.resolve("big.csv");
        try (var w = Files.newBufferedWriter(big, StandardCharsets.UTF_8)) {
            w.write("request_id,score,label,region,notes\n");
            for (int i = 0; i < 1_500_000; i++) {
                w.write(i + "," + (i % 1000) / 1000.0 + "," + (i % 2) + ",EU,row number " + i + " with some text\n");
            }
        }
        try (Workspace ws = Workspace.open(dir.resolve("empty.duckdb"))) {
            ws.file();
        }
    }

    @AfterAll
    static void clear() {
        System.clearProperty("inquest.data.dir");
    }

    @Start
    void start(Stage stage) {
        workbench = new Workbench(stage);
        workbench.start(dir.resolve("empty.duckdb"));
    }

    @Test
    void importsWithQuarantineAndCancelsAnother(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> workbench.viewModel().runnerProperty().get() != null);
        Stage smallDialog = WaitForAsyncUtils.asyncFx(() -> workbench.openImport(List.of(small)))
                .get(60, TimeUnit.SECONDS);
        Parent dialog = smallDialog.getScene().getRoot();
        @SuppressWarnings("unchecked")
        TableView<List<Object>> preview = robot.from(dialog).lookup("#import-preview").queryAs(TableView.class);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> preview.getItems().size() == 20);
        assertEquals("small", robot.from(dialog).lookup("#import-table").queryAs(TextField.class).getText());
        @SuppressWarnings("unchecked")
        TableView<org.inquest.app.ui.importing.ImportViewModel.RoleRow> roles =
                robot.from(dialog).lookup("#import-roles").queryAs(TableView.class);
        assertEquals("score", roles.getItems().get(1).roleProperty().get());
        assertEquals("label", roles.getItems().get(2).roleProperty().get());
        robot.clickOn(robot.from(dialog).lookup("#import-start").queryButton());
        Label progress = robot.from(dialog).lookup("#import-progress").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> progress.getText().startsWith("Imported"));
        assertEquals("Imported 49 rows into small (predictions) from 1 file; 1 row quarantined.",
                progress.getText());
        Button quarantine = robot.from(dialog).lookup("#import-quarantine").queryButton();
        assertTrue(quarantine.isVisible());
        assertEquals("Open quarantine (1 row)…", quarantine.getText());
        // the summary has a row of its own: every button still shows its whole text (they were squeezed to "…")
        WaitForAsyncUtils.waitForFxEvents();
        List<Button> buttons = robot.from(dialog).lookup((Node n) -> n instanceof Button b && b.isVisible())
                .queryAllAs(Button.class).stream().toList();
        assertEquals(5, buttons.size(), buttons.toString()); // Choose files, Open quarantine, Import, Cancel, Close
        for (Button b : buttons) {
            assertEquals(b.getText(), shownText(b), "cut: " + b);
        }
        assertEquals(progress.getText(), shownText(progress));
        ListView<?> tables = robot.lookup("#explorer-tables").queryAs(ListView.class);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> tables.getItems().size() == 1);
        robot.interact(smallDialog::close);

        Stage bigDialog = WaitForAsyncUtils.asyncFx(() -> workbench.openImport(List.of(big)))
                .get(60, TimeUnit.SECONDS);
        Parent second = bigDialog.getScene().getRoot();
        TextField bigTable = robot.from(second).lookup("#import-table").queryAs(TextField.class);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> "big".equals(bigTable.getText()));
        Button start = robot.from(second).lookup("#import-start").queryButton();
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !start.isDisabled());
        robot.clickOn(start);
        Button cancel = robot.from(second).lookup("#import-cancel").queryButton();
        // the click on Import is handled on the FX thread: Cancel is enabled once the import runs
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !cancel.isDisabled());
        robot.clickOn(cancel);
        Label bigProgress = robot.from(second).lookup("#import-progress").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> bigProgress.getText().startsWith("Cancelled"));
        try (var c = workbench.viewModel().workspaceProperty().get().newConnection()) {
            assertFalse(new org.inquest.connectors.catalog.Catalog(c).exists("big"), "a cancelled import leaves no table");
            assertTrue(new org.inquest.connectors.catalog.Catalog(c).exists("small"));
        }
        robot.interact(bigDialog::close);
    }

    /** The text the skin draws: the label's own, or the label cut with an ellipsis when it has too little room. */
    private static String shownText(javafx.scene.control.Labeled l) {
        return l.lookupAll(".text").stream().filter(n -> n instanceof javafx.scene.text.Text)
                .map(n -> ((javafx.scene.text.Text) n).getText()).findFirst().orElseThrow();
    }
}
