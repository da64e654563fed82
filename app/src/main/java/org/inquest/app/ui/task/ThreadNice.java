package org.inquest.app.ui.task;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Lowers the Linux scheduling priority (nice value) of the threads that compete with the window for a core: the
 * threads that run DuckDB work (and, by inheritance, the threads DuckDB starts from them) and the JIT compilers.
 * On two cores the window's FX and render threads otherwise wait in the run queue behind them for 60–80 ms at a
 * time while a filter change runs; at nice 10 they are scheduled first and the longest frame gap stays under 50 ms
 * (ADR 0125). Lowering one's own priority needs no permission, and Linux keeps it per thread.
 *
 * <p>Java has no call for it ({@code Thread.setPriority} reaches the scheduler only with
 * {@code -XX:ThreadPriorityPolicy=1}, which prints a warning at every start for a user who is not root), so
 * {@code renice} does it. Elsewhere than Linux, or without {@code renice}, nothing changes.
 * {@code -Dinquest.backgroundNice=N} sets the value (0: leave the threads alone); {@code -Dinquest.jitNice=N} the
 * compilers' (default: the same).
 */
public final class ThreadNice {
    /** The nice value given to background threads; 0 leaves them alone. */
    public static final int BACKGROUND = Math.max(0, Math.min(19, Integer.getInteger("inquest.backgroundNice", 10)));
    /** The nice value given to the JIT compiler threads; 0 leaves them alone. */
    public static final int JIT = Math.max(0, Math.min(19, Integer.getInteger("inquest.jitNice", BACKGROUND)));
    private static final Path THREAD_SELF = Path.of("/proc/thread-self");
    private static final Path TASKS = Path.of("/proc/self/task");

    private ThreadNice() {
    }

    /** Gives the calling thread nice {@link #BACKGROUND} (unless it is already as low); threads it starts inherit it. */
    public static void lowerThisThread() {
        if (BACKGROUND == 0 || !Files.isDirectory(THREAD_SELF)) {
            return;
        }
        try {
            Path task = Files.readSymbolicLink(THREAD_SELF);
            Integer nice = niceOf(Files.readString(THREAD_SELF.resolve("stat")));
            if (nice != null && nice < BACKGROUND) {
                renice(BACKGROUND, List.of(task.getFileName().toString()));
            }
        } catch (IOException | RuntimeException e) {
            // Not Linux's /proc after all: the thread keeps its priority.
        }
    }

    /** Gives HotSpot's JIT compiler threads nice {@link #JIT}: their warm-up of the window's code is not urgent. */
    public static void lowerJitCompilers() {
        if (JIT == 0 || !Files.isDirectory(TASKS)) {
            return;
        }
        List<String> tids = new ArrayList<>();
        try (Stream<Path> tasks = Files.list(TASKS)) {
            for (Path t : (Iterable<Path>) tasks::iterator) {
                String name = read(t.resolve("comm"));
                Integer nice = niceOf(read(t.resolve("stat")));
                if (name != null && name.matches("C[12] CompilerThre.*") && nice != null && nice < JIT) {
                    tids.add(t.getFileName().toString());
                }
            }
        } catch (IOException | RuntimeException e) {
            return;
        }
        renice(JIT, tids);
    }

    /**
     * The nice value in a {@code /proc/.../stat} line (its 19th field; the 2nd, the thread's name in parentheses, may
     * hold spaces), or null when the line is not one.
     */
    static Integer niceOf(String stat) {
        if (stat == null) {
            return null;
        }
        int close = stat.lastIndexOf(')');
        String[] fields = stat.substring(close + 1).trim().split("\\s+");
        // fields[0] is the 3rd field (state), so the 19th is fields[16]
        try {
            return close < 0 || fields.length < 17 ? null : Integer.valueOf(fields[16]);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String read(Path p) {
        try {
            return Files.readString(p).trim();
        } catch (IOException e) {
            return null; // the thread ended meanwhile
        }
    }

    private static void renice(int nice, List<String> tids) {
        if (tids.isEmpty()) {
            return;
        }
        List<String> command = new ArrayList<>(List.of("renice", "-n", Integer.toString(nice), "-p"));
        command.addAll(tids);
        try {
            Process p = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            if (!p.waitFor(2, TimeUnit.SECONDS)) {
                p.destroy();
            }
        } catch (IOException e) {
            // no renice on this system: the threads keep their priority
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
