package org.inquest.app.ui.bench;

import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;

/**
 * Says what the process did during a long gap between two frames (benchmark diagnostics, Linux only). A watcher
 * thread polls every 2 ms; once no frame has come for {@link #SUSPECT_MS} it reads every native thread's run time
 * and run-queue wait ({@code /proc/self/task/TID/schedstat}, nanoseconds, GC and JIT threads included, which
 * {@code ThreadMXBean} does not list) and samples the stacks of the FX and render threads every 5 ms; when the next
 * frame comes it reads them again. A gap of at least {@code reportMs} is kept: per thread name the CPU and run-queue
 * time in it, GC time, JIT time and the FX/render threads' most frequent top frames.
 */
final class GapProfiler {
    /** A frame that has not come this long after the last one starts a suspected gap (a frame is ≈ 17 ms). */
    static final long SUSPECT_MS = 20;
    private static final Path TASKS = Path.of("/proc/self/task");

    private final long reportMs;
    private final List<String> reports = new ArrayList<>();
    private volatile long lastFrameNanos;
    private volatile boolean recording;
    private final Thread watcher;

    GapProfiler(long reportMs) {
        this.reportMs = reportMs;
        watcher = new Thread(this::watch, "gap-profiler");
        watcher.setDaemon(true);
        watcher.start();
    }

    /** Called by the FX thread at every frame. */
    void frame() {
        lastFrameNanos = System.nanoTime();
    }

    void recording(boolean on) {
        recording = on;
    }

    synchronized List<String> reports() {
        return new ArrayList<>(reports);
    }

    private void watch() {
        var threads = ManagementFactory.getThreadMXBean();
        while (true) {
            LockSupport.parkNanos(2_000_000);
            long frame = lastFrameNanos;
            if (!recording || frame == 0 || System.nanoTime() - frame < SUSPECT_MS * 1_000_000) {
                continue;
            }
            Map<String, long[]> before = schedstat();
            long gcBefore = gcMillis();
            long jitBefore = ManagementFactory.getCompilationMXBean().getTotalCompilationTime();
            Map<String, Integer> fxTops = new HashMap<>();
            Map<String, Integer> renderTops = new HashMap<>();
            long fxId = threadId("JavaFX Application Thread");
            long renderId = threadId("QuantumRenderer-0");
            int samples = 0;
            while (lastFrameNanos == frame) {
                if (samples < 400) {
                    sample(threads, fxId, fxTops);
                    sample(threads, renderId, renderTops);
                    samples++;
                }
                LockSupport.parkNanos(5_000_000);
            }
            long gapMs = (lastFrameNanos - frame) / 1_000_000;
            if (gapMs < reportMs) {
                continue;
            }
            Map<String, long[]> after = schedstat();
            long gc = gcMillis() - gcBefore;
            long jit = ManagementFactory.getCompilationMXBean().getTotalCompilationTime() - jitBefore;
            long measured = (System.nanoTime() - frame) / 1_000_000 - SUSPECT_MS;
            String report = String.format(Locale.ROOT,
                    "gap %d ms at uptime %d ms (threads measured over its last ≈ %d ms; GC %d ms, JIT %d ms)%n"
                            + "    CPU ms by thread: %s%n    run-queue wait ms: %s%n    FX thread: %s%n"
                            + "    render thread: %s",
                    gapMs, ManagementFactory.getRuntimeMXBean().getUptime() - gapMs, measured, gc, jit,
                    top(before, after, 0, 8), top(before, after, 1, 5), tops(fxTops), tops(renderTops));
            synchronized (this) {
                reports.add(report);
            }
        }
    }

    /** Every thread's run time so far, to compare two moments with {@link #cpuByThread}. */
    static Map<String, long[]> threadTimes() {
        return schedstat();
    }

    /** CPU and run-queue wait by thread name between two {@link #threadTimes()}. */
    static String cpuByThread(Map<String, long[]> before, Map<String, long[]> after) {
        return "CPU ms by thread: " + top(before, after, 0, 14) + "\n    run-queue wait ms by thread: "
                + top(before, after, 1, 6);
    }

    private static long threadId(String name) {
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.getName().equals(name)) {
                return t.getId();
            }
        }
        return -1;
    }

    private static void sample(java.lang.management.ThreadMXBean threads, long id, Map<String, Integer> tops) {
        if (id < 0) {
            return;
        }
        ThreadInfo info = threads.getThreadInfo(id, 3);
        if (info == null) {
            return;
        }
        StackTraceElement[] stack = info.getStackTrace();
        String top = info.getThreadState() + " " + (stack.length == 0 ? "?"
                : stack[0].getClassName().replaceAll(".*\\.", "") + "." + stack[0].getMethodName()
                        + (stack.length > 1 ? " < " + stack[1].getClassName().replaceAll(".*\\.", "") + "."
                                + stack[1].getMethodName() : ""));
        tops.merge(top, 1, Integer::sum);
    }

    private static String tops(Map<String, Integer> tops) {
        int total = tops.values().stream().mapToInt(Integer::intValue).sum();
        StringBuilder out = new StringBuilder(total + " samples");
        tops.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(3)
                .forEach(e -> out.append("; ").append(e.getValue()).append("× ").append(e.getKey()));
        return out.toString();
    }

    private static long gcMillis() {
        long sum = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            sum += Math.max(0, gc.getCollectionTime());
        }
        return sum;
    }

    /** Run time and run-queue wait (ns) per thread name, summed over threads of the same (truncated) name. */
    private static Map<String, long[]> schedstat() {
        Map<String, long[]> out = new HashMap<>();
        try (DirectoryStream<Path> tasks = Files.newDirectoryStream(TASKS)) {
            for (Path task : tasks) {
                try {
                    String name = Files.readString(task.resolve("comm")).trim().replaceAll("[0-9]+$", "#");
                    String[] f = Files.readString(task.resolve("schedstat")).trim().split(" ");
                    long[] v = out.computeIfAbsent(name, k -> new long[2]);
                    v[0] += Long.parseLong(f[0]);
                    v[1] += Long.parseLong(f[1]);
                } catch (IOException | RuntimeException ended) {
                    // The thread ended between the listing and the read.
                }
            }
        } catch (IOException e) {
            return out;
        }
        return out;
    }

    private static String top(Map<String, long[]> before, Map<String, long[]> after, int field, int n) {
        Map<String, Long> delta = new LinkedHashMap<>();
        after.forEach((name, v) -> {
            long[] b = before.get(name);
            long d = v[field] - (b == null ? 0 : b[field]);
            if (d > 500_000) {
                delta.put(name, d);
            }
        });
        long total = delta.values().stream().mapToLong(Long::longValue).sum();
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "total %d", total / 1_000_000));
        delta.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder()))
                .limit(n).forEach(e -> out.append(", ").append(e.getKey()).append(' ')
                        .append(e.getValue() / 1_000_000));
        return out.toString();
    }
}
