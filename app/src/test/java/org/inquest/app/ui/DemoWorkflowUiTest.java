package org.inquest.app.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.inquest.app.ui.analysis.IncidentService;
import org.inquest.app.ui.analysis.IncidentSnapshot;
import org.inquest.app.ui.overview.CardModel;
import org.inquest.app.ui.overview.OverviewViewModel;
import org.inquest.app.ui.session.AppDirs;
import org.inquest.app.ui.session.DemoIncident;
import org.inquest.app.ui.slice.SliceSpec;
import org.inquest.app.ui.task.DirectTaskRunner;
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

/**
 * The workbench as an analyst meets it, headless under Monocle: it opens the demo incident (prepared here with the
 * demo generator and importer at the smallest size), a filter typed into the slice bar changes the overview to the
 * engine's numbers, an invalid filter is marked and not applied, a segment double-clicked becomes a filter, and
 * an example prediction of a segment opens in the request view.
 */
@ExtendWith(ApplicationExtension.class)
class DemoWorkflowUiTest {
    static final int WAIT = 150;
    @TempDir
    static Path dir;
    Workbench workbench;

    @BeforeAll
    static void prepareDemo() {
        System.setProperty("inquest.data.dir", dir.resolve("data").toString());
        DemoIncident.ensure(AppDirs.demoWorkspace(), 3_000, line -> { });
    }

    @AfterAll
    static void clear() {
        System.clearProperty("inquest.data.dir");
    }

    @Start
    void start(Stage stage) {
        workbench = new Workbench(stage);
        workbench.start(null);
    }

    private String card(FxRobot robot, String id) {
        return robot.lookup("#card-value-" + id).tryQuery().map(n -> ((Label) n).getText()).orElse("");
    }

    private void waitForCards(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(WAIT, TimeUnit.SECONDS, () -> !robot.lookup("#card-value-rows").queryAll().isEmpty()
                && !workbench.incident().computingProperty().get());
    }

    /** What the engines say for {@code spec}, computed here on a connection of the test's own. */
    private static List<CardModel> engineCards(Connection c, SliceSpec spec) {
        DirectTaskRunner direct = new DirectTaskRunner(() -> c);
        IncidentSnapshot[] out = new IncidentSnapshot[1];
        direct.submit("expected", ctx -> new IncidentService().compute(ctx, spec), s -> out[0] = s, e -> {
            throw new AssertionError(e);
        });
        return OverviewViewModel.cardsOf(out[0]);
    }

