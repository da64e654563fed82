package org.inquest.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoCommandTest {
    @TempDir
    Path temp;

    @Test
    void writesTheDemoAndSaysWhere() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Path dir = temp.resolve("demo");
        int code = InquestCommand.run(new PrintWriter(out), new PrintWriter(err),
                "demo", "--out", dir.toString(), "--rows", "3000", "--seed", "5", "--format", "csv");
        assertEquals(0, code, err.toString());
        assertTrue(out.toString().startsWith("demo incident written to " + dir), out.toString());
        assertTrue(Files.isRegularFile(dir.resolve("predictions.csv")));
        assertTrue(Files.isRegularFile(dir.resolve("README.md")));
        assertTrue(err.toString().contains("predictions.csv (3,000 rows"), err.toString());
    }

    @Test
    void tooFewRowsIsAUsageErrorOnOneLine() {
        StringWriter err = new StringWriter();
        int code = InquestCommand.run(new PrintWriter(new StringWriter()), new PrintWriter(err),
                "demo", "--out", temp.resolve("x").toString(), "--rows", "10");
        assertEquals(2, code);
        assertTrue(err.toString().startsWith("inquest: --rows must be at least 3000"), err.toString());
        assertEquals(1, err.toString().lines().count(), err.toString());
        assertFalse(Files.exists(temp.resolve("x")), "nothing written");
    }

    @Test
    void unknownFormatIsAUsageError() {
        StringWriter err = new StringWriter();
        int code = InquestCommand.run(new PrintWriter(new StringWriter()), new PrintWriter(err),
                "demo", "--out", temp.toString(), "--format", "xlsx");
        assertEquals(2, code);
        assertTrue(err.toString().contains("--format"), err.toString());
    }

    @Test
    void anOutputPathThatIsAFileIsAnInputError() throws Exception {
        Path file = Files.writeString(temp.resolve("taken"), "x");
        StringWriter err = new StringWriter();
        int code = InquestCommand.run(new PrintWriter(new StringWriter()), new PrintWriter(err),
                "demo", "--out", file.toString(), "--rows", "3000");
        assertEquals(3, code);
        assertTrue(err.toString().startsWith("inquest: cannot write the demo to " + file), err.toString());
    }
}
