package org.inquest.app.ui.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.inquest.app.ui.task.DirectTaskRunner;
import org.inquest.app.ui.task.StatusModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opening a workspace — on first run, generating the demo incident for a minute — shows in the status bar as a
 * running task (title and indeterminate progress) until the workspace is open or has failed.
 */
class WorkbenchViewModelTest {
    @TempDir
    Path dir;
    final List<Runnable> background = new ArrayList<>();
    final StatusModel status = new StatusModel();

    WorkbenchViewModel viewModel() {
        return new WorkbenchViewModel(background::add, Runnable::run, ws -> new DirectTaskRunner(ws::connection),
                new RecentWorkspaces(dir.resolve("recent.txt")), status);
    }

    @Test
    void openingShowsAsARunningTaskUntilTheWorkspaceIsOpen() {
        WorkbenchViewModel vm = viewModel();
        vm.open(dir.resolve("w.duckdb"));
        assertEquals(1, status.runningProperty().get());
        assertEquals("Opening w.duckdb", status.runningTitleProperty().get());
        assertEquals(-1.0, status.progressProperty().get(), "indeterminate");
        background.remove(0).run();
        assertEquals(0, status.runningProperty().get());
        assertEquals("", status.runningTitleProperty().get());
        assertEquals(dir.resolve("w.duckdb"), vm.pathProperty().get());
        vm.close();
    }

    @Test
    void aFailedOpeningEndsItsTaskToo() {
        WorkbenchViewModel vm = viewModel();
        vm.openWith(dir.resolve("demo.duckdb"), "Generating the demo incident", () -> {
            throw new IllegalStateException("disk full");
        });
        assertEquals("Generating the demo incident", status.runningTitleProperty().get());
        background.remove(0).run();
        assertEquals(0, status.runningProperty().get());
        assertTrue(status.messageProperty().get().contains("disk full"), status.messageProperty().get());
        assertNull(vm.workspaceProperty().get());
    }
}