    private static long count(Connection c, String sql) throws Exception {
        try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void filterChangeInvalidFilterAndSegment(FxRobot robot) throws Exception {
        waitForCards(robot);
        String before = card(robot, "rows");
        TextField current = robot.lookup("#cur-filter").queryAs(TextField.class);
        robot.interact(() -> current.setText("\"timestamp\" >= TIMESTAMP '2026-09-24 00:00:00' AND region = 'EU'"));
        robot.clickOn("#cur-filter").type(javafx.scene.input.KeyCode.ENTER);
        WaitForAsyncUtils.waitFor(WAIT, TimeUnit.SECONDS, () -> !card(robot, "rows").equals(before)
                && !workbench.incident().computingProperty().get());
        SliceSpec applied = workbench.slices().appliedProperty().get();
        Workspace ws = workbench.viewModel().workspaceProperty().get();
        try (Connection c = ws.newConnection()) {
            for (CardModel m : engineCards(c, applied)) {
                assertEquals(m.value(), card(robot, m.id()), m.id());
            }
            long rows = count(c, "SELECT count(*) FROM predictions WHERE \"timestamp\" >= TIMESTAMP"
                    + " '2026-09-24 00:00:00' AND region = 'EU'");
            assertEquals(String.format(java.util.Locale.ROOT, "%,d", rows), card(robot, "rows"));
        }
        anInvalidFilterIsMarkedAndNotApplied(robot);
        applyingASegmentMakesItAFilter(robot);
        exportingAReportWritesTheFile(robot);
    }

    private void exportingAReportWritesTheFile(FxRobot robot) throws Exception {
        robot.interact(() -> workbench.openTab("tab-report"));
        Path out = dir.resolve("postmortem.html");
        // The Export button opens a native file chooser; the test drives the view model behind it instead.
        robot.interact(() -> workbench.report().export(out, p -> { }));
        Label state = robot.lookup("#report-state").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(WAIT, TimeUnit.SECONDS, () -> state.getText().startsWith("Report written")
                || state.getText().startsWith("Report failed"));
        assertEquals("Report written to " + out, state.getText());
        String html = java.nio.file.Files.readString(out);
        assertTrue(html.startsWith("<!DOCTYPE html>") || html.startsWith("<html"), html.substring(0, 40));
        assertTrue(html.contains("--current-where"), "the reproduce command carries the applied filter");
        assertTrue(robot.lookup("#report-open").queryButton().isDisabled() == false);
    }

    private void anInvalidFilterIsMarkedAndNotApplied(FxRobot robot) throws Exception {
        SliceSpec before = workbench.slices().appliedProperty().get();
        TextField current = robot.lookup("#cur-filter").queryAs(TextField.class);
        robot.interact(() -> current.setText("region = 'EU' AND nosuch > 1"));
        robot.clickOn("#cur-filter").type(javafx.scene.input.KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(current.getStyleClass().contains("invalid"));
        assertEquals(18, workbench.slices().current().checkProperty().get().position());
        assertEquals(before, workbench.slices().appliedProperty().get());
        assertTrue(robot.lookup("#slice-problem").queryAs(Label.class).getText().contains("nosuch"));
    }

    private void applyingASegmentMakesItAFilter(FxRobot robot) throws Exception {
        robot.interact(() -> workbench.slices().current().filterProperty().set(
                "\"timestamp\" >= TIMESTAMP '2026-09-24 00:00:00'"));
        robot.interact(() -> workbench.slices().apply());
        waitForCards(robot);
        robot.interact(() -> workbench.openTab("tab-segments"));
        @SuppressWarnings("unchecked")
        TableView<List<Object>> table = robot.lookup("#segments-table").queryAs(TableView.class);
        WaitForAsyncUtils.waitFor(WAIT, TimeUnit.SECONDS, () -> !table.getItems().isEmpty());
        String segment = table.getItems().get(0).get(1).toString();
        String column = segment.split("[=&]| in ")[0].trim(); // "region=EU" or "income in (42000, 58000]"
        SliceSpec before = workbench.slices().appliedProperty().get();
        java.util.function.Supplier<java.util.Optional<javafx.scene.control.TableRow>> firstRow = () -> robot.from(table)
                .lookup(".table-row-cell").queryAllAs(javafx.scene.control.TableRow.class).stream()
                .filter(r -> r.getIndex() == 0 && r.getItem() != null).findFirst();
        WaitForAsyncUtils.waitFor(WAIT, TimeUnit.SECONDS, () -> firstRow.get().isPresent());
        javafx.scene.control.TableRow<?> first = firstRow.get().orElseThrow();
        // Select the row and press Enter (the keyboard twin of the double-click, which a loaded machine can split
        // into two single clicks).
        robot.clickOn(first);
        robot.type(javafx.scene.input.KeyCode.ENTER);
        WaitForAsyncUtils.waitFor(WAIT, TimeUnit.SECONDS, () -> !before.equals(workbench.slices().appliedProperty().get())
                && !workbench.incident().computingProperty().get());
        String where = workbench.slices().appliedProperty().get().currentWhere();
        assertTrue(where.contains(column), where + " should filter on " + column);
        assertEquals("tab-overview", workbench.tabs().getSelectionModel().getSelectedItem().getId());
        assertNotEquals(before.currentWhere(), where);
    }

    /** The laid-out row of {@code table} showing item {@code index}. */
    private static javafx.scene.control.TableRow<?> row(FxRobot robot, TableView<?> table, int index)
            throws Exception {
        java.util.function.Supplier<java.util.Optional<javafx.scene.control.TableRow>> find = () -> robot.from(table)
                .lookup(".table-row-cell").queryAllAs(javafx.scene.control.TableRow.class).stream()
                .filter(r -> r.getIndex() == index && r.getItem() != null && r.getScene() != null
                        && index < table.getItems().size() && r.getItem() == table.getItems().get(index))
                .findFirst();
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.waitFor(WAIT, TimeUnit.SECONDS, () -> find.get().isPresent());
        return find.get().orElseThrow();
    }

    /** Moves there, then presses and releases (a plain clickOn on a freshly laid-out row can miss it). */
    private static void click(FxRobot robot, javafx.scene.Node node) {
        robot.moveTo(node);
        robot.press(javafx.scene.input.MouseButton.PRIMARY).release(javafx.scene.input.MouseButton.PRIMARY);
    }

    private static Object field(TableView<List<Object>> fields, String name) {
        return fields.getItems().stream().filter(r -> name.equals(r.get(1))).findFirst()
                .map(r -> r.get(2)).orElseThrow(() -> new AssertionError("no field " + name + " in "
                        + fields.getItems()));
    }

    /**
     * Segments → Request through the widgets (the demo's predictions are linked to spans): select the top-ranked
     * segment, its example predictions appear below the ranking, Enter on the first opens it in the Request tab
     * with its fields (request, output, label, features) and its trace's waterfall.
     */
    @Test
    void anExampleOfASegmentOpensInTheRequestViewWithItsTrace(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(WAIT, TimeUnit.SECONDS, () -> !robot.lookup("#card-value-rows").queryAll().isEmpty()
                && !workbench.incident().computingProperty().get());
        robot.interact(() -> workbench.openTab("tab-segments"));
        @SuppressWarnings("unchecked")
        TableView<List<Object>> ranking = robot.lookup("#segments-table").queryAs(TableView.class);
        WaitForAsyncUtils.waitFor(WAIT, TimeUnit.SECONDS, () -> !ranking.getItems().isEmpty());
        click(robot, row(robot, ranking, 0));

        @SuppressWarnings("unchecked")
        TableView<List<Object>> examples = robot.lookup("#segment-examples-table").queryAs(TableView.class);
        WaitForAsyncUtils.waitFor(WAIT, TimeUnit.SECONDS, () -> !examples.getItems().isEmpty());
        String message = robot.lookup("#segment-examples-message").queryLabeled().getText();
        assertTrue(message.startsWith("Examples of "), message);
        List<String> exampleColumns = examples.getColumns().stream().map(c -> c.getText()).toList();
        List<Object> first = examples.getItems().get(0);
        Object id = first.get(exampleColumns.indexOf("request_id"));
        Object traceId = first.get(exampleColumns.indexOf("trace_id"));

        // select the example and press Enter (the keyboard twin of the double-click)
        click(robot, row(robot, examples, 0));
        robot.type(javafx.scene.input.KeyCode.ENTER);
        @SuppressWarnings("unchecked")
        TableView<List<Object>> fields = robot.lookup("#request-fields").queryAs(TableView.class);
        WaitForAsyncUtils.waitFor(WAIT, TimeUnit.SECONDS, () -> !fields.getItems().isEmpty()
                && id.equals(field(fields, "id")));
        assertEquals("tab-request", workbench.tabs().getSelectionModel().getSelectedItem().getId());
        assertEquals(traceId, field(fields, "trace_id"));
        // output and label as the example row listed them; the demo's first example is a wrong prediction
        assertEquals(first.get(exampleColumns.indexOf("score")), field(fields, "score"));
        assertEquals(first.get(exampleColumns.indexOf("label")), field(fields, "label"));
        assertEquals("wrong", field(fields, "outcome"));
        long features = fields.getItems().stream().filter(r -> "feature".equals(r.get(0))).count();
        assertTrue(features >= 3, "the features with their checks: " + fields.getItems());
        // Field names read whole: the field column is as wide as the longest one (employment_years).
        WaitForAsyncUtils.waitForFxEvents();
        List<String> cut = fields.lookupAll(".table-cell").stream()
                .filter(n -> n instanceof TableCell<?, ?> c && c.getTableColumn() == fields.getColumns().get(0)
                        && c.getText() != null && c.lookup(".text") instanceof Text t && !t.getText().equals(c.getText()))
                .map(n -> ((TableCell<?, ?>) n).getText()).toList();
        assertTrue(cut.isEmpty(), "field names cut: " + cut);

        @SuppressWarnings("unchecked")
        javafx.scene.control.ListView<org.inquest.app.ui.traces.WaterfallModel.Row> waterfall = robot.lookup("#request-waterfall").queryAs(javafx.scene.control.ListView.class);
        WaitForAsyncUtils.waitFor(WAIT, TimeUnit.SECONDS, () -> !waterfall.getItems().isEmpty());
        String title = robot.lookup("#request-title").queryLabeled().getText();
        assertTrue(title.contains("trace " + traceId), title);
        String summary = robot.lookup("#request-message").queryLabeled().getText();
        assertTrue(summary.contains("trace: " + waterfall.getItems().size() + " spans"), summary);
    }
}
