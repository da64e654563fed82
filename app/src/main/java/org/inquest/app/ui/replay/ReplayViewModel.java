package org.inquest.app.ui.replay;

import java.util.List;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.inquest.app.ui.common.Format;
import org.inquest.analysis.replay.BucketTraces;
import org.inquest.analysis.replay.BucketWidth;
import org.inquest.analysis.replay.ReplayBucket;
import org.inquest.analysis.replay.ReplayOptions;
import org.inquest.analysis.replay.ReplayTimeline;
import org.inquest.analysis.replay.ReplayTimelines;
import org.inquest.app.ui.analysis.IncidentService;
import org.inquest.app.ui.analysis.IncidentSnapshot;
import org.inquest.app.ui.task.Errors;
import org.inquest.app.ui.task.LatestOnly;
import org.inquest.app.ui.task.TaskRunner;
import org.inquest.connectors.catalog.ColumnInfo;

/**
 * State of the Replay tab: the timeline of the current slice (computed once per slice, feature and bucket width, in
 * a task), a cursor on it that the scrubber moves and playback advances, the bucket under the cursor and its
 * requests (one small query per cursor move, the stale one cancelled). Playback is driven by {@link #tick(long)}
 * with a clock in nanoseconds — an {@code AnimationTimer} in the view, explicit values in tests — so the view model
 * never starts a timer of its own.
 */
public final class ReplayViewModel {
    /** Requests listed per bucket; a busy bucket of a large table says "first N". */
    public static final int REQUESTS_LIMIT = 500;
    public static final List<String> BUCKETS = List.of("1m", "5m", "15m", "1h", "1d");
    /** Playback speeds, in buckets per second. */
    public static final List<Double> SPEEDS = List.of(1.0, 2.0, 5.0, 10.0, 30.0, 100.0);

    /** What the feature chart plots for each bucket. */
    public enum DriftMeasure {
        PSI("PSI vs reference"), NULL_SHARE("null share"), MEAN("mean");

        private final String label;

        DriftMeasure(String label) {
            this.label = label;
        }

        @Override
        public String toString() {
            return label;
        }
    }

    private final ObjectProperty<ReplayTimeline> timeline = new SimpleObjectProperty<>();
    private final ObservableList<String> features = FXCollections.observableArrayList();
    private final StringProperty feature = new SimpleStringProperty();
    private final StringProperty bucket = new SimpleStringProperty("1m");
    private final ObjectProperty<DriftMeasure> measure = new SimpleObjectProperty<>(DriftMeasure.PSI);
    private final IntegerProperty position = new SimpleIntegerProperty(0);
    private final ObjectProperty<ReplayBucket> current = new SimpleObjectProperty<>();
    private final BooleanProperty playing = new SimpleBooleanProperty(false);
    private final DoubleProperty speed = new SimpleDoubleProperty(10.0);
    private final ObservableList<BucketTraces.Request> requests = FXCollections.observableArrayList();
    private final StringProperty requestsState = new SimpleStringProperty("");
    private final StringProperty state = new SimpleStringProperty("");
    private final LatestOnly timelineTask = new LatestOnly();
    private final LatestOnly requestsTask = new LatestOnly();
    private TaskRunner runner;
    private IncidentSnapshot snapshot;
    private boolean loaded;
    private long lastTick = -1;
    private double carried;

    public ReplayViewModel() {
        feature.addListener((o, a, b) -> reload());
        bucket.addListener((o, a, b) -> reload());
        position.addListener((o, a, b) -> moved());
        timeline.addListener((o, a, b) -> moved());
        playing.addListener((o, a, now) -> {
            lastTick = -1;
            carried = 0;
        });
    }

    public void attach(TaskRunner newRunner) {
        this.runner = newRunner;
        show(null);
    }

    /** A new snapshot (new slices): forget the timeline; it is computed when the tab is shown ({@link #load()}). */
    public void show(IncidentSnapshot s) {
        timelineTask.cancel();
        requestsTask.cancel();
        snapshot = s;
        loaded = false;
        playing.set(false);
        timeline.set(null);
        requests.clear();
        if (s != null) {
            List<String> names = s.current().table().features().stream().map(ColumnInfo::name)
                    .filter(n -> s.reference().table().column(n).isPresent()).toList();
            if (!names.equals(features)) {
                features.setAll(names);
            }
            if (feature.get() == null || !names.contains(feature.get())) {
                feature.set(names.isEmpty() ? null : names.get(0)); // not loaded yet: the listener waits
            }
        }
        state.set(s == null ? "" : "Open this tab to replay the current slice.");
    }

    private void reload() {
        if (loaded) {
            loaded = false;
            load();
        }
    }

    /** Computes the timeline of the current slice (once per snapshot, feature and bucket width). */
    public void load() {
        IncidentSnapshot s = snapshot;
        if (runner == null || s == null || loaded) {
            return;
        }
        loaded = true;
        playing.set(false);
        ReplayOptions chosen = new ReplayOptions(feature.get(), BucketWidth.parse(bucket.get()), null,
                IncidentService.THRESHOLD, s.task());
        state.set("Computing the replay of " + s.current().table().name() + "…");
        timelineTask.submit(runner, "Replay timeline", ctx -> new ReplayTimelines(ctx.connection())
                .compute(s.reference(), s.current(), chosen), t -> {
                    position.set(0);
                    timeline.set(t);
                    state.set(describe(t));
                }, e -> state.set("Failed: " + Errors.oneLine(e)));
    }

