package org.inquest.app.ui.request;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Timestamp;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

/** What the request view's fields table shows for a value: the grids' formats. */
class RequestPaneTextTest {
    @Test
    void dateTimesReadAsIso8601AndDoublesWithFourDecimals() {
        assertEquals("2026-09-27T11:07:23.409403",
                RequestPane.text(Timestamp.valueOf(LocalDateTime.of(2026, 9, 27, 11, 7, 23, 409_403_000))));
        assertEquals("2026-09-27T11:07:23", RequestPane.text(LocalDateTime.of(2026, 9, 27, 11, 7, 23)));
        assertEquals("0.4651", RequestPane.text(0.46512));
        assertEquals("v1", RequestPane.text("v1"));
        assertEquals("7", RequestPane.text(7L));
    }
}
