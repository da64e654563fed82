package org.inquest.app.ui.traces;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.inquest.analysis.traces.TraceSearch;
import org.inquest.app.ui.Workbench;
import org.inquest.app.ui.WorkbenchFixture;
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

/** The Traces tab under Monocle: search lists the traces slowest first, selecting one draws its waterfall. */
@ExtendWith(ApplicationExtension.class)
class TracesUiTest {
    @RegisterExtension
    static final WorkbenchFixture fixture = new WorkbenchFixture(TracesUiTest::spansWorkspace);
    Workbench workbench;

    @Start
    void start(Stage stage) {
        workbench = fixture.open(stage);
    }

    /** The Jaeger sample and the structurally broken traces, imported into one spans table. */
    static Workspace spansWorkspace(Path dir) throws Exception {
        Workspace ws = Workspace.open(dir.resolve("traces.duckdb"));
        List<Path> files = List.of(Path.of(TracesUiTest.class.getResource("/traces/jaeger_data.json").toURI()),
                Path.of(TracesUiTest.class.getResource("/traces/broken_structure.json").toURI()));
        new Importer(ws).run(new ImportRequest("spans", ImportKind.TRACES, List.of(), files),
                ImportListener.NONE, new CancelHandle());
        return ws;
    }

    @Test
    void searchThenWaterfallWithCriticalPath(FxRobot robot) throws Exception {
        robot.interact(() -> workbench.openTab("tab-traces"));
        @SuppressWarnings("unchecked")
        TableView<TraceSearch.TraceSummary> results = robot.lookup("#traces-results").queryAs(TableView.class);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> results.getItems().size() == 3);
        // slowest first: the Jaeger trace lasts 140 ms, the two broken ones 155 ns and 15 ns
        assertEquals("a1b2c3d4e5f60718", results.getItems().get(0).traceId());
        // operations: checkout/HTTP GET /checkout, payments/db.query, payments/send.email and 8 names of svc
        assertEquals(11, robot.lookup("#traces-stages").queryAs(TableView.class).getItems().size());
        robot.interact(() -> results.getSelectionModel().select(0));
        @SuppressWarnings("unchecked")
        ListView<WaterfallModel.Row> waterfall = robot.lookup("#trace-waterfall").queryAs(ListView.class);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> waterfall.getItems().size() == 3);
        assertTrue(waterfall.getItems().get(0).span().critical());
        assertEquals("send.email", waterfall.getItems().get(2).span().name());

        robot.interact(() -> {
            workbench.traces().filterProperty().set("service = 'payments' AND status = 2");
            workbench.traces().search();
        });
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> results.getItems().size() == 1);
        robot.interact(() -> {
            workbench.traces().filterProperty().set("nosuch = 1");
            workbench.traces().search();
        });
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS,
                () -> robot.lookup("#traces-message").queryLabeled().getText().contains("nosuch"));
    }

    /** The label of a completion offered under a filter field, once it shows. */
    private static Label offered(FxRobot robot, String text) throws Exception {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> robot.lookup((Node n) -> n instanceof Label l
                && l.getText().startsWith(text + "   ") && l.getScene() != null
                && l.getScene().getWindow().isShowing()).tryQuery().isPresent());
        return robot.lookup((Node n) -> n instanceof Label l && l.getText().startsWith(text + "   ")
                && l.getScene().getWindow().isShowing()).queryAs(Label.class);
    }

    @Test
    void typingAnAttributeKeyInTheSpanFilterCompletesKeyThenValue(FxRobot robot) throws Exception {
        robot.interact(() -> workbench.openTab("tab-traces"));
        @SuppressWarnings("unchecked")
        TableView<TraceSearch.TraceSummary> results = robot.lookup("#traces-results").queryAs(TableView.class);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> results.getItems().size() == 3);
        TextField filter = robot.lookup("#traces-filter").queryAs(TextField.class);
        robot.clickOn(filter).write("attributes['");
        // the keys are read from the spans in the background; the list comes when they arrive
        Label key = offered(robot, "http.status_code");
        assertEquals("http.status_code   key of attributes", key.getText());
        robot.clickOn(key);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("attributes['http.status_code']", filter.getText());
        assertEquals(filter.getText().length(), filter.getCaretPosition());
        // the list's window has closed and the field has the keyboard again before typing on (a loaded machine can
        // deliver the next keys to the closing pop-up otherwise)
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !key.getScene().getWindow().isShowing());
        robot.interact(filter::requestFocus);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, filter::isFocused);
        robot.write(" = 2");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS,
                () -> "attributes['http.status_code'] = 2".equals(filter.getText()));
        robot.clickOn(offered(robot, "200"));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("attributes['http.status_code'] = 200", filter.getText());
        robot.interact(() -> workbench.traces().search());
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> results.getItems().size() == 1);
        assertEquals("a1b2c3d4e5f60718", results.getItems().get(0).traceId());
    }
}
