package org.inquest.app.ui.traces;

import static org.inquest.app.ui.traces.TraceWorkspaces.T2;
import static org.inquest.app.ui.traces.TraceWorkspaces.T3;
import static org.inquest.app.ui.traces.TraceWorkspaces.T4;
import static org.inquest.app.ui.WorkbenchFixture.WAIT;
import static org.inquest.app.ui.WorkbenchFixture.click;
import static org.inquest.app.ui.WorkbenchFixture.field;
import static org.inquest.app.ui.WorkbenchFixture.lookup;
import static org.inquest.app.ui.WorkbenchFixture.row;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.inquest.analysis.traces.TraceSearch;
import org.inquest.app.ui.Workbench;
import org.inquest.app.ui.WorkbenchFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Search → waterfall → back to the prediction, through the widgets, on {@link TraceWorkspaces}: linked-prediction
 * filter typed in the form, a trace picked from the results, a span's attributes in the detail panel, "Open
 * prediction" to the request view with the row's flags, and a SQL result row opening its request.
 */
@ExtendWith(ApplicationExtension.class)
class TraceToPredictionUiTest {
    @RegisterExtension
    static final WorkbenchFixture fixture = new WorkbenchFixture(TraceWorkspaces::linked);
    Workbench workbench;

    @Start
    void start(Stage stage) {
        workbench = fixture.open(stage);
    }

    @Test
    void searchThenWaterfallThenBackToThePrediction(FxRobot robot) throws Exception {
        robot.interact(() -> workbench.openTab("tab-traces"));
        TableView<TraceSearch.TraceSummary> results = lookup(robot, "#traces-results");
        WaitForAsyncUtils.waitFor(WAIT, TimeUnit.SECONDS, () -> results.getItems().size() == 4);

        robot.clickOn("#traces-prediction-filter").write("channel = 'mobile'");
        robot.clickOn("#traces-search");
        WaitForAsyncUtils.waitFor(WAIT, TimeUnit.SECONDS, () -> results.getItems().size() == 2);
        assertEquals(List.of(T2, T3), results.getItems().stream().map(TraceSearch.TraceSummary::traceId).toList());

        click(robot, row(robot, results, results.getItems(), ".table-row-cell", 0));
        ListView<WaterfallModel.Row> waterfall = lookup(robot, "#trace-waterfall");
        WaitForAsyncUtils.waitFor(WAIT, TimeUnit.SECONDS, () -> waterfall.getItems().size() == 2);
        assertEquals("query", waterfall.getItems().get(1).span().name());
        // T2's db query (220 ms of 250) is on the critical path
        assertTrue(waterfall.getItems().get(1).span().critical());

        click(robot, row(robot, waterfall, waterfall.getItems(), ".list-cell", 1));
        TableView<List<Object>> detail = robot.from(robot.lookup("#traces-view").queryAs(javafx.scene.Node.class)).lookup("#span-detail-table")
                .queryAs(TableView.class);
        WaitForAsyncUtils.waitFor(WAIT, TimeUnit.SECONDS, () -> detail.getItems().stream()
                .anyMatch(r -> "db.system".equals(r.get(1)) && "redis".equals(r.get(2))));

        robot.clickOn("#traces-open-prediction");
        TableView<List<Object>> fields = lookup(robot, "#request-fields");
        WaitForAsyncUtils.waitFor(WAIT, TimeUnit.SECONDS, () -> !fields.getItems().isEmpty());
        assertEquals("tab-request", workbench.tabs().getSelectionModel().getSelectedItem().getId());
        assertEquals(2L, field(fields, "id").get(2));
        assertEquals("wrong", field(fields, "outcome").get(2));
        ListView<WaterfallModel.Row> requestWaterfall = lookup(robot, "#request-waterfall");
        // the FX thread fills the fields, then the waterfall: this (test) thread can look in between
        WaitForAsyncUtils.waitFor(WAIT, TimeUnit.SECONDS, () -> requestWaterfall.getItems().size() == 2);

        robot.clickOn("#request-show-trace");
        WaitForAsyncUtils.waitFor(WAIT, TimeUnit.SECONDS,
                () -> "tab-traces".equals(workbench.tabs().getSelectionModel().getSelectedItem().getId()));
    }

    @Test
    void aSqlResultRowOpensItsRequest(FxRobot robot) throws Exception {
        robot.interact(() -> workbench.openTab("tab-sql"));
        robot.clickOn("#sql-editor").write("SELECT id, trace_id, amount FROM preds WHERE id = 4");
        robot.clickOn("#sql-run");
        TableView<List<Object>> rows = lookup(robot, "#sql-results");
        WaitForAsyncUtils.waitFor(WAIT, TimeUnit.SECONDS, () -> rows.getItems().size() == 1);
        // select the row and press Enter (the keyboard twin of the double-click, which a loaded machine can split)
        click(robot, row(robot, rows, rows.getItems(), ".table-row-cell", 0));
        robot.type(javafx.scene.input.KeyCode.ENTER);
        TableView<List<Object>> fields = lookup(robot, "#request-fields");
        WaitForAsyncUtils.waitFor(WAIT, TimeUnit.SECONDS, () -> !fields.getItems().isEmpty()
                && T4.equals(field(fields, "trace_id").get(2)));
        assertEquals(4L, field(fields, "id").get(2));
    }
}
