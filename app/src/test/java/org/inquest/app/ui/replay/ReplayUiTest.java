package org.inquest.app.ui.replay;

import static org.inquest.app.ui.WorkbenchFixture.WAIT;
import static org.inquest.app.ui.WorkbenchFixture.lookup;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.ListView;
import javafx.scene.control.Slider;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.inquest.analysis.replay.BucketTraces;
import org.inquest.app.ui.Workbench;
import org.inquest.app.ui.WorkbenchFixture;
import org.inquest.connectors.catalog.Catalog;
import org.inquest.connectors.catalog.ColumnInfo;
import org.inquest.connectors.catalog.ColumnRole;
import org.inquest.connectors.catalog.FeatureKind;
import org.inquest.connectors.traces.SpanTable;
import org.inquest.connectors.workspace.Workspace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Replay tab under Monocle, on 240 predictions one minute apart, each linked to a two-span trace: Play moves the
 * scrubber and the listed request changes with it; Pause stops it; Enter on a request opens its waterfall in
 * the Traces tab.
 */
@ExtendWith(ApplicationExtension.class)
class ReplayUiTest {
    static final int ROWS = 240;
    @RegisterExtension
    static final WorkbenchFixture fixture = new WorkbenchFixture(ReplayUiTest::workspace);
    Workbench workbench;

    static Workspace workspace(Path dir) throws Exception {
        Workspace ws = Workspace.open(dir.resolve("replay.duckdb"));
        try (Statement s = ws.connection().createStatement()) {
            s.execute("CREATE TABLE predictions AS SELECT printf('req-%03d', i) AS request_id,"
                    + " printf('%032x', 4096 + i) AS trace_id,"
                    + " TIMESTAMP '2026-09-22 10:00:00' + INTERVAL (i) MINUTE + INTERVAL 7 SECOND AS timestamp,"
                    + " (i % 10) / 10.0 AS score, CASE WHEN i % 10 >= 5 THEN 1 ELSE 0 END AS prediction,"
                    + " i % 2 AS label, 20.0 + i AS latency_ms, ['EU', 'NA'][1 + i % 2] AS region"
                    + " FROM range(" + ROWS + ") t(i)");
            s.execute(SpanTable.createSql("spans"));
            long t0 = 1_790_071_207L * 1_000_000_000L; // 2026-09-22 10:00:07 UTC in nanoseconds
            s.execute("INSERT INTO spans (trace_id, span_id, parent_span_id, service, name, start, \"end\","
                    + " duration_ms, status, start_unix_nano, end_unix_nano) SELECT printf('%032x', 4096 + i),"
                    + " printf('%016x', 2 * i + 1 + c), CASE WHEN c = 0 THEN NULL ELSE printf('%016x', 2 * i + 1)"
                    + " END, CASE WHEN c = 0 THEN 'api' ELSE 'feature-store' END,"
                    + " CASE WHEN c = 0 THEN 'POST /score' ELSE 'feature_store.lookup' END, NULL, NULL,"
                    + " (20.0 + i) / (c + 1), CASE WHEN i % 7 = 0 AND c = 1 THEN 2 ELSE 0 END,"
                    + " " + t0 + " + i * 60000000000, " + t0 + " + i * 60000000000"
                    + " + CAST((20.0 + i) * 1000000 / (c + 1) AS BIGINT) FROM range(" + ROWS + ") t(i), range(2) u(c)");
        }
        Catalog catalog = new Catalog(ws.connection());
        catalog.saveTable("predictions", "predictions", List.of(
                new ColumnInfo("request_id", "VARCHAR", ColumnRole.ID, null),
                new ColumnInfo("trace_id", "VARCHAR", ColumnRole.TRACE_ID, null),
                new ColumnInfo("timestamp", "TIMESTAMP", ColumnRole.TIMESTAMP, null),
                new ColumnInfo("score", "DOUBLE", ColumnRole.SCORE, null),
                new ColumnInfo("prediction", "INTEGER", ColumnRole.PREDICTION, null),
                new ColumnInfo("label", "BIGINT", ColumnRole.LABEL, null),
                new ColumnInfo("latency_ms", "DOUBLE", ColumnRole.LATENCY_MS, null),
                new ColumnInfo("region", "VARCHAR", ColumnRole.FEATURE, FeatureKind.CATEGORICAL)));
        catalog.saveTable("spans", SpanTable.KIND, SpanTable.columns());
        return ws;
    }

    @Start
    void start(Stage stage) {
        workbench = fixture.open(stage);
        stage.toFront();
    }

