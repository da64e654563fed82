package org.inquest.connectors.traces;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ByteLinesTest {
    private static List<String> lines(String text, int chunk) throws Exception {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        // a stream that hands out at most `chunk` bytes per read, as pipes and slow disks do
        InputStream in = new ByteArrayInputStream(bytes) {
            @Override
            public synchronized int read(byte[] b, int off, int len) {
                return super.read(b, off, Math.min(len, chunk));
            }
        };
        ByteLines lines = new ByteLines(in);
        List<String> out = new ArrayList<>();
        while (lines.next()) {
            out.add(new String(lines.buffer(), lines.start(), lines.length(), StandardCharsets.UTF_8));
        }
        return out;
    }

    @Test
    void splitsOnNewlinesDropsCarriageReturnsAndKeepsALastLineWithoutNewline() throws Exception {
        for (int chunk : new int[] {1, 3, 1 << 16}) {
            assertEquals(List.of("a", "", "bc", "d"), lines("a\n\r\nbc\r\nd", chunk));
            assertEquals(List.of("a", ""), lines("a\n\n", chunk));
            assertEquals(List.of(), lines("", chunk));
            assertEquals(List.of("é€"), lines("é€\n", chunk));
        }
    }

    @Test
    void aLineLongerThanTheBufferGrowsIt() throws Exception {
        String longLine = "x".repeat(200_000);
        assertEquals(List.of("first", longLine, "last"), lines("first\n" + longLine + "\nlast\n", 4096));
    }
}
