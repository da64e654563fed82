package org.inquest.app.ui.replay;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.inquest.app.ui.Workbench;

/**
 * Puts the workbench in the state of docs/screenshots/replay.png, for a screen grab under Xvfb (see
 * {@code docs/screenshots/make-replay-screenshot.sh}): {@code java -cp ... org.inquest.app.ui.replay.ReplayScreenshot
 * WORKSPACE AT [FEATURE] [MEASURE]} opens WORKSPACE (the demo's predictions and spans), replays the whole
 * predictions table against its first week, follows FEATURE (default income, measure NULL_SHARE), moves the cursor
 * to the bucket holding AT, prints {@code READY} once the requests of that bucket are listed, and stays open for a
 * minute.
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
        Platform.runLater(() -> {
            Stage stage = new Stage();
            stage.setX(0);
            stage.setY(0);
            holder[0] = new Workbench(stage);
            holder[0].start(workspace);
        });
        waitFor(() -> holder[0] != null && holder[0].incident().snapshotProperty().get() != null);
        Workbench wb = holder[0];
        Platform.runLater(() -> {
            wb.slices().reference().set("predictions", "timestamp < TIMESTAMP '2026-09-08'");
            wb.slices().current().set("predictions", "");
            wb.slices().apply();
        });
        waitFor(() -> wb.incident().snapshotProperty().get() != null
                && wb.incident().snapshotProperty().get().spec().currentWhere().isEmpty());
        ReplayViewModel vm = wb.replay();
        Platform.runLater(() -> {
            vm.featureProperty().set(feature);
            vm.measureProperty().set(measure);
            wb.openTab("tab-replay");
        });
        waitFor(() -> vm.timelineProperty().get() != null && feature.equals(vm.timelineProperty().get().feature()
                .name()));
        long micros = java.time.LocalDateTime.parse(at.replace(' ', 'T')).toEpochSecond(java.time.ZoneOffset.UTC)
                * 1_000_000L;
        Platform.runLater(() -> vm.seek(vm.timelineProperty().get().indexAt(micros)));
        waitFor(() -> !vm.requests().isEmpty() && vm.requestsStateProperty().get().contains(
                vm.currentProperty().get().start()));
        Thread.sleep(1500);
        System.out.println("READY");
        Thread.sleep(60_000);
        Platform.runLater(() -> {
            wb.close();
            Platform.exit();
        });
    }

    private static void waitFor(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(300);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("timed out waiting for the workbench");
            }
            Thread.sleep(200);
        }
    }
}
