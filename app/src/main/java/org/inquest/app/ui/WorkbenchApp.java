package org.inquest.app.ui;

import javafx.application.Application;
import javafx.stage.Stage;

/** The JavaFX application: one workbench window on the requested workspace (the demo incident when none). */
public final class WorkbenchApp extends Application {
    private Workbench workbench;

    @Override
    public void start(Stage stage) {
        workbench = new Workbench(stage);
        workbench.setHostServices(getHostServices());
        workbench.start(WorkbenchLauncher.requestedWorkspace());
    }

    @Override
    public void stop() {
        if (workbench != null) {
            workbench.close();
        }
    }
}
