package org.inquest.app.ui.traces;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class TimeAxisTest {
    @Test
    void oneTwoFiveSteps() {
        // 250 / 4 = 62.5 per step: 50 is too small, the next of 1-2-5 x 10^k is 100
        assertEquals(100.0, TimeAxis.step(250, 4), 1e-12);
        assertEquals(List.of(0.0, 100.0, 200.0), TimeAxis.ticks(250, 4));
        // 1 / 5 = 0.2 exactly
        assertEquals(0.2, TimeAxis.step(1, 5), 1e-12);
        // 761.47 / 8 = 95.2 -> 100
        assertEquals(100.0, TimeAxis.step(761.47, 8), 1e-12);
        // 12,000 / 4 = 3,000 -> 5,000
        assertEquals(5000.0, TimeAxis.step(12_000, 4), 1e-12);
    }

    @Test
    void labels() {
        assertEquals("0.4 ms", TimeAxis.label(0.4, 0.2));
        assertEquals("0.05 ms", TimeAxis.label(0.05, 0.05));
        assertEquals("300 ms", TimeAxis.label(300, 100));
        assertEquals("5 s", TimeAxis.label(5000, 5000));
        assertEquals("2.5 s", TimeAxis.label(2500, 2500));
    }
}
