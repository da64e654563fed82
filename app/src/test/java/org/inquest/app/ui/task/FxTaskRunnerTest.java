package org.inquest.app.ui.task;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Work asked of a closed runner (a callback of the workspace just closed asking for more) is dropped like cancelled
 * work: no exception on the asking (FX) thread, nothing shown as running, neither callback called.
 */
class FxTaskRunnerTest {
    @Test
    void workSubmittedAfterCloseIsDroppedQuietly() {
        StatusModel status = new StatusModel();
        FxTaskRunner runner = new FxTaskRunner(1, () -> {
            throw new AssertionError("no connection is opened for dropped work");
        }, status);
        runner.close();
        List<Object> called = new ArrayList<>();
        TaskHandle handle = runner.submit("Reading values of preds", ctx -> 1, called::add, called::add);
        assertTrue(handle.isDone());
        handle.cancel();
        assertEquals(0, status.runningProperty().get());
        assertEquals("", status.runningTitleProperty().get());
        assertEquals(List.of(), called);
    }
}
