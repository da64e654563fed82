package org.inquest.app.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.inquest.connectors.error.InquestException;
import org.inquest.connectors.timing.PhaseTimer;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The top-level {@code inquest} command. With no subcommand it opens the workbench; every subcommand is headless.
 * Exit codes follow the contract: 0 ok, 1 gate crossed, 2 usage, 3 input, 4 internal.
 */
@Command(name = "inquest", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Investigate machine-learning incidents: import prediction logs, snapshots and traces into a"
                + " workspace, compare slices, and export a postmortem report.",
        subcommandsRepeatable = false)
public final class InquestCommand implements Callable<Integer> {
    public static final int EXIT_OK = 0;
    public static final int EXIT_GATE = 1;
    public static final int EXIT_USAGE = 2;
    public static final int EXIT_INPUT = 3;
    public static final int EXIT_INTERNAL = 4;

    @Option(names = "--debug", scope = CommandLine.ScopeType.INHERIT,
            description = "Print stack traces for errors.")
    boolean debug;

    @Option(names = "--workspace", description = "Workspace to open in the workbench (default: the demo incident).")
    java.nio.file.Path workspace;

    /** Subcommands, in the order --help lists them. Each is a small class of its own in this package. */
    static List<Object> subcommands() {
        return List.of(new OpenCommand(), new DriftCommand(), new TraceCommand(), new QualityCommand(),
                new DemoCommand(),
                new ImportCommand(), new TablesCommand(), new LinkCommand(), new QuarantineCommand(),
                new QueryCommand(),
                new ReportCommand(), new ReplayCommand());
    }

    @Override
    public Integer call() {
        return OpenCommand.launchWorkbench(workspace);
    }

    /** Runs the command line and returns the process exit code; never calls {@code System.exit}. */
    public static int run(String... args) {
        return run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
    }

    public static int run(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cli = commandLine(out, err, invokedSubcommand(args));
        PhaseTimer.mark("command line model (picocli)");
        int code = cli.execute(args);
        PhaseTimer.mark("command finished");
        return code;
    }

    static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        return commandLine(out, err, null);
    }

    /**
     * The command line with every subcommand, or with only {@code only} when it names one: picocli builds a
     * subcommand's model by reflection over its options and mixins, which costs a headless run more than the
     * command it runs on a small input, so a run that names its subcommand builds just that one. Help and error
     * messages of that subcommand are the same either way.
     */
    static CommandLine commandLine(PrintWriter out, PrintWriter err, String only) {
        InquestCommand root = new InquestCommand();
        CommandLine cli = new CommandLine(root);
        List<Object> all = subcommands();
        Object named = only == null ? null : all.stream().filter(sub -> only.equals(nameOf(sub))).findFirst()
                .orElse(null);
        for (Object sub : named == null ? all : List.of(named)) {
            cli.addSubcommand(sub);
        }
        cli.setOut(out);
        cli.setErr(err);
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        cli.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            boolean debugOn = parseResult.matchedOptionValue("--debug", false)
                    || parseResult.subcommands().stream().anyMatch(p -> p.matchedOptionValue("--debug", false))
                    || debugRequested(parseResult);
            return report(ex, commandLine.getErr(), debugOn);
        });
        cli.setParameterExceptionHandler((ex, args) -> {
            ex.getCommandLine().getErr().println("inquest: " + ex.getMessage());
            ex.getCommandLine().getErr().println("Try '" + ex.getCommandLine().getCommandSpec().qualifiedName()
                    + " --help' for more information.");
            return EXIT_USAGE;
        });
        return cli;
    }

    /**
     * The subcommand a command line names: its first argument when that is not an option (root options come before
     * it), else null. A name that is no subcommand's gives null too, so picocli sees every subcommand and suggests.
     */
    static String invokedSubcommand(String... args) {
        return args.length == 0 || args[0].startsWith("-") ? null : args[0];
    }

    private static String nameOf(Object subcommand) {
        Command command = subcommand.getClass().getAnnotation(Command.class);
        return command == null ? null : command.name();
    }

    private static boolean debugRequested(CommandLine.ParseResult parseResult) {
        for (CommandLine.ParseResult p = parseResult; p != null; p = p.subcommand()) {
            if (p.hasMatchedOption("--debug")) {
                return true;
            }
        }
        return false;
    }

    /** Maps a failure to one line on stderr (plus the stack trace with --debug) and the contract's exit code. */
    static int report(Throwable ex, PrintWriter err, boolean debug) {
        Throwable cause = ex;
        while (!(cause instanceof InquestException) && cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        int code;
        String message;
        if (cause instanceof InquestException known) {
            code = known.exitCode();
            message = known.getMessage();
        } else {
            code = EXIT_INTERNAL;
            message = "internal error: " + ex;
        }
        err.println("inquest: " + oneLine(message));
        if (debug) {
            ex.printStackTrace(err);
        } else if (code == EXIT_INTERNAL) {
            err.println("(run again with --debug for the stack trace)");
        }
        err.flush();
        return code;
    }

    private static String oneLine(String message) {
        return message == null ? "" : message.replace('\n', ' ').replace('\r', ' ');
    }
}
