package org.inquest.app.ui.session;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.Function;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.inquest.app.ui.task.Errors;
import org.inquest.app.ui.task.StatusModel;
import org.inquest.app.ui.task.TaskRunner;
import org.inquest.connectors.workspace.Workspace;

/**
 * The window's top-level state: which workspace is open (and its task runner), the recent workspaces, the theme,
 * and the last error. Opening a workspace (and generating the demo on first run) happens on {@code background};
 * results come back through {@code ui}. Child view models are attached to each new runner by listeners.
 */
public final class WorkbenchViewModel {
    private final Executor background;
    private final Executor ui;
    private final Function<Workspace, TaskRunner> runners;
    private final RecentWorkspaces recentStore;
    private final StatusModel status;
    private final ReadOnlyObjectWrapper<Workspace> workspace = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<TaskRunner> runner = new ReadOnlyObjectWrapper<>();
    private final StringProperty title = new SimpleStringProperty("Inquest");
    private final StringProperty error = new SimpleStringProperty("");
    private final BooleanProperty opening = new SimpleBooleanProperty(false);
    private final BooleanProperty dark = new SimpleBooleanProperty(false);
    private final ObservableList<Path> recent = FXCollections.observableArrayList();
    private final ObjectProperty<Path> path = new SimpleObjectProperty<>();

    public WorkbenchViewModel(Executor background, Executor ui, Function<Workspace, TaskRunner> runners,
            RecentWorkspaces recentStore, StatusModel status) {
        this.background = background;
        this.ui = ui;
        this.runners = runners;
        this.recentStore = recentStore;
        this.status = status;
        recent.setAll(recentStore.list());
    }

    /** Opens (creating when missing) the workspace at {@code file}, closing the one open before. */
    public void open(Path file) {
        openWith(file, "Opening " + file.getFileName(), () -> Workspace.open(file));
    }

    /**
     * Opens a workspace produced by {@code opener} (e.g. the demo incident, generated first when missing) on the
     * background thread.
     */
    public void openWith(Path file, String what, java.util.function.Supplier<Workspace> opener) {
        opening.set(true);
        error.set("");
        status.say(what + "…");
        status.begin(what);
        background.execute(() -> {
            Workspace opened;
            try {
                opened = opener.get();
            } catch (RuntimeException e) {
                ui.execute(() -> {
                    status.end();
                    opening.set(false);
                    error.set(Errors.oneLine(e));
                    status.say("Could not open " + file + ": " + Errors.oneLine(e));
                });
                return;
            }
            ui.execute(() -> {
                status.end();
                adopt(opened);
            });
        });
    }

    private void adopt(Workspace opened) {
        closeCurrent();
        workspace.set(opened);
        path.set(opened.file());
        runner.set(runners.apply(opened));
        title.set("Inquest — " + opened.file().getFileName() + " (" + opened.file().getParent() + ")");
        recent.setAll(recentStore.remember(opened.file()));
        opening.set(false);
        status.say("Opened " + opened.file());
    }

    private void closeCurrent() {
        TaskRunner oldRunner = runner.get();
        Workspace oldWorkspace = workspace.get();
        runner.set(null);
        workspace.set(null);
        if (oldRunner != null) {
            oldRunner.close();
        }
        if (oldWorkspace != null) {
            oldWorkspace.close();
        }
    }

    /** Closes the workspace (window closing). */
    public void close() {
        closeCurrent();
    }

    public ReadOnlyObjectProperty<Workspace> workspaceProperty() {
        return workspace.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<TaskRunner> runnerProperty() {
        return runner.getReadOnlyProperty();
    }

    public ObjectProperty<Path> pathProperty() {
        return path;
    }

    public StringProperty titleProperty() {
        return title;
    }

    public StringProperty errorProperty() {
        return error;
    }

    public BooleanProperty openingProperty() {
        return opening;
    }

    public BooleanProperty darkProperty() {
        return dark;
    }

    public ObservableList<Path> recent() {
        return recent;
    }

    public List<Path> recentList() {
        return List.copyOf(recent);
    }

    public StatusModel status() {
        return status;
    }
}
