package org.inquest.app.ui.traces;

import static org.inquest.app.ui.WorkbenchFixture.WAIT;
import static org.inquest.app.ui.WorkbenchFixture.click;
import static org.inquest.app.ui.WorkbenchFixture.field;
import static org.inquest.app.ui.WorkbenchFixture.lookup;
import static org.inquest.app.ui.WorkbenchFixture.row;
import static org.inquest.app.ui.WorkbenchFixture.type;
import static org.inquest.app.ui.traces.TraceWorkspaces.T2;
import static org.inquest.app.ui.traces.TraceWorkspaces.T3;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ListCell;
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
 * Predictions without a trace_id column ({@link TraceWorkspaces#byRequestId}), through the widgets: choose "span
 * attribute" and {@code request.id} as the link, search the mobile predictions' traces, open one's waterfall, and
 * go back to its prediction in the request view (which follows the link the search saved).
 */
@ExtendWith(ApplicationExtension.class)
class AttributeLinkUiTest {
    @RegisterExtension
    static final WorkbenchFixture fixture = new WorkbenchFixture(TraceWorkspaces::byRequestId);
    Workbench workbench;

    @Start
    void start(Stage stage) {
        workbench = fixture.open(stage);
    }

    @Test
    void chooseAttributeLinkSearchOpenWaterfallBackToPrediction(FxRobot robot) throws Exception {
        robot.interact(() -> workbench.openTab("tab-traces"));
        TableView<TraceSearch.TraceSummary> results = lookup(robot, "#traces-results");
        WaitForAsyncUtils.waitFor(WAIT, TimeUnit.SECONDS, () -> results.getItems().size() == 4);
        ComboBox<TracesViewModel.LinkBy> linkBy = lookup(robot, "#traces-link-by");
        WaitForAsyncUtils.waitFor(WAIT, TimeUnit.SECONDS, () -> linkBy.getValue() == TracesViewModel.LinkBy.TRACE_ID
                && "preds".equals(workbench.traces().predictionTableProperty().get()));

        // choose the link through the widgets: "span attribute" (once its list shows), then the key
        robot.clickOn(linkBy);
        click(robot, listItem(robot, "span attribute"));
        WaitForAsyncUtils.waitFor(WAIT, TimeUnit.SECONDS, () -> linkBy.getValue() == TracesViewModel.LinkBy.ATTRIBUTE);
        javafx.scene.control.TextField attribute = lookup(robot, "#traces-link-attribute");
        WaitForAsyncUtils.waitFor(WAIT, TimeUnit.SECONDS, attribute::isVisible);
        javafx.scene.control.Button search = lookup(robot, "#traces-search");
        type(robot, attribute, "request.id", search);
        type(robot, lookup(robot, "#traces-prediction-filter"), "channel = 'mobile'", search);
        robot.clickOn(search);
        WaitForAsyncUtils.waitFor(WAIT, TimeUnit.SECONDS, () -> results.getItems().size() == 2);
        assertEquals(List.of(T2, T3), results.getItems().stream().map(TraceSearch.TraceSummary::traceId).toList());
        // the explorer's lineage of the predictions table shows the link the search saved, without a refresh
        robot.interact(() -> workbench.explorer().selectedProperty().set(workbench.explorer().tables().stream()
                .filter(t -> t.name().equals("preds")).findFirst().orElseThrow()));
        javafx.scene.control.Label lineage = lookup(robot, "#explorer-lineage");
        WaitForAsyncUtils.waitFor(WAIT, TimeUnit.SECONDS, () -> lineage.getText().contains("request.id"));

        click(robot, row(robot, results, results.getItems(), ".table-row-cell", 0));
        ListView<WaterfallModel.Row> waterfall = lookup(robot, "#trace-waterfall");
        WaitForAsyncUtils.waitFor(WAIT, TimeUnit.SECONDS, () -> waterfall.getItems().size() == 2
                && T2.equals(workbench.traces().waterfallProperty().get().traceId()));

        robot.clickOn((javafx.scene.Node) lookup(robot, "#traces-open-prediction"));
        TableView<List<Object>> fields = lookup(robot, "#request-fields");
        WaitForAsyncUtils.waitFor(WAIT, TimeUnit.SECONDS, () -> !fields.getItems().isEmpty());
        assertEquals("tab-request", workbench.tabs().getSelectionModel().getSelectedItem().getId());
        assertEquals("req-2", field(fields, "id").get(2));
        assertEquals(T2, field(fields, "trace_id").get(2));
        ListView<WaterfallModel.Row> requestWaterfall = lookup(robot, "#request-waterfall");
        // the FX thread fills the fields, then the waterfall: this (test) thread can look in between
        WaitForAsyncUtils.waitFor(WAIT, TimeUnit.SECONDS, () -> requestWaterfall.getItems().size() == 2);

        robot.clickOn((javafx.scene.Node) lookup(robot, "#request-show-trace"));
        WaitForAsyncUtils.waitFor(WAIT, TimeUnit.SECONDS,
                () -> "tab-traces".equals(workbench.tabs().getSelectionModel().getSelectedItem().getId()));
    }

    /** The item reading {@code text} of the combo box list that is open, once the list shows. */
    private static javafx.scene.Node listItem(FxRobot robot, String text) throws Exception {
        java.util.function.Supplier<java.util.Optional<ListCell>> find = () -> robot.lookup(".list-cell")
                .queryAllAs(ListCell.class).stream().filter(c -> text.equals(c.getText()) && c.isVisible()
                        && c.getScene() != null && c.getScene().getWindow() instanceof javafx.stage.PopupWindow)
                .findFirst();
        WaitForAsyncUtils.waitFor(WAIT, TimeUnit.SECONDS, () -> find.get().isPresent());
        return find.get().orElseThrow();
    }
}
