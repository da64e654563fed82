package org.inquest.app.ui.task;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** Background threads run at a lower Linux priority than the window's (ADR 0125). */
class ThreadNiceTest {
    @Test
    void readsTheNiceFieldEvenWhenTheThreadNameHasSpacesAndParentheses() {
        // a real line of /proc/PID/task/TID/stat for "C2 CompilerThre" at nice 10 (fields 3-52), with ") (" in the name
        String stat = "4242 (C2 Compiler) (x) S 4200 4200 4100 0 -1 4194368 1200 0 0 0 180 12 0 0 30 10 1 0 9876 "
                + "4000000000 30000 18446744073709551615 1 1 0 0 0 0 0 4096 0 0 0 0 -1 1 0 0 0 0 0 0 0 0 0 0 0 0 0";
        assertEquals(10, ThreadNice.niceOf(stat));
        assertEquals(-5, ThreadNice.niceOf(stat.replace(" 30 10 1 ", " 15 -5 1 ")));
        assertNull(ThreadNice.niceOf("not a stat line"));
        assertNull(ThreadNice.niceOf(null));
    }

    @Test
    void aBackgroundThreadAndTheThreadsItStartsRunAtTheLowerPriority() throws Exception {
        assumeTrue(Files.isDirectory(Path.of("/proc/thread-self")) && ThreadNice.BACKGROUND > 0, "Linux only");
        assumeTrue(onPath("renice"), "needs renice (util-linux)");
        AtomicReference<Integer> own = new AtomicReference<>();
        AtomicReference<Integer> child = new AtomicReference<>();
        Thread t = BackgroundWork.thread(() -> {
            own.set(currentNice());
            // a thread started from it, as DuckDB starts its own from the thread that opens the database
            Thread inner = new Thread(() -> child.set(currentNice()));
            inner.start();
            try {
                inner.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "nice-test");
        t.start();
        t.join();
        int before = currentNice();
        assertEquals(Math.max(before, ThreadNice.BACKGROUND), own.get());
        assertEquals(Math.max(before, ThreadNice.BACKGROUND), child.get());
        assertEquals(before, currentNice(), "the caller keeps its priority");
    }

    private static int currentNice() {
        try {
            return ThreadNice.niceOf(Files.readString(Path.of("/proc/thread-self/stat")));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean onPath(String command) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, command))) {
                return true;
            }
        }
        return false;
    }
}
