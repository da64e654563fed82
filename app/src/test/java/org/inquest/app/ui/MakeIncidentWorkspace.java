package org.inquest.app.ui;

import java.nio.file.Path;
import org.inquest.connectors.workspace.Workspace;

/** Writes the small test incident to a folder, for looking at the workbench by hand (not a test). */
public final class MakeIncidentWorkspace {
    private MakeIncidentWorkspace() {
    }

    public static void main(String[] args) throws Exception {
        try (Workspace ws = TestWorkspaces.incident(Path.of(args[0]), Integer.parseInt(args[1]))) {
            System.out.println(ws.file());
        }
    }
}
