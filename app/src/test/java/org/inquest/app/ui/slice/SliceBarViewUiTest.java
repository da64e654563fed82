package org.inquest.app.ui.slice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ListCell;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.inquest.app.ui.TestWorkspaces;
import org.inquest.app.ui.task.DirectTaskRunner;
import org.inquest.connectors.catalog.ColumnInfo;
import org.inquest.connectors.catalog.ColumnRole;
import org.inquest.connectors.workspace.Workspace;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The slice bar's widgets on a 2,000-row incident workspace (presets from its days and versions). */
@ExtendWith(ApplicationExtension.class)
class SliceBarViewUiTest {
    Workspace ws;
    SliceBarViewModel vm;

    @Start
    void start(Stage stage) throws Exception {
        ws = TestWorkspaces.incident(Files.createTempDirectory("inquest-slicebar-"), 2_000);
        vm = new SliceBarViewModel(new LanguageFilterChecker());
        vm.attach(new DirectTaskRunner(ws::connection)); // runs on the FX thread: every step is done when it returns
        SliceBarView bar = new SliceBarView(vm);
        stage.setScene(new Scene(new javafx.scene.layout.VBox(bar.actions(), bar), 1366, 200));
        stage.show();
    }

    @AfterEach
    void close() {
        ws.close();
    }

    /** The table pickers show a whole table name longer than their former fixed width ("predictions_2…"). */
    @Test
    void theTablePickersShowWholeTableNames(FxRobot robot) throws Exception {
        String name = "predictions_2026_q3";
        TestWorkspaces.addTable(ws, name, "SELECT 1 AS id", new ColumnInfo("id", "BIGINT", ColumnRole.ID, null));
        robot.interact(() -> {
            vm.reload(false);
            vm.reference().tableProperty().set(name);
        });
        WaitForAsyncUtils.waitForFxEvents();
        ComboBox<?> table = robot.lookup("#ref-table").queryAs(ComboBox.class);
        // The button cell's text as drawn (a cut name ends in "…").
        String shown = table.lookupAll(".list-cell .text").stream()
                .filter(n -> n.getParent() instanceof ListCell<?> cell && name.equals(cell.getItem()))
                .map(n -> ((Text) n).getText()).findFirst().orElse("(no cell shows the table)");
        assertEquals(name, shown);
    }

    /** A preset used, then the slices edited: reading the tables and presets again (after an import) keeps them. */
    @Test
    void readingThePresetsAgainKeepsTheEditedSlices(FxRobot robot) throws Exception {
        @SuppressWarnings("unchecked")
        ComboBox<SlicePreset> presets = robot.lookup("#slice-presets").queryAs(ComboBox.class);
        robot.interact(() -> presets.getSelectionModel().select(2));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(vm.current().filterProperty().get().startsWith("model_version = 'v2' AND "),
                vm.current().filterProperty().get());
        robot.interact(() -> {
            vm.current().filterProperty().set("region = 'EU'");
            vm.apply();
        });
        robot.interact(() -> vm.reload(false));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("region = 'EU'", vm.current().filterProperty().get());
        assertEquals("region = 'EU'", vm.appliedProperty().get().currentWhere());
    }
}
