package org.inquest.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Set;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** A run that names its subcommand builds only that one's model (start-up, ADR 0011); nothing else changes. */
class SubcommandRegistrationTest {
    private static CommandLine commandLine(String only) {
        PrintWriter sink = new PrintWriter(new StringWriter());
        return InquestCommand.commandLine(sink, sink, only);
    }

    @Test
    void theSubcommandIsTheFirstArgumentWhenItIsNotAnOption() {
        assertEquals("drift", InquestCommand.invokedSubcommand("drift", "--workspace", "w.duckdb"));
        assertEquals("trace", InquestCommand.invokedSubcommand("trace", "stats"));
        assertNull(InquestCommand.invokedSubcommand());
        assertNull(InquestCommand.invokedSubcommand("--debug", "drift"));
        assertNull(InquestCommand.invokedSubcommand("--version"));
    }

    @Test
    void aNamedSubcommandIsTheOnlyOneBuiltAndItsHelpIsUnchanged() {
        CommandLine all = commandLine(null);
        assertTrue(all.getSubcommands().size() > 5, all.getSubcommands().keySet().toString());
        for (String name : all.getSubcommands().keySet()) {
            CommandLine one = commandLine(name);
            assertEquals(Set.of(name), one.getSubcommands().keySet());
            assertEquals(all.getSubcommands().get(name).getUsageMessage(),
                    one.getSubcommands().get(name).getUsageMessage(), name);
        }
    }

    @Test
    void anUnknownSubcommandStillSeesEveryNameAndIsAUsageError() {
        CliRun run = CliRun.of("drfit", "--workspace", "w.duckdb");
        assertEquals(InquestCommand.EXIT_USAGE, run.code());
        assertTrue(run.err().startsWith("inquest: Unmatched argument at index 0: 'drfit'"), run.err());
        assertEquals(commandLine(null).getSubcommands().keySet(), commandLine("drfit").getSubcommands().keySet());
    }
}
