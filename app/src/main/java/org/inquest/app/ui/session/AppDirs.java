package org.inquest.app.ui.session;

import java.nio.file.Path;

/**
 * Where the workbench keeps its own files: the demo incident and the recent-workspaces list. The user's data folder
 * per the XDG convention ({@code $XDG_DATA_HOME/inquest}, else {@code ~/.local/share/inquest}); the system property
 * {@code inquest.data.dir} or the environment variable {@code INQUEST_DATA_DIR} override it (tests use this).
 */
public final class AppDirs {
    private AppDirs() {
    }

    public static Path dataDir() {
        String prop = System.getProperty("inquest.data.dir");
        if (prop != null && !prop.isBlank()) {
            return Path.of(prop);
        }
        String env = System.getenv("INQUEST_DATA_DIR");
        if (env != null && !env.isBlank()) {
            return Path.of(env);
        }
        String xdg = System.getenv("XDG_DATA_HOME");
        if (xdg != null && !xdg.isBlank()) {
            return Path.of(xdg, "inquest");
        }
        return Path.of(System.getProperty("user.home"), ".local", "share", "inquest");
    }

    /** The demo incident's workspace, generated on first run. */
    public static Path demoWorkspace() {
        return dataDir().resolve("demo").resolve("incident.duckdb");
    }

    public static Path recentFile() {
        return dataDir().resolve("recent-workspaces.txt");
    }
}
