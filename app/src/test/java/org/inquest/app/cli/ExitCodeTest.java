package org.inquest.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class ExitCodeTest {
    @Test
    void versionPrintsTheProjectVersion() {
        StringWriter out = new StringWriter();
        int code = InquestCommand.run(new PrintWriter(out), new PrintWriter(new StringWriter()), "--version");
        assertEquals(0, code);
        assertTrue(out.toString().matches("inquest \\d+\\.\\d+\\.\\d+.*\\s*"), out.toString());
    }

    @Test
    void unknownFlagIsAUsageErrorOnOneLine() {
        StringWriter err = new StringWriter();
        int code = InquestCommand.run(new PrintWriter(new StringWriter()), new PrintWriter(err), "--no-such-flag");
        assertEquals(2, code);
        assertTrue(err.toString().startsWith("inquest: Unknown option: '--no-such-flag'"), err.toString());
    }
}
