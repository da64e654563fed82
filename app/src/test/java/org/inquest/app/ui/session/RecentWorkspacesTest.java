package org.inquest.app.ui.session;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecentWorkspacesTest {
    @TempDir
    Path dir;

    @Test
    void newestFirstWithoutDuplicatesAndBounded() {
        RecentWorkspaces recent = new RecentWorkspaces(dir.resolve("sub/recent.txt"));
        for (int i = 0; i < 10; i++) {
            recent.remember(dir.resolve("w" + i + ".duckdb"));
        }
        recent.remember(dir.resolve("w5.duckdb"));
        List<Path> list = new RecentWorkspaces(dir.resolve("sub/recent.txt")).list();
        assertEquals(RecentWorkspaces.MAX, list.size());
        assertEquals(dir.resolve("w5.duckdb"), list.get(0));
        assertEquals(dir.resolve("w9.duckdb"), list.get(1));
        assertEquals(1, list.stream().filter(p -> p.endsWith("w5.duckdb")).count());
    }
}
