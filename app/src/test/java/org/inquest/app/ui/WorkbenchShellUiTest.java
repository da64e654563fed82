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
        ListView<?> tables = WorkbenchFixture.lookup(robot, "#explorer-tables");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> tables.getItems().size() == 1);
        assertTrue(robot.lookup("#explorer-tables").queryAs(ListView.class).getItems().get(0).toString()
                .contains("preds"));
        robot.interact(() -> workbench.tabs().getSelectionModel().select(
                workbench.tabs().getTabs().stream().filter(t -> "tab-sql".equals(t.getId())).findFirst().orElseThrow()));
        TextArea editor = WorkbenchFixture.lookup(robot, "#sql-editor");
        robot.interact(() -> editor.setText("SELECT count(*) AS n FROM preds WHERE model_version = 'v2'"));
        robot.clickOn("#sql-run");
        @SuppressWarnings("unchecked")
        TableView<List<Object>> results = WorkbenchFixture.lookup(robot, "#sql-results");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> results.getItems().size() == 1);
        assertEquals(4L, results.getItems().get(0).get(0));
        assertTrue(workbench.viewModel().recentList().contains(fixture.workspaceFile()));
    }

    /** Copying a card's number (right-click "Copy") leaves the overview open; a left click on the card opens its tab. */
    @Test
    void copyingACardValueStaysOnTheOverviewAndAClickOpensTheTab(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(WorkbenchFixture.WAIT, TimeUnit.SECONDS, () -> !workbench.slices().tables().isEmpty());
        WorkbenchFixture.applySlices(robot, workbench, "preds", "model_version = 'v1'", "model_version = 'v2'");
        WaitForAsyncUtils.waitFor(WorkbenchFixture.WAIT, TimeUnit.SECONDS,
                () -> robot.lookup("#card-value-rows").tryQuery().map(n -> ((javafx.scene.control.Label) n).getText())
                        .filter("4"::equals).isPresent());
        robot.rightClickOn("#card-value-rows"); // asks for the "Copy" menu
        robot.type(javafx.scene.input.KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("tab-overview", workbench.tabs().getSelectionModel().getSelectedItem().getId());
        robot.doubleClickOn("#card-value-rows"); // copies the value
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("tab-overview", workbench.tabs().getSelectionModel().getSelectedItem().getId());
        String[] copied = new String[1];
        robot.interact(() -> copied[0] = javafx.scene.input.Clipboard.getSystemClipboard().getString());
        assertEquals("4", copied[0]);
        robot.clickOn(robot.from(robot.lookup("#card-rows").queryAs(javafx.scene.Node.class)).lookup(".card-title")
                .queryAs(javafx.scene.Node.class));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("tab-quality", workbench.tabs().getSelectionModel().getSelectedItem().getId());
    }

    /** An invalid filter is underlined under the faulty characters as drawn (the field's text is monospace). */
    @Test
    void theFaultIsUnderlinedUnderItsCharacters(FxRobot robot) throws Exception {
        String text = "model_version = 'v1' AND nosuch > 3"; // the fault, nosuch, is characters 25-30
        WaitForAsyncUtils.waitFor(WorkbenchFixture.WAIT, TimeUnit.SECONDS, () -> !workbench.slices().tables().isEmpty());
        robot.interact(() -> workbench.slices().current().set("preds", text));
        WaitForAsyncUtils.waitForFxEvents();
        javafx.scene.control.TextField field = WorkbenchFixture.lookup(robot, "#cur-filter");
        javafx.scene.shape.Line fault = WorkbenchFixture.lookup(robot, "#cur-filter-fault");
        assertTrue(fault.isVisible());
        // where the skin draws the text, and the width of one of its (monospace) characters
        javafx.scene.text.Text drawn = field.lookupAll(".text").stream()
                .filter(n -> n instanceof javafx.scene.text.Text t && text.equals(t.getText()))
                .map(n -> (javafx.scene.text.Text) n).findFirst().orElseThrow(); // not the prompt's
        double left = field.sceneToLocal(drawn.localToScene(drawn.getLayoutBounds())).getMinX();
        double each = drawn.getLayoutBounds().getWidth() / text.length();
        assertEquals(left + 25 * each, fault.getStartX(), 1.5);
        assertEquals(left + 31 * each, fault.getEndX(), 1.5);
    }

    /**
     * Every chart of every tab offers "Copy data" and "Save as PNG…" (right-click); a chart's data copied is its
     * series as tab-separated text, and a chart saved is a PNG of its size.
     */
    @Test
    void everyChartCopiesItsDataAndSavesAsPng(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(WorkbenchFixture.WAIT, TimeUnit.SECONDS, () -> !workbench.slices().tables().isEmpty());
        WorkbenchFixture.applySlices(robot, workbench, "preds", "model_version = 'v1'", "model_version = 'v2'");
        List<javafx.scene.Node> charts = new java.util.ArrayList<>();
        for (javafx.scene.control.Tab tab : List.copyOf(workbench.tabs().getTabs())) {
            robot.interact(() -> workbench.openTab(tab.getId()));
            WaitForAsyncUtils.waitForFxEvents();
            robot.lookup((javafx.scene.Node n) -> (n instanceof javafx.scene.chart.Chart
                    || n instanceof org.inquest.app.ui.traces.TraceScatter) && !charts.contains(n))
                    .queryAll().forEach(charts::add);
        }
        // drift (histogram, over time), versions, performance, calibration (2), fairness, traces' scatter, replay
        assertTrue(charts.size() >= 9, charts.size() + " charts: " + charts);
        for (javafx.scene.Node chart : charts) {
            assertEquals(List.of("Copy data", "Save as PNG…"), org.inquest.app.ui.common.ChartMenu.items(chart),
                    "the menu of " + chart);
            assertTrue(chart.getOnContextMenuRequested() != null, "no menu on right-click on " + chart);
        }

        // the calibration tab's score histogram: a row per score bin, a column per slice
        robot.interact(() -> workbench.openTab("tab-calibration"));
        @SuppressWarnings("unchecked")
        javafx.scene.chart.BarChart<String, Number> bins = WorkbenchFixture.lookup(robot, "#calibration-histogram");
        WaitForAsyncUtils.waitFor(WorkbenchFixture.WAIT, TimeUnit.SECONDS, () -> bins.getData().size() == 2
                && !bins.getData().get(0).getData().isEmpty());
        String[] copied = new String[2];
        robot.interact(() -> {
            copied[0] = org.inquest.app.ui.common.ChartMenu.copyData(bins);
            copied[1] = javafx.scene.input.Clipboard.getSystemClipboard().getString();
        });
        assertEquals(copied[0], copied[1]);
        List<String> lines = List.of(copied[0].split("\n"));
        var reference = bins.getData().get(0);
        var current = bins.getData().get(1);
        assertEquals("score bin\t" + reference.getName() + "\t" + current.getName(), lines.get(0));
        // a row per bin either slice has (a slice without rows in a bin has no bar there), each slice's share in it
        java.util.Set<String> binsDrawn = new java.util.LinkedHashSet<>();
        reference.getData().forEach(d -> binsDrawn.add(d.getXValue()));
        current.getData().forEach(d -> binsDrawn.add(d.getXValue()));
        assertEquals(1 + binsDrawn.size(), lines.size());
        var firstBar = reference.getData().get(0);
        String inCurrent = current.getData().stream().filter(d -> d.getXValue().equals(firstBar.getXValue()))
                .map(d -> String.valueOf(d.getYValue())).findFirst().orElse("");
        assertEquals(firstBar.getXValue() + "\t" + firstBar.getYValue() + "\t" + inCurrent,
                lines.get(List.copyOf(binsDrawn).indexOf(firstBar.getXValue()) + 1));

        java.nio.file.Path png = fixture.dir().resolve("chart.png");
        javafx.scene.chart.Chart shown = robot.lookup((javafx.scene.Node n) -> n instanceof javafx.scene.chart.Chart
                && n.isVisible() && n.getScene() != null && ((javafx.scene.chart.Chart) n).getWidth() > 0)
                .queryAs(javafx.scene.chart.Chart.class);
        robot.interact(() -> org.inquest.app.ui.common.Snapshots.savePng(shown, png));
        java.awt.image.BufferedImage image = javax.imageio.ImageIO.read(png.toFile());
        assertEquals(Math.round(shown.getWidth()), image.getWidth(), 1.0);
    }

    /** At 1366×768 the drift table shows each feature's verdict without scrolling sideways. */
    @Test
    void theDriftVerdictIsInViewAt1366(FxRobot robot) throws Exception {
        robot.interact(() -> workbench.openTab("tab-drift"));
        WaitForAsyncUtils.waitForFxEvents();
        javafx.scene.Node table = WorkbenchFixture.lookup(robot, "#drift-table");
        java.util.function.Predicate<javafx.scene.Node> driftHeader = n ->
                n instanceof javafx.scene.control.skin.TableColumnHeader h && h.getTableColumn() != null
                        && "drift".equals(h.getTableColumn().getText());
        // the headers are made by the table's first layout, which can come a pulse after the tab shows
        WaitForAsyncUtils.waitFor(WorkbenchFixture.WAIT, TimeUnit.SECONDS,
                () -> robot.from(table).lookup(driftHeader).tryQuery().isPresent());
        javafx.scene.Node header = robot.from(table).lookup(driftHeader).query();
        double right = table.localToScene(table.getLayoutBounds()).getMaxX();
        assertTrue(header.localToScene(header.getLayoutBounds()).getMaxX() <= right, "the drift column is cut");
    }

    /** At 1366×768 the report tab's labels and check boxes show their whole text (none cut to "Calibrati…"). */
    @Test
    void theReportTabsLabelsAreNotCutAt1366(FxRobot robot) throws Exception {
        robot.interact(() -> workbench.openTab("tab-report"));
        WaitForAsyncUtils.waitForFxEvents();
        javafx.scene.Node report = WorkbenchFixture.lookup(robot, "#report");
        List<javafx.scene.control.Labeled> labels = robot.from(report).lookup((javafx.scene.Node n) ->
                n instanceof javafx.scene.control.Labeled l && l.isVisible() && l.getText() != null
                        && !l.getText().isEmpty()).queryAllAs(javafx.scene.control.Labeled.class).stream().toList();
        assertTrue(labels.size() >= 8, labels.toString());
        for (javafx.scene.control.Labeled l : labels) {
            if (l.isWrapText()) {
                continue; // wraps onto more lines instead of cutting
            }
            // the skin's text node holds what is drawn: the text itself, or the text cut with an ellipsis
            String shown = l.lookupAll(".text").stream().filter(n -> n instanceof javafx.scene.text.Text)
                    .map(n -> ((javafx.scene.text.Text) n).getText()).findFirst().orElseThrow();
            assertEquals(l.getText(), shown, "cut: " + l);
        }
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