    static String describe(ReplayTimeline t) {
        if (t.buckets().isEmpty()) {
            return "No timestamped rows in the current slice.";
        }
        StringBuilder s = new StringBuilder(Format.count(t.rows() - t.rowsWithoutTime(), "row") + " in "
                + Format.count(t.buckets().size(), "bucket") + " of " + t.bucket());
        if (!t.bucket().equals(t.requestedBucket())) {
            s.append(" (").append(t.requestedBucket()).append(" buckets would be more than ")
                    .append(String.format(java.util.Locale.ROOT, "%,d", BucketWidth.MAX_BUCKETS)).append(")");
        }
        s.append(t.errorSource() == null ? "; no error column or linked traces" : "; errors from " + t.errorSource());
        return s.toString();
    }

    private void moved() {
        ReplayTimeline t = timeline.get();
        if (t == null || t.buckets().isEmpty()) {
            current.set(null);
            requests.clear();
            return;
        }
        int i = Math.max(0, Math.min(position.get(), t.buckets().size() - 1));
        if (i != position.get()) {
            position.set(i);
            return;
        }
        ReplayBucket b = t.buckets().get(i);
        current.set(b);
        loadRequests(t, b);
    }

    private void loadRequests(ReplayTimeline t, ReplayBucket b) {
        IncidentSnapshot s = snapshot;
        if (runner == null || s == null) {
            return;
        }
        if (b.rows() == 0) {
            requestsTask.cancel();
            requests.clear();
            requestsState.set("No requests in " + b.start() + " – " + b.end());
            return;
        }
        long end = b.startMicros() + t.bucketSeconds() * 1_000_000L;
        requestsTask.submit(runner, "Requests of " + b.start(), ctx -> new BucketTraces(ctx.connection())
                .list(s.current(), t.spansTable(), b.startMicros(), end, REQUESTS_LIMIT), found -> {
                    requests.setAll(found);
                    long traced = found.stream().filter(BucketTraces.Request::traced).count();
                    requestsState.set((found.size() == REQUESTS_LIMIT ? "first " : "") + found.size()
                            + " requests in " + b.start() + " – " + b.end() + (t.spansTable() == null
                                    ? " (no spans table linked)" : ", " + traced + " with a trace in "
                                    + t.spansTable()));
                }, e -> requestsState.set("Failed: " + Errors.oneLine(e)));
    }

    public void play() {
        ReplayTimeline t = timeline.get();
        if (t == null || t.buckets().isEmpty()) {
            return;
        }
        if (position.get() >= t.buckets().size() - 1) {
            position.set(0);
        }
        playing.set(true);
    }

    public void pause() {
        playing.set(false);
    }

    public void toggle() {
        if (playing.get()) {
            pause();
        } else {
            play();
        }
    }

    /** Moves the cursor by {@code delta} buckets (pauses playback). */
    public void step(int delta) {
        playing.set(false);
        seek(position.get() + delta);
    }

    public void seek(int index) {
        ReplayTimeline t = timeline.get();
        if (t != null && !t.buckets().isEmpty()) {
            position.set(Math.max(0, Math.min(index, t.buckets().size() - 1)));
        }
    }

    /**
     * One frame of playback at clock time {@code nowNanos}: advances the cursor by speed × the time since the
     * previous frame (whole buckets; the fraction is carried over), and stops at the last bucket. The first frame
     * after {@link #play()} only starts the clock.
     */
    public void tick(long nowNanos) {
        ReplayTimeline t = timeline.get();
        if (!playing.get() || t == null) {
            return;
        }
        if (lastTick < 0) {
            lastTick = nowNanos;
            return;
        }
        carried += (nowNanos - lastTick) / 1e9 * speed.get();
        lastTick = nowNanos;
        int steps = (int) Math.floor(carried);
        if (steps <= 0) {
            return;
        }
        carried -= steps;
        int last = t.buckets().size() - 1;
        int next = Math.min(last, position.get() + steps);
        position.set(next);
        if (next >= last) {
            playing.set(false);
        }
    }

    public ObjectProperty<ReplayTimeline> timelineProperty() {
        return timeline;
    }

    public ObservableList<String> features() {
        return features;
    }

    public StringProperty featureProperty() {
        return feature;
    }

    public StringProperty bucketProperty() {
        return bucket;
    }

    public ObjectProperty<DriftMeasure> measureProperty() {
        return measure;
    }

    public IntegerProperty positionProperty() {
        return position;
    }

    public ObjectProperty<ReplayBucket> currentProperty() {
        return current;
    }

    public BooleanProperty playingProperty() {
        return playing;
    }

    public DoubleProperty speedProperty() {
        return speed;
    }

    public ObservableList<BucketTraces.Request> requests() {
        return requests;
    }

    public StringProperty requestsStateProperty() {
        return requestsState;
    }

    public StringProperty stateProperty() {
        return state;
    }
}
