package org.inquest.analysis.report.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Code spans show a filter as typed; running text keeps markup from the data inert. */
class MarkdownTest {
    @Test
    void aCodeSpanKeepsComparisonsAndQuotesAsTyped() {
        assertEquals("`timestamp < '2026-09-18' AND a >= 1`", Markdown.code("timestamp < '2026-09-18' AND a >= 1"));
    }

    @Test
    void aCodeSpanFenceIsLongerThanAnyBacktickRunInside() {
        assertEquals("``a ` b``", Markdown.code("a ` b"));
        assertEquals("``` `x``y` ```", Markdown.code("`x``y`"));
        assertEquals("`a b`", Markdown.code("a\nb"));
    }

    @Test
    void runningTextStillEscapesMarkupFromTheData() {
        assertEquals("&lt;img src=x onerror=alert(1)> a\\|b \\_x\\_", Markdown.cell("<img src=x onerror=alert(1)> a|b _x_"));
    }
}
