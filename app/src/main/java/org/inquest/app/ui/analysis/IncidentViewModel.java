package org.inquest.app.ui.analysis;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.inquest.analysis.drift.DriftResult;
import org.inquest.analysis.quality.QualityAlerts;
import org.inquest.app.ui.slice.SliceSpec;
import org.inquest.app.ui.task.Errors;
import org.inquest.app.ui.task.TaskHandle;
import org.inquest.app.ui.task.TaskRunner;
import org.inquest.app.ui.task.Work;

/**
 * Recomputes the incident snapshot whenever the applied slices change. The snapshot is computed in three
 * independent parts — rows and model quality, drift, data-quality grades — submitted at once, so the two workers run them
 * in parallel; the snapshot is published when all three have arrived. Results that depend only on the reference
 * come from a {@link ReferenceCache}, so a change of the current filter costs only the current side. A newer
 * request cancels every part still running (their DuckDB statements are cancelled) and a stale part is never shown.
 */
public final class IncidentViewModel {
    private final IncidentService service = new IncidentService();
    private final ReferenceCache cache = new ReferenceCache();
    private final ObjectProperty<IncidentSnapshot> snapshot = new SimpleObjectProperty<>();
    private final BooleanProperty computing = new SimpleBooleanProperty(false);
    private final StringProperty error = new SimpleStringProperty("");
    private final List<TaskHandle> running = new ArrayList<>();
    private volatile List<PartTiming> lastTimings = List.of();
    private long generation;
    private TaskRunner runner;

    public void attach(TaskRunner runner) {
        cancelRunning();
        cache.clear();
        this.runner = runner;
        snapshot.set(null);
        error.set("");
        computing.set(false);
    }

    /** Forgets cached reference results (the workspace's tables changed: an import, a refresh). */
    public void invalidate() {
        cache.clear();
    }

    public void compute(SliceSpec spec) {
        if (runner == null || spec == null) {
            return;
        }
        cancelRunning();
        long mine = generation;
        long start = System.nanoTime();
        computing.set(true);
        Parts parts = new Parts();
        String on = " of " + spec.currentTable();
        submit(mine, "Model quality" + on, ctx -> service.model(ctx, spec, cache), m -> parts.model = m, parts, spec,
                start);
        submit(mine, "Drift" + on, ctx -> service.drift(ctx, spec, cache), d -> parts.drift = d, parts, spec, start);
        submit(mine, "Data quality" + on, ctx -> service.qualityAlerts(ctx, spec, cache), q -> parts.quality = q,
                parts, spec, start);
    }

    private <T> void submit(long mine, String title, Work<T> work, java.util.function.Consumer<T> store, Parts parts,
            SliceSpec spec, long start) {
        long[] ran = new long[2];
        Work<T> timed = ctx -> {
            ran[0] = System.nanoTime();
            try {
                return work.run(ctx);
            } finally {
                ran[1] = System.nanoTime();
            }
        };
        running.add(runner.submit(title, timed, result -> {
            if (mine != generation) {
                return;
            }
            store.accept(result);
            parts.timings.add(new PartTiming(title.substring(0, title.indexOf(" of ")), (ran[0] - start) / 1_000_000,
                    (ran[1] - ran[0]) / 1_000_000, (System.nanoTime() - ran[1]) / 1_000_000));
            parts.arrived++;
            if (parts.arrived == 3) {
                running.clear();
                lastTimings = List.copyOf(parts.timings);
                computing.set(false);
                error.set("");
                snapshot.set(IncidentService.snapshot(spec, parts.model, parts.drift, parts.quality, null,
                        (System.nanoTime() - start) / 1_000_000));
            }
        }, e -> {
            if (mine != generation) {
                return;
            }
            cancelRunning();
            computing.set(false);
            error.set(Errors.oneLine(e));
        }));
    }

    private void cancelRunning() {
        generation++;
        for (TaskHandle h : running) {
            h.cancel();
        }
        running.clear();
    }

    /** What has arrived for one request (touched on the UI thread only). */
    private static final class Parts {
        IncidentService.ModelPart model;
        DriftResult drift;
        QualityAlerts quality;
        int arrived;
        final List<PartTiming> timings = new ArrayList<>(3);
    }

    /**
     * Where one part of the last snapshot's time went: from the request to its worker starting it, running it, and
     * from its end to its result reaching the UI thread (milliseconds; diagnostics for the benchmark).
     */
    public record PartTiming(String part, long queuedMs, long ranMs, long deliveredMs) {
        @Override
        public String toString() {
            return part + " " + queuedMs + "+" + ranMs + "+" + deliveredMs;
        }
    }

    /** The parts' timings of the last published snapshot, in the order they arrived. */
    public List<PartTiming> lastTimings() {
        return lastTimings;
    }

    public ObjectProperty<IncidentSnapshot> snapshotProperty() {
        return snapshot;
    }

    public BooleanProperty computingProperty() {
        return computing;
    }

    /** The reference-side cache, shared with tabs that compute more for the same slices. */
    public ReferenceCache cache() {
        return cache;
    }

    public IncidentService service() {
        return service;
    }

    public StringProperty errorProperty() {
        return error;
    }
}
