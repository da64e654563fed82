package org.inquest.app.ui.traces;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.inquest.app.ui.Workbench;
import org.inquest.app.ui.request.RequestKey;

/**
 * Writes docs/screenshots/traces-*.png and request.png from a workspace holding the demo's predictions
 * ({@code predictions}, with a trace_id column) and spans ({@code spans}), under Xvfb:
 * {@code java -cp ... org.inquest.app.ui.traces.TracesScreenshot WORKSPACE OUT_DIR}. Every step waits for what the
 * workbench signals (a search's result, no running task, a layout pulse) through {@link FxWait}.
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
        FxWait.run(() -> {
            holder[0] = new Workbench(new Stage());
            holder[0].start(workspace);
        });
        Workbench wb = holder[0];
        TracesViewModel vm = wb.traces();
        FxWait.until(vm.totalProperty(), n -> n.longValue() > 0, "the first trace search");
        FxWait.until(wb.incident().snapshotProperty(), s -> s != null, "the incident snapshot");
        FxWait.idle(wb.status());

        // Search: mobile requests (linked predictions); stage statistics: the slowest 5 % against the rest.
        FxWait.run(() -> {
            wb.openTab("tab-traces");
            vm.predictionFilterProperty().set("channel = 'mobile'");
            vm.stageStats().modeProperty().set(StageStatsViewModel.Mode.COHORTS);
            vm.search();
        });
        FxWait.idle(wb.status());
        FxWait.run(() -> selectLowerTab(wb, "traces-tab-stages"));
        settle(wb);
        snapshot(wb, out.resolve("traces-search.png"));

        // Waterfall: the slowest mobile trace, its feature-store lookup selected.
        FxWait.run(() -> vm.open(vm.traces().get(0).traceId()));
        FxWait.idle(wb.status());
        FxWait.run(() -> vm.waterfallModel().rows().stream().filter(r -> r.span().name().equals("feature_store.lookup"))
                .findFirst().ifPresent(r -> vm.waterfallModel().selectedProperty().set(r)));
        settle(wb);
        snapshot(wb, out.resolve("traces-waterfall.png"));

        // Stages, reference vs current slice: the workbench's current slice narrowed to the incident's two days.
        FxWait.run(() -> {
            wb.slices().current().filterProperty().set("\"timestamp\" >= TIMESTAMP '2026-09-22 00:00:00'"
                    + " AND \"timestamp\" < TIMESTAMP '2026-09-24 00:00:00'");
            wb.slices().apply();
        });
        FxWait.until(wb.incident().snapshotProperty(), s -> s != null && s.current().where() != null
                && s.current().where().contains("2026-09-22"), "the incident's slices");
        FxWait.run(() -> {
            vm.stageStats().modeProperty().set(StageStatsViewModel.Mode.SLICES);
            selectLowerTab(wb, "traces-tab-stages");
        });
        settle(wb);
        snapshot(wb, out.resolve("traces-stages.png"));

        // Request view: back from a slow mobile trace to its prediction, one whose income is missing.
        FxWait.run(() -> {
            vm.predictionFilterProperty().set("channel = 'mobile' AND income IS NULL");
            vm.search();
        });
        FxWait.idle(wb.status());
        String traceId = vm.traces().get(0).traceId();
        FxWait.run(() -> wb.openRequest(RequestKey.trace(traceId)));
        FxWait.idle(wb.status());
        FxWait.run(() -> wb.request().waterfall().rows().stream()
                .filter(r -> r.span().name().equals("feature_store.lookup")).findFirst()
                .ifPresent(r -> wb.request().waterfall().selectedProperty().set(r)));
        settle(wb);
        snapshot(wb, out.resolve("request.png"));
        FxWait.run(() -> {
            wb.close();
            Platform.exit();
        });
    }

    private static void selectLowerTab(Workbench wb, String id) {
        javafx.scene.control.TabPane lower = (javafx.scene.control.TabPane) wb.scene().lookup("#traces-lower");
        lower.getTabs().stream().filter(t -> id.equals(t.getId())).findFirst()
                .ifPresent(t -> lower.getSelectionModel().select(t));
    }

    /** No task left (a selection may have started one) and two pulses drawn. */
    private static void settle(Workbench wb) throws InterruptedException {
        FxWait.idle(wb.status());
        FxWait.pulse(wb.scene());
        FxWait.idle(wb.status());
        FxWait.pulse(wb.scene());
    }

    private static void snapshot(Workbench workbench, Path file) throws Exception {
        Exception[] failure = new Exception[1];
        FxWait.run(() -> {
            try {
                ImageIO.write(SwingFXUtils.fromFXImage(workbench.scene().snapshot(null), null), "png", file.toFile());
            } catch (Exception e) {
                failure[0] = e;
            }
        });
        if (failure[0] != null) {
            throw failure[0];
        }
        System.out.println("wrote " + file);
    }
}
