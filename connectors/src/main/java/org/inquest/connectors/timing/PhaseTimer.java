package org.inquest.connectors.timing;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/**
 * Where a process's time goes, on stderr, when the system property {@value #PROPERTY} is {@code true} (set it with
 * {@code INQUEST_JAVA_OPTS=-Dinquest.timing=true}; the benchmarks in docs/PERFORMANCE.md use it). Each line names
 * the phase that just ended, its duration (since the previous mark) and the time since the operating system started
 * the process, so the JVM's own start-up before {@code main} shows too, each with the CPU time the whole process
 * used. Off, a mark costs one boolean test.
 */
public final class PhaseTimer {
    public static final String PROPERTY = "inquest.timing";
    private static final boolean ON = Boolean.getBoolean(PROPERTY);
    private static long last = System.nanoTime();
    private static double lastCpu;

    private PhaseTimer() {
    }

    public static boolean enabled() {
        return ON;
    }

    /** Reports the phase that just ended and starts the next one. */
    public static synchronized void mark(String phase) {
        if (!ON) {
            return;
        }
        long now = System.nanoTime();
        double cpu = processCpuSeconds();
        System.err.printf(Locale.ROOT, "inquest timing: %-38s %7.3f s  cpu %6.3f s  (process %6.3f s, cpu %6.3f s)%n",
                phase, (now - last) / 1e9, cpu - lastCpu, sinceProcessStart(), cpu);
        lastCpu = cpu;
        last = System.nanoTime();
    }

    /**
     * CPU seconds used by the whole process so far, DuckDB's native threads included: on a loaded machine (where
     * wall times mostly measure the other processes) this is the figure that says what a phase costs.
     */
    static double processCpuSeconds() {
        if (java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime() / 1e9;
        }
        return Double.NaN;
    }

    /** Seconds since the operating system started this process (10 ms resolution on Linux), or NaN. */
    static double sinceProcessStart() {
        return ProcessHandle.current().info().startInstant()
                .map(s -> Duration.between(s, Instant.now()).toNanos() / 1e9).orElse(Double.NaN);
    }
}
