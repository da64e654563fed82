package org.inquest.app.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.inquest.connectors.error.InputException;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/** The {@code --out FILE} option of the commands that print one document: the file, or standard output. */
public final class OutputOption {
    @Option(names = "--out", paramLabel = "FILE", description = "Write the output to FILE instead of stdout.")
    Path out;

    /** Writes the whole document; a file that cannot be written is an input error naming it (exit 3). */
    void write(CommandSpec spec, String text) {
        if (out == null) {
            PrintWriter stdout = spec.commandLine().getOut();
            stdout.print(text);
            stdout.flush();
            return;
        }
        try {
            Files.writeString(out, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new InputException("cannot write " + out + ": " + e.getMessage(), e);
        }
    }
}
