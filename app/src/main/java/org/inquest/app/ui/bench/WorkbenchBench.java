package org.inquest.app.ui.bench;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.animation.AnimationTimer;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.inquest.app.ui.Workbench;
import org.inquest.app.ui.analysis.IncidentSnapshot;

/**
 * Benchmark (not a test) of the real workbench window: {@code bench/workbench-bench.sh} runs it under Xvfb. It
 * measures
 * <ul>
 *   <li>launch → usable window: from the JVM's start to the first layout pulse after the window is shown (menus,
 *       slice bar and tabs laid out; the workspace still opening behind them);</li>
 *   <li>launch → first overview: until the first preset's cards are on screen;</li>
 *   <li>filter change → all overview numbers updated: for each of N changes of the current filter (Apply, with the
 *       overview tab visible), the time until the overview's cards show the new slice's numbers and the next
 *       pulse has laid them out; p50/p95/max over the changes after two warm-up changes;</li>
 *   <li>the process's CPU time per change (all threads): steadier than wall time on a shared machine;</li>
 *   <li>the longest FX-thread stall while the changes run: an {@link AnimationTimer} requests a pulse every frame
 *       and records the largest gap between two consecutive frames (at 60 Hz a free FX thread shows ≈ 17 ms), and
 *       the most CPU time the FX thread itself used between two frames — a gap much longer than that CPU time is
 *       the thread waiting for a core on a loaded machine, not work on the FX thread.</li>
 * </ul>
 * Usage: {@code WorkbenchBench WORKSPACE [changes]}; the workspace is opened for writing, so pass a copy.
 */
public final class WorkbenchBench {
    private static final long JVM_START_MS = ManagementFactory.getRuntimeMXBean().getStartTime();
    private static final String[] REGIONS = {"EU", "US", "APAC", "LATAM"};
    private static volatile Path workspace;
    private static volatile int changes = 20;

    private WorkbenchBench() {
    }

    public static void main(String[] args) {
        workspace = Path.of(args[0]);
        changes = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        Application.launch(App.class);
    }

    /** The {@code i}-th current filter: a start day and, every other change, a region. */
    static String filter(int i) {
        int day = 17 + Math.floorMod(i * 5, 14);
        String where = "\"timestamp\" >= TIMESTAMP '2026-09-" + day + " 00:00:00'";
        return i % 2 == 0 ? where + " AND region = '" + REGIONS[Math.floorMod(i / 2, 4)] + "'" : where;
    }

