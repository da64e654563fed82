package org.inquest.app.ui.bench;

import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.inquest.app.ui.analysis.IncidentService;
import org.inquest.app.ui.analysis.ReferenceCache;
import org.inquest.app.ui.slice.SliceSpec;
import org.inquest.app.ui.task.DirectTaskRunner;
import org.inquest.app.ui.task.Work;
import org.inquest.connectors.workspace.Workspace;

/**
 * Benchmark (not a test) of the work behind one filter change, without a window, both ways in one run (same
 * machine load): <b>full</b> — the whole snapshot sequentially and uncached, as session 1's workbench computed it
 * (counts, model quality, calibration, latency, drift, the full data quality report) — and <b>workbench</b> — the
 * three parts the workbench now submits (model, drift, quality grades) on two threads with one connection each,
 * the reference's results cached. Alternates the two over N current filters after two warm-up rounds and prints
 * p50/p95/max of each, wall time and the process's CPU time (all threads; steadier on a shared machine). Usage:
 * {@code SliceBench WORKSPACE [changes [duckdbThreads]]} (read-only).
 */
public final class SliceBench {
    private SliceBench() {
    }

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        int changes = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        Integer threads = args.length > 2 ? Integer.valueOf(args[2]) : null;
        List<Long> full = new ArrayList<>();
        List<Long> workbench = new ArrayList<>();
        List<Long> fullCpu = new ArrayList<>();
        List<Long> workbenchCpu = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try (Workspace ws = Workspace.openReadOnly(file); Connection c1 = ws.newConnection();
                Connection c2 = ws.newConnection()) {
            if (threads != null) {
                // DuckDB's threads are per database: one setting for both connections.
                try (java.sql.Statement st = c1.createStatement()) {
                    st.execute("SET threads = " + threads);
                }
            }
            IncidentService service = new IncidentService();
            ReferenceCache cache = new ReferenceCache();
            DirectTaskRunner r1 = new DirectTaskRunner(() -> c1);
            DirectTaskRunner r2 = new DirectTaskRunner(() -> c2);
            for (int i = -2; i < changes; i++) {
                SliceSpec spec = new SliceSpec("predictions", "\"timestamp\" < TIMESTAMP '2026-09-08 00:00:00'",
                        "predictions", WorkbenchBench.filter(i));
                long start = System.nanoTime();
                long cpu = WorkbenchBench.processCpuNanos();
                run(r1, ctx -> service.compute(ctx, spec));
                long fullMs = (System.nanoTime() - start) / 1_000_000;
                long fullCpuMs = (WorkbenchBench.processCpuNanos() - cpu) / 1_000_000;
                start = System.nanoTime();
                cpu = WorkbenchBench.processCpuNanos();
                // As the workbench's two workers take the three parts: model and drift at once, quality next.
                Future<?> model = pool.submit(() -> run(r1, ctx -> service.model(ctx, spec, cache)));
                Future<?> drift = pool.submit(() -> run(r2, ctx -> service.drift(ctx, spec, cache)));
                model.get();
                Future<?> quality = pool.submit(() -> run(r1, ctx -> service.qualityAlerts(ctx, spec, cache)));
                drift.get();
                quality.get();
                long workbenchMs = (System.nanoTime() - start) / 1_000_000;
                long workbenchCpuMs = (WorkbenchBench.processCpuNanos() - cpu) / 1_000_000;
                System.out.printf(Locale.ROOT, "change %2d: full %6d ms (CPU %6d ms)  workbench %6d ms (CPU %6d ms)%n",
                        i, fullMs, fullCpuMs, workbenchMs, workbenchCpuMs);
                if (i >= 0) {
                    full.add(fullMs);
                    workbench.add(workbenchMs);
                    fullCpu.add(fullCpuMs);
                    workbenchCpu.add(workbenchCpuMs);
                }
            }
        } finally {
            pool.shutdownNow();
        }
        System.out.printf(Locale.ROOT, "DuckDB threads: %s%n", threads == null ? "default (cores)" : threads);
        print("full (session 1: sequential, uncached, full quality report)", full);
        print("  its process CPU per change", fullCpu);
        print("workbench (3 parts on 2 workers, reference cached, quality grades)", workbench);
        print("  its process CPU per change", workbenchCpu);
    }

    private static <T> T run(DirectTaskRunner runner, Work<T> work) {
        List<T> out = new ArrayList<>(1);
        runner.submit("bench", work, out::add, e -> {
            throw new IllegalStateException(e);
        });
        return out.get(0);
    }

    private static void print(String what, List<Long> ms) {
        List<Long> sorted = new ArrayList<>(ms);
        sorted.sort(null);
        System.out.printf(Locale.ROOT, "%s: %d changes  p50 %d ms  p95 %d ms  max %d ms%n", what, sorted.size(),
                WorkbenchBench.percentile(sorted, 0.50), WorkbenchBench.percentile(sorted, 0.95),
                sorted.get(sorted.size() - 1));
    }
}
