package org.inquest.app.ui.traces;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.inquest.app.ui.Workbench;

/**
 * Writes docs/screenshots/traces-*.png from a workspace holding the demo's predictions and spans (run under Xvfb):
 * {@code java -cp ... org.inquest.app.ui.traces.TracesScreenshot WORKSPACE OUT_DIR}. The Traces tab is shown with
 * the spans filter of the demo incident (slow feature-store lookups), and the slowest trace's waterfall.
 */
public final class TracesScreenshot {
    private TracesScreenshot() {
    }

    public static void main(String[] args) throws Exception {
        Path workspace = Path.of(args[0]);
        Path out = Path.of(args[1]);
        Files.createDirectories(out);
        CountDownLatch started = new CountDownLatch(1);
        Platform.startup(started::countDown);
        started.await();
        Workbench[] holder = new Workbench[1];
        Platform.runLater(() -> {
            Stage stage = new Stage();
            holder[0] = new Workbench(stage);
            holder[0].start(workspace);
            holder[0].openTab("tab-traces");
        });
        TracesViewModel vm = waitFor(() -> holder[0] != null) ? holder[0].traces() : null;
        waitFor(() -> !vm.traces().isEmpty());
        Platform.runLater(() -> {
            vm.filterProperty().set("name = 'feature_store.lookup' AND duration_ms > 100");
            vm.search();
        });
        waitFor(() -> vm.messageProperty().get().contains("slowest first") && !vm.traces().isEmpty()
                && vm.filterProperty().get().contains("feature_store"));
        Thread.sleep(1500);
        Platform.runLater(() -> vm.open(vm.traces().get(0).traceId()));
        waitFor(() -> vm.waterfallProperty().get() != null);
        Thread.sleep(1500);
        snapshot(holder[0], out.resolve("traces-waterfall.png"));
        Platform.runLater(() -> {
            holder[0].close();
            Platform.exit();
        });
    }

    private static void snapshot(Workbench workbench, Path file) throws Exception {
        CountDownLatch done = new CountDownLatch(1);
        Exception[] failure = new Exception[1];
        Platform.runLater(() -> {
            try {
                ImageIO.write(SwingFXUtils.fromFXImage(workbench.scene().snapshot(null), null), "png", file.toFile());
            } catch (Exception e) {
                failure[0] = e;
            }
            done.countDown();
        });
        done.await(30, TimeUnit.SECONDS);
        if (failure[0] != null) {
            throw failure[0];
        }
        System.out.println("wrote " + file);
    }

    private static boolean waitFor(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("timed out waiting for the workbench");
            }
            Thread.sleep(200);
        }
        return true;
    }
}
