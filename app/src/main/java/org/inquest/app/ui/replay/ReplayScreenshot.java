package org.inquest.app.ui.replay;

import java.util.concurrent.CountDownLatch;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.inquest.app.ui.Workbench;
import org.inquest.app.ui.traces.FxWait;

/**
 * Puts the workbench in the state of docs/screenshots/replay.png, for a screen grab under Xvfb (see
 * {@code docs/screenshots/make-replay-screenshot.sh}): {@code java -cp ... org.inquest.app.ui.replay.ReplayScreenshot
 * WORKSPACE AT [FEATURE] [MEASURE]} opens WORKSPACE (the demo's predictions and spans), replays the whole
 * predictions table against its first week, follows FEATURE (default income, measure NULL_SHARE), moves the cursor
 * to the bucket holding AT, prints {@code READY} once the requests of that bucket are listed and drawn, and stays
 * open until the script stops it.
 */
public final class ReplayScreenshot {
    private ReplayScreenshot() {
    }

    public static void main(String[] args) throws Exception {
        java.nio.file.Path workspace = java.nio.file.Path.of(args[0]);
        String at = args[1];
        String feature = args.length > 2 ? args[2] : "income";
        ReplayViewModel.DriftMeasure measure = ReplayViewModel.DriftMeasure.valueOf(args.length > 3 ? args[3]
                : "NULL_SHARE");
        CountDownLatch started = new CountDownLatch(1);
        Platform.startup(started::countDown);
        started.await();
        Workbench[] holder = new Workbench[1];
        FxWait.run(() -> {
            Stage stage = new Stage();
            stage.setX(0);
            stage.setY(0);
            holder[0] = new Workbench(stage);
            holder[0].start(workspace);
        });
        Workbench wb = holder[0];
        FxWait.until(wb.incident().snapshotProperty(), s -> s != null, "the incident snapshot");
        FxWait.run(() -> {
            wb.slices().reference().set("predictions", "timestamp < TIMESTAMP '2026-09-08'");
            wb.slices().current().set("predictions", "");
            wb.slices().apply();
        });
        FxWait.until(wb.incident().snapshotProperty(), s -> s != null && s.spec().currentWhere().isEmpty(),
                "the whole-table current slice");
        ReplayViewModel vm = wb.replay();
        FxWait.run(() -> {
            vm.featureProperty().set(feature);
            vm.measureProperty().set(measure);
            wb.openTab("tab-replay");
        });
        FxWait.until(vm.timelineProperty(), t -> t != null && feature.equals(t.feature().name()), "the timeline");
        long micros = java.time.LocalDateTime.parse(at.replace(' ', 'T')).toEpochSecond(java.time.ZoneOffset.UTC)
                * 1_000_000L;
        FxWait.run(() -> vm.seek(vm.timelineProperty().get().indexAt(micros)));
        FxWait.until(vm.requestsStateProperty(), state -> !vm.requests().isEmpty()
                && state.contains(vm.currentProperty().get().start()), "the bucket's requests");
        // No task left and two pulses drawn: the charts and the table are on screen when the grab is taken.
        FxWait.idle(wb.status());
        FxWait.pulse(wb.scene());
        FxWait.idle(wb.status());
        FxWait.pulse(wb.scene());
        // The window stays open (the JavaFX platform keeps the JVM alive) until the script has grabbed the screen
        // and stops the process.
        System.out.println("READY");
    }
}
