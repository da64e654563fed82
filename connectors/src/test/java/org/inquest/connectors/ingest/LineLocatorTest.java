package org.inquest.connectors.ingest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LineLocatorTest {
    @TempDir
    Path dir;

    @Test
    void offsetsOfLineStartsGiveTheirLineNumbers() throws Exception {
        // Lines start at bytes 0 ("a"), 2 ("bb"), 5 (""), 6 ("ccc"); the file ends without a newline at byte 9.
        Path file = Files.writeString(dir.resolve("f.txt"), "a\nbb\n\nccc", StandardCharsets.UTF_8);
        assertArrayEquals(new long[] {1, 2, 2, 3, 4, 4},
                LineLocator.linesAt(file, new long[] {0, 2, 2, 5, 6, 9}, new CancelHandle()));
        assertArrayEquals(new long[0], LineLocator.linesAt(file, new long[0], new CancelHandle()));
    }

    @Test
    void offsetsBeyondTheFirstReadBufferAreCounted() throws Exception {
        // 300,000 lines of 10 bytes: about 3 MB, so the later offsets lie in the third 1 MB buffer.
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 300_000; i++) {
            text.append(String.format("%09d\n", i));
        }
        Path file = Files.writeString(dir.resolve("g.txt"), text, StandardCharsets.UTF_8);
        assertArrayEquals(new long[] {1, 104_858, 299_999, 300_000},
                LineLocator.linesAt(file, new long[] {0, 1_048_570, 2_999_980, 2_999_990}, new CancelHandle()));
    }
}
