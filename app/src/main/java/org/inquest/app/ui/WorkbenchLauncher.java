package org.inquest.app.ui;

import java.nio.file.Path;
import javafx.application.Application;

/** Starts the JavaFX workbench from the plain main class (JavaFX on the class path needs this indirection). */
public final class WorkbenchLauncher {
    private static volatile Path requestedWorkspace;

    private WorkbenchLauncher() {
    }

    /** Blocks until the window is closed; returns the exit code. */
    public static int launch(Path workspace) {
        requestedWorkspace = workspace;
        Application.launch(WorkbenchApp.class);
        return 0;
    }

    static Path requestedWorkspace() {
        return requestedWorkspace;
    }
}