    /**
     * CPU time of the whole process (DuckDB's threads, the JavaFX threads, the JIT and GC included): on a loaded
     * machine a steadier measure of the work a change costs than its wall time.
     */
    static long processCpuNanos() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime() : 0;
    }

    static long percentile(List<Long> sorted, double q) {
        int index = (int) Math.ceil(q * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }

    /** The JavaFX side: opens the workbench and drives it from a plain thread. */
    public static final class App extends Application {
        private Workbench workbench;
        private volatile long maxGapNanos;
        private volatile boolean recording;
        private volatile long maxCpuNanos;
        private long lastFrame;
        private long lastCpu;
        private int frames;
        private int gapsOver33;
        private int gapsOver50;
        /** Off unless {@code -Dbench.gapReportMs=N}: its polling and stack samples cost CPU of their own. */
        private final GapProfiler profiler = Long.getLong("bench.gapReportMs", 0) > 0
                ? new GapProfiler(Long.getLong("bench.gapReportMs", 0)) : null;
        /** When the overview's snapshot was last replaced (System.nanoTime()). */
        private volatile long snapshotAt;
        private final java.lang.management.ThreadMXBean threads = ManagementFactory.getThreadMXBean();

        @Override
        public void start(Stage stage) {
            long entered = System.currentTimeMillis();
            workbench = new Workbench(stage);
            System.out.printf(Locale.ROOT, "  (JVM start → JavaFX start(): %d ms; building the window: %d ms)%n",
                    entered - JVM_START_MS, System.currentTimeMillis() - entered);
            Runnable[] firstPulse = new Runnable[1];
            firstPulse[0] = () -> {
                if (stage.isShowing()) {
                    System.out.printf(Locale.ROOT, "launch → usable window: %d ms%n",
                            System.currentTimeMillis() - JVM_START_MS);
                    workbench.scene().removePostLayoutPulseListener(firstPulse[0]);
                }
            };
            workbench.scene().addPostLayoutPulseListener(firstPulse[0]);
            workbench.incident().snapshotProperty().addListener((o, a, b) -> snapshotAt = System.nanoTime());
            workbench.start(workspace);
            new AnimationTimer() {
                @Override
                public void handle(long now) {
                    if (profiler != null) {
                        profiler.frame();
                    }
                    long cpu = threads.getCurrentThreadCpuTime();
                    if (recording && lastFrame != 0) {
                        maxGapNanos = Math.max(maxGapNanos, now - lastFrame);
                        maxCpuNanos = Math.max(maxCpuNanos, cpu - lastCpu);
                        frames++;
                        gapsOver33 += now - lastFrame > 33_000_000 ? 1 : 0;
                        gapsOver50 += now - lastFrame > 50_000_000 ? 1 : 0;
                    }
                    lastFrame = now;
                    lastCpu = cpu;
                }
            }.start();
            Thread driver = new Thread(this::drive, "bench-driver");
            driver.setDaemon(true);
            driver.start();
        }

        private void drive() {
            try {
                awaitOverview(null);
                System.out.printf(Locale.ROOT, "launch → first overview: %d ms%n",
                        System.currentTimeMillis() - JVM_START_MS);
                var threadsBefore = GapProfiler.threadTimes();
                List<Long> ms = new ArrayList<>();
                List<Long> cpuMs = new ArrayList<>();
                for (int i = -2; i < changes; i++) {
                    if (i == 0) {
                        Platform.runLater(() -> {
                            maxGapNanos = 0;
                            maxCpuNanos = 0;
                            lastFrame = 0;
                            frames = 0;
                            gapsOver33 = 0;
                            gapsOver50 = 0;
                            recording = true;
                            if (profiler != null) {
                                profiler.recording(true);
                            }
                        });
                    }
                    String where = filter(i);
                    long start = System.nanoTime();
                    long cpuStart = processCpuNanos();
                    Platform.runLater(() -> {
                        workbench.slices().current().filterProperty().set(where);
                        workbench.slices().apply();
                    });
                    awaitOverview(where);
                    long elapsed = (System.nanoTime() - start) / 1_000_000;
                    long cpu = (processCpuNanos() - cpuStart) / 1_000_000;
                    if (i >= 0) {
                        ms.add(elapsed);
                        cpuMs.add(cpu);
                    }
                    long shown = (System.nanoTime() - snapshotAt) / 1_000_000;
                    System.out.printf(Locale.ROOT, "change %2d: %6d ms  (CPU %5d ms; parts queued+ran+delivered %s;"
                            + " snapshot → laid out %d ms)  %s%n", i, elapsed, cpu, workbench.incident().lastTimings(),
                            shown, where);
                    // An analyst's pause between two changes: each change is timed on its own, not queued behind
                    // the previous one's last repaint.
                    Thread.sleep(150);
                }
                CountDownLatch stopped = new CountDownLatch(1);
                Platform.runLater(() -> {
                    recording = false;
                    if (profiler != null) {
                        profiler.recording(false);
                    }
                    stopped.countDown();
                });
                stopped.await();
                var threadsAfter = GapProfiler.threadTimes();
                List<Long> sorted = new ArrayList<>(ms);
                sorted.sort(null);
                System.out.printf(Locale.ROOT, "filter change → overview updated: %d changes  p50 %d ms  p95 %d ms"
                        + "  max %d ms%n", sorted.size(), percentile(sorted, 0.50), percentile(sorted, 0.95),
                        sorted.get(sorted.size() - 1));
                List<Long> cpuSorted = new ArrayList<>(cpuMs);
                cpuSorted.sort(null);
                System.out.printf(Locale.ROOT, "process CPU per change (all threads, window included): p50 %d ms"
                        + "  p95 %d ms  max %d ms%n", percentile(cpuSorted, 0.50), percentile(cpuSorted, 0.95),
                        cpuSorted.get(cpuSorted.size() - 1));
                System.out.printf(Locale.ROOT, "longest FX-thread stall (frame gap) during the changes: %d ms"
                        + " (of which the FX thread's own CPU time: at most %d ms between two frames)%n",
                        maxGapNanos / 1_000_000, maxCpuNanos / 1_000_000);
                System.out.printf(Locale.ROOT, "frames during the changes: %d; gaps over 33 ms: %d, over 50 ms: %d%n",
                        frames, gapsOver33, gapsOver50);
                System.out.println("whole run, " + GapProfiler.cpuByThread(threadsBefore, threadsAfter));
                for (String r : profiler == null ? List.<String>of() : profiler.reports()) {
                    System.out.println(r);
                }
            } catch (Exception e) {
                e.printStackTrace();
            } finally {
                Platform.runLater(Platform::exit);
            }
        }

        /**
         * Waits until the overview shows a finished snapshot (of current filter {@code where}, when given) and a
         * layout pulse has followed.
         */
        private void awaitOverview(String where) throws InterruptedException {
            CountDownLatch done = new CountDownLatch(1);
            Platform.runLater(() -> {
                javafx.beans.value.ChangeListener<Object> check = new javafx.beans.value.ChangeListener<>() {
                    @Override
                    public void changed(javafx.beans.value.ObservableValue<?> o, Object before, Object now) {
                        if (!workbench.incident().errorProperty().get().isEmpty()) {
                            System.err.println("overview error: " + workbench.incident().errorProperty().get());
                        }
                        IncidentSnapshot s = workbench.incident().snapshotProperty().get();
                        if (s == null || workbench.incident().computingProperty().get()
                                || workbench.overview().cards().isEmpty()
                                || where != null && !where.equals(s.spec().currentWhere())) {
                            return;
                        }
                        workbench.incident().snapshotProperty().removeListener(this);
                        workbench.incident().computingProperty().removeListener(this);
                        Runnable[] pulse = new Runnable[1];
                        pulse[0] = () -> {
                            workbench.scene().removePostLayoutPulseListener(pulse[0]);
                            done.countDown();
                        };
                        workbench.scene().addPostLayoutPulseListener(pulse[0]);
                        Platform.requestNextPulse();
                    }
                };
                workbench.incident().snapshotProperty().addListener(check);
                workbench.incident().computingProperty().addListener(check);
                if (where == null) {
                    check.changed(null, null, null);
                }
            });
            if (!done.await(3, TimeUnit.MINUTES)) {
                throw new IllegalStateException("the overview did not update within 3 minutes");
            }
        }
    }
}
