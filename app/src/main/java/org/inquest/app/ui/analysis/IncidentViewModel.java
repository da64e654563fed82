package org.inquest.app.ui.analysis;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.inquest.app.ui.slice.SliceSpec;
import org.inquest.app.ui.task.Errors;
import org.inquest.app.ui.task.LatestOnly;
import org.inquest.app.ui.task.TaskRunner;

/**
 * Recomputes the incident snapshot whenever the applied slices change. A newer request cancels the running one
 * (its DuckDB statements are cancelled) and a stale result is never shown.
 */
public final class IncidentViewModel {
    private final IncidentService service = new IncidentService();
    private final ObjectProperty<IncidentSnapshot> snapshot = new SimpleObjectProperty<>();
    private final BooleanProperty computing = new SimpleBooleanProperty(false);
    private final StringProperty error = new SimpleStringProperty("");
    private final LatestOnly latest = new LatestOnly();
    private TaskRunner runner;

    public void attach(TaskRunner runner) {
        latest.cancel();
        this.runner = runner;
        snapshot.set(null);
        error.set("");
        computing.set(false);
    }

    public void compute(SliceSpec spec) {
        if (runner == null || spec == null) {
            return;
        }
        computing.set(true);
        latest.submit(runner, "Analysing " + spec.currentTable(), ctx -> service.compute(ctx, spec), result -> {
            computing.set(false);
            error.set("");
            snapshot.set(result);
        }, e -> {
            computing.set(false);
            error.set(Errors.oneLine(e));
        });
    }

    public ObjectProperty<IncidentSnapshot> snapshotProperty() {
        return snapshot;
    }

    public BooleanProperty computingProperty() {
        return computing;
    }

    public StringProperty errorProperty() {
        return error;
    }
}
