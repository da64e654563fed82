package org.inquest.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.PrintWriter;
import org.inquest.connectors.error.UsageException;
import picocli.CommandLine.Command;

/** {@code inquest trace}: the trace commands ({@code stats}, {@code show}, {@code request}, {@code compare}). */
@Command(name = "trace", mixinStandardHelpOptions = true,
        description = "Analyse imported traces: per-operation latency statistics (one slice or two side by side),"
                + " single-trace waterfalls, requests with their predictions, slow-vs-normal cohort compare.",
        subcommands = {TraceStatsCommand.class, TraceShowCommand.class, TraceRequestCommand.class,
            TraceCompareCommand.class})
public final class TraceCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                "missing subcommand: stats, show, request or compare");
    }

    /** The two output formats of the trace commands. */
    enum Format {
        JSON, TABLE;

        static Format fromWireName(String text) {
            for (Format f : values()) {
                if (f.name().equalsIgnoreCase(text.trim())) {
                    return f;
                }
            }
            throw new UsageException("unknown format '" + text + "' (expected json or table)");
        }
    }

    static void printJson(PrintWriter out, Object value) {
        try {
            out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(value));
            out.flush();
        } catch (IOException e) {
            throw new IllegalStateException("result is not serialisable", e);
        }
    }
}
