package org.inquest.app.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.beans.value.ChangeListener;
import javafx.scene.control.ListView;
import javafx.stage.Stage;
import org.inquest.analysis.traces.TraceView;
import org.inquest.app.ui.Workbench;
import org.inquest.app.ui.traces.FxWait;
import org.inquest.app.ui.traces.TracesViewModel;
import org.inquest.connectors.ingest.CancelHandle;
import org.inquest.connectors.ingest.ImportKind;
import org.inquest.connectors.ingest.ImportListener;
import org.inquest.connectors.ingest.ImportRequest;
import org.inquest.connectors.ingest.Importer;
import org.inquest.connectors.workspace.Workspace;

/**
 * The waterfall benchmark of docs/PERFORMANCE.md ({@code bench/waterfall.sh}, under a display or Xvfb): the
 * workbench opened on a workspace holding one 5,000-span trace (the traces benchmark's fan-out-4 tree), then, timed
 * on the FX thread, the Traces tab's {@code open} of that trace until the layout pulse that draws its waterfall
 * (engine: {@code trace show} on a worker; UI: rows set and laid out), a jump to the last span, 40 page scrolls
 * (longest pulse), collapsing to the stages and expanding again.
 */
public final class WaterfallBenchmark {
    static final String TRACE = "000000000000000000000000000b1a57";

    private WaterfallBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int spans = 5000;
        int runs = 6;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--spans")) {
                spans = Integer.parseInt(args[++i]);
            } else if (args[i].equals("--runs")) {
                runs = Integer.parseInt(args[++i]);
            }
        }
        Path dir = Files.createTempDirectory("inquest-waterfall-bench");
        System.setProperty("inquest.data.dir", dir.resolve("data").toString());
        Path trace = dir.resolve("trace.otlp.json");
        TraceBenchmark.writeWideTrace(trace, spans);
        Path wsFile = dir.resolve("waterfall.duckdb");
        try (Workspace ws = Workspace.open(wsFile)) {
            new Importer(ws).run(new ImportRequest("spans", ImportKind.TRACES, List.of(), List.of(trace)),
                    ImportListener.NONE, new CancelHandle());
        }
        CountDownLatch started = new CountDownLatch(1);
        Platform.startup(started::countDown);
        started.await();
        Workbench[] holder = new Workbench[1];
        FxWait.run(() -> {
            holder[0] = new Workbench(new Stage());
            holder[0].start(wsFile);
            holder[0].openTab("tab-traces");
        });
        Workbench wb = holder[0];
        TracesViewModel vm = wb.traces();
        FxWait.until(vm.totalProperty(), n -> n.longValue() > 0, "the first trace search");
        FxWait.idle(wb.status());
        FxWait.pulse(wb.scene());

        List<double[]> opens = new ArrayList<>();
        for (int run = 0; run < runs; run++) {
            FxWait.run(() -> vm.waterfallModel().clear());
            FxWait.run(() -> vm.waterfallProperty().set(null));
            FxWait.pulse(wb.scene());
            opens.add(open(wb, vm));
        }
        @SuppressWarnings("unchecked")
        ListView<Object> list = (ListView<Object>) wb.scene().lookup("#trace-waterfall");
        double jump = timed(wb, () -> list.scrollTo(list.getItems().size() - 1));
        double worstPage = 0;
        for (int page = 0; page < 40; page++) {
            int target = Math.max(0, list.getItems().size() - 1 - page * 25);
            worstPage = Math.max(worstPage, timed(wb, () -> list.scrollTo(target)));
        }
        double collapse = timed(wb, () -> vm.waterfallModel().collapseBelow(1));
        double expand = timed(wb, () -> vm.waterfallModel().expandAll());

        System.out.printf(Locale.ROOT, "waterfall of a %,d-span trace (%d rows visible at once)%n", spans,
                visibleRows(list));
        System.out.printf(Locale.ROOT, "open, first: %.0f ms (trace show on a worker %.0f ms, rows + layout %.0f ms)%n",
                opens.get(0)[0], opens.get(0)[1], opens.get(0)[2]);
        List<Double> warm = new ArrayList<>();
        List<Double> warmUi = new ArrayList<>();
        for (double[] o : opens.subList(1, opens.size())) {
            warm.add(o[0]);
            warmUi.add(o[2]);
        }
        Collections.sort(warm);
        Collections.sort(warmUi);
        System.out.printf(Locale.ROOT, "open, warm (%d runs): median %.0f ms, max %.0f ms; rows + layout median %.0f ms%n",
                warm.size(), warm.get(warm.size() / 2), warm.get(warm.size() - 1), warmUi.get(warmUi.size() / 2));
        System.out.printf(Locale.ROOT, "jump to the last span: %.1f ms; 40 page scrolls, longest pulse: %.1f ms%n",
                jump, worstPage);
        System.out.printf(Locale.ROOT, "collapse to stages: %.1f ms; expand all: %.1f ms%n", collapse, expand);
        FxWait.run(() -> {
            wb.close();
            Platform.exit();
        });
    }

    /** {total, engine, ui} in ms for one open, all measured on the FX thread. */
    private static double[] open(Workbench wb, TracesViewModel vm) throws InterruptedException {
        CountDownLatch drawn = new CountDownLatch(1);
        long[] t = new long[3];
        Platform.runLater(() -> {
            ChangeListener<TraceView> set = new ChangeListener<>() {
                @Override
                public void changed(javafx.beans.value.ObservableValue<? extends TraceView> o, TraceView a,
                        TraceView view) {
                    if (view == null) {
                        return;
                    }
                    vm.waterfallProperty().removeListener(this);
                    t[1] = System.nanoTime();
                    Runnable[] after = new Runnable[1];
                    after[0] = () -> {
                        wb.scene().removePostLayoutPulseListener(after[0]);
                        t[2] = System.nanoTime();
                        drawn.countDown();
                    };
                    wb.scene().addPostLayoutPulseListener(after[0]);
                    Platform.requestNextPulse();
                }
            };
            vm.waterfallProperty().addListener(set);
            t[0] = System.nanoTime();
            vm.open(TRACE);
        });
        if (!drawn.await(300, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the waterfall never opened");
        }
        // the rows are set by the same listener chain that sets the waterfall property; the UI part runs from there
        return new double[] {(t[2] - t[0]) / 1e6, (t[1] - t[0]) / 1e6, (t[2] - t[1]) / 1e6};
    }

    /** ms from running {@code action} on the FX thread to the end of the layout pulse that follows it. */
    private static double timed(Workbench wb, Runnable action) throws InterruptedException {
        CountDownLatch done = new CountDownLatch(1);
        long[] t = new long[2];
        Platform.runLater(() -> {
            t[0] = System.nanoTime();
            action.run();
            Runnable[] after = new Runnable[1];
            after[0] = () -> {
                wb.scene().removePostLayoutPulseListener(after[0]);
                t[1] = System.nanoTime();
                done.countDown();
            };
            wb.scene().addPostLayoutPulseListener(after[0]);
            Platform.requestNextPulse();
        });
        if (!done.await(60, TimeUnit.SECONDS)) {
            throw new IllegalStateException("no layout pulse");
        }
        return (t[1] - t[0]) / 1e6;
    }

    private static int visibleRows(ListView<?> list) {
        return (int) Math.round(list.getHeight() / Math.max(1, list.getFixedCellSize()));
    }
}
