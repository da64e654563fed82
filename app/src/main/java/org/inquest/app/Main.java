package org.inquest.app;

import org.inquest.app.cli.InquestCommand;

/**
 * Entry point of the {@code inquest} command and the workbench. Deliberately not a JavaFX {@code Application}:
 * launching through a plain main class lets JavaFX run from the class path, and keeps headless commands from ever
 * touching the display.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        org.inquest.connectors.timing.PhaseTimer.mark("JVM start to main");
        System.exit(InquestCommand.run(args));
    }
}
