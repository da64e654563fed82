package org.inquest.app.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.inquest.app.ui.WorkbenchLauncher;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code inquest open WORKSPACE}: the workbench on a workspace. */
@Command(name = "open", mixinStandardHelpOptions = true, description = "Open a workspace in the desktop workbench.")
public final class OpenCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "WORKSPACE", description = "The workspace file (.duckdb).")
    Path workspace;

    @Override
    public Integer call() {
        return launchWorkbench(workspace);
    }

    /** Starts the workbench; JavaFX classes load only from here, so headless subcommands never touch them. */
    static int launchWorkbench(Path workspace) {
        return WorkbenchLauncher.launch(workspace);
    }
}