    @Test
    void playMovesTheScrubberAndTheListFollows(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(WAIT, TimeUnit.SECONDS, () -> workbench.incident().snapshotProperty().get() != null);
        WorkbenchFixture.applySlices(robot, workbench, "predictions", "", "");
        WaitForAsyncUtils.waitFor(WAIT, TimeUnit.SECONDS, () -> workbench.incident().snapshotProperty().get() != null
                && workbench.incident().snapshotProperty().get().spec().referenceWhere().isEmpty());
        robot.interact(() -> workbench.openTab("tab-replay"));
        ReplayViewModel vm = workbench.replay();
        WaitForAsyncUtils.waitFor(WAIT, TimeUnit.SECONDS, () -> vm.timelineProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents(); // the view's listeners run on the FX thread after the property is set
        assertEquals(ROWS, vm.timelineProperty().get().buckets().size());
        assertEquals("1m", vm.timelineProperty().get().bucket());
        assertEquals("spans", vm.timelineProperty().get().spansTable());
        // 1 error trace in 7 (i % 7 == 0): bucket 0 holds request 0, whose trace has an error span
        assertEquals(1.0, vm.timelineProperty().get().buckets().get(0).errorRate());
        // the tab's content joins the window when the tab is first shown: look it up once it is there
        Slider scrubber = lookup(robot, "#replay-scrubber");
        TableView<BucketTraces.Request> requests = lookup(robot, "#replay-requests");
        WaitForAsyncUtils.waitFor(WAIT, TimeUnit.SECONDS, () -> scrubber.getMax() == ROWS - 1);
        WaitForAsyncUtils.waitFor(WAIT, TimeUnit.SECONDS, () -> requests.getItems().size() == 1);
        assertEquals("req-000", requests.getItems().get(0).id());

        javafx.scene.control.Button play = lookup(robot, "#replay-play");
        robot.clickOn(play);
        WaitForAsyncUtils.waitFor(WAIT, TimeUnit.SECONDS, () -> scrubber.getValue() >= 3);
        WaitForAsyncUtils.waitFor(WAIT, TimeUnit.SECONDS, () -> !requests.getItems().isEmpty()
                && !"req-000".equals(requests.getItems().get(0).id()));
        robot.clickOn(play);
        WaitForAsyncUtils.waitFor(WAIT, TimeUnit.SECONDS, () -> !vm.playingProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(vm.playingProperty().get());
        int stopped = (int) scrubber.getValue();
        assertEquals(stopped, vm.positionProperty().get());
        String expected = String.format("req-%03d", stopped);
        WaitForAsyncUtils.waitFor(WAIT, TimeUnit.SECONDS, () -> requests.getItems().size() == 1
                && expected.equals(requests.getItems().get(0).id()));
        javafx.scene.control.Label latency = lookup(robot, "#replay-latency-value");
        String latencyShown = String.format(java.util.Locale.ROOT, "%.1f ms", 20.0 + stopped);
        WaitForAsyncUtils.waitFor(WAIT, TimeUnit.SECONDS, () -> latency.getText().contains(latencyShown));
        assertTrue(latency.getText().contains(latencyShown));

        // dragging the scrubber is a seek too
        robot.interact(() -> scrubber.setValue(100));
        WaitForAsyncUtils.waitFor(WAIT, TimeUnit.SECONDS, () -> requests.getItems().size() == 1
                && "req-100".equals(requests.getItems().get(0).id()));
        assertEquals(120.0, requests.getItems().get(0).durationMs(), 1e-9);
        // Enter on the selected request (fired at the table: windows other UI tests leave open may hold the focus)
        robot.interact(() -> {
            requests.getSelectionModel().select(0);
            requests.fireEvent(new javafx.scene.input.KeyEvent(javafx.scene.input.KeyEvent.KEY_PRESSED, "", "",
                    javafx.scene.input.KeyCode.ENTER, false, false, false, false));
        });
        try {
            // the Traces tab's content may join the window only now
            ListView<Object> waterfall = lookup(robot, "#trace-waterfall");
            WaitForAsyncUtils.waitFor(WAIT, TimeUnit.SECONDS, () -> waterfall.getItems().size() == 2);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("no waterfall; tab " + workbench.tabs().getSelectionModel().getSelectedItem()
                    .getId() + ", traces: " + workbench.traces().messageProperty().get() + ", table "
                    + workbench.traces().tableProperty().get(), e);
        }
        assertEquals("tab-traces", workbench.tabs().getSelectionModel().getSelectedItem().getId());
    }
}
