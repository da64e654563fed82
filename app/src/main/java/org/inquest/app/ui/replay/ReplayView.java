package org.inquest.app.ui.replay;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.BiConsumer;
import java.util.function.Function;
import javafx.animation.AnimationTimer;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.RowConstraints;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.inquest.analysis.replay.BucketTraces;
import org.inquest.analysis.replay.ReplayBucket;
import org.inquest.analysis.replay.ReplayTimeline;
import org.inquest.app.ui.chart.CursorLineChart;
import org.inquest.app.ui.common.ColumnWidths;
import org.inquest.app.ui.common.Format;

/**
 * The Replay tab: play/pause, step, speed, bucket width and feature pickers, a scrubber over the timeline of the
 * current slice, six charts (volume, p95 latency, error rate, mean score, accuracy, the feature's drift) with a
 * cursor line and the value under it, and the requests of the bucket under the cursor; double-clicking one opens
 * its trace's waterfall in the Traces tab. Playback runs on an {@link AnimationTimer} that feeds the view model's
 * clock; nothing here touches DuckDB.
 */
public final class ReplayView extends BorderPane {
    private final ReplayViewModel vm;
    private final List<Metric> metrics = new ArrayList<>();
    private final Metric drift;
    private List<ReplayBucket> buckets = List.of();

    /** One chart: what it plots, its heading and the value under the cursor. */
    private record Metric(String title, Function<ReplayBucket, Double> value, Function<Double, String> format,
            CursorLineChart chart, Label heading) {
    }

    public ReplayView(ReplayViewModel vm, BiConsumer<String, String> openTrace) {
        this.vm = vm;
        setId("replay");
        Button play = new Button("▶ Play");
        play.setId("replay-play");
        play.setOnAction(e -> vm.toggle());
        vm.playingProperty().addListener((o, a, on) -> play.setText(on ? "❚❚ Pause" : "▶ Play"));
        Button back = new Button("◀");
        back.setId("replay-back");
        back.setOnAction(e -> vm.step(-1));
        Button forward = new Button("▶|");
        forward.setId("replay-forward");
        forward.setOnAction(e -> vm.step(1));
        ComboBox<Double> speed = new ComboBox<>(javafx.collections.FXCollections.observableArrayList(
                ReplayViewModel.SPEEDS));
        speed.setId("replay-speed");
        speed.setConverter(converter(v -> String.format(Locale.ROOT, "%s buckets/s", v % 1 == 0
                ? String.valueOf(v.longValue()) : v.toString())));
        speed.setValue(vm.speedProperty().get());
        speed.valueProperty().addListener((o, a, v) -> vm.speedProperty().set(v));
        ComboBox<String> bucket = new ComboBox<>(javafx.collections.FXCollections.observableArrayList(
                ReplayViewModel.BUCKETS));
        bucket.setId("replay-bucket");
        bucket.valueProperty().bindBidirectional(vm.bucketProperty());
        ComboBox<String> feature = new ComboBox<>(vm.features());
        feature.setId("replay-feature");
        feature.valueProperty().bindBidirectional(vm.featureProperty());
        ComboBox<ReplayViewModel.DriftMeasure> measure = new ComboBox<>(javafx.collections.FXCollections
                .observableArrayList(ReplayViewModel.DriftMeasure.values()));
        measure.setId("replay-measure");
        measure.valueProperty().bindBidirectional(vm.measureProperty());
        Label state = new Label();
        state.setId("replay-state");
        state.getStyleClass().add("muted");
        state.textProperty().bind(vm.stateProperty());
        HBox controls = new HBox(6, play, back, forward, speed, new Label("bucket"), bucket, new Label("feature"),
                feature, measure, state);
        controls.setAlignment(Pos.CENTER_LEFT);
        for (javafx.scene.Node n : controls.getChildren()) {
            if (n != state && n instanceof javafx.scene.layout.Region r) {
                r.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
            }
        }
        play.setMinWidth(86);
        state.setMinWidth(0);
        HBox.setHgrow(state, Priority.ALWAYS);

        Slider scrubber = new Slider(0, 1, 0);
        scrubber.setId("replay-scrubber");
        scrubber.setBlockIncrement(1);
        HBox.setHgrow(scrubber, Priority.ALWAYS);
        scrubber.valueProperty().addListener((o, a, v) -> {
            if ((int) Math.round(v.doubleValue()) != vm.positionProperty().get()) {
                vm.seek((int) Math.round(v.doubleValue()));
            }
        });
        vm.positionProperty().addListener((o, a, p) -> scrubber.setValue(p.doubleValue()));
        Label time = new Label();
        time.setId("replay-time");
        time.setMinWidth(330);
        time.getStyleClass().add("replay-time");
        HBox scrub = new HBox(8, scrubber, time);
        scrub.setAlignment(Pos.CENTER_LEFT);
        VBox top = new VBox(4, controls, scrub);
        top.setPadding(new Insets(6, 8, 2, 8));

        metrics.add(metric("replay-volume", "volume", "rows", b -> b.rows() == 0 ? 0.0 : (double) b.rows(),
                v -> Format.count(v.longValue()) + " rows"));
        metrics.add(metric("replay-latency", "p95 latency", "ms", ReplayBucket::p95LatencyMs,
                v -> Format.number(v, 1) + " ms"));
        metrics.add(metric("replay-errors", "error rate", "share", ReplayBucket::errorRate,
                v -> Format.percent(v, 1)));
        metrics.add(metric("replay-score", "mean score", "score", ReplayBucket::meanScore, v -> Format.number(v, 3)));
        metrics.add(metric("replay-accuracy", "accuracy (labeled)", "accuracy", ReplayBucket::accuracy,
                v -> Format.percent(v, 1)));
        drift = metric("replay-drift", "feature", "", b -> driftValue(b), v -> Format.number(v, 3));
        metrics.add(drift);
        GridPane charts = new GridPane();
        charts.setId("replay-charts");
        charts.setVgap(2);
        charts.setPadding(new Insets(0, 34, 0, 0)); // room for the last tick label of the right-hand charts
        for (int i = 0; i < 3; i++) {
            ColumnConstraints c = new ColumnConstraints(50, 100, Double.MAX_VALUE);
            c.setHgrow(Priority.ALWAYS);
            c.setFillWidth(true);
            charts.getColumnConstraints().add(c);
        }
        for (int i = 0; i < 2; i++) {
            RowConstraints r = new RowConstraints();
            r.setVgrow(Priority.ALWAYS);
            charts.getRowConstraints().add(r);
        }
        for (int i = 0; i < metrics.size(); i++) {
            Metric m = metrics.get(i);
            VBox cell = new VBox(0, m.heading(), m.chart());
            cell.setMinWidth(0);
            m.chart().setMinWidth(0);
            VBox.setVgrow(m.chart(), Priority.ALWAYS);
            charts.add(cell, i % 3, i / 3);
        }

        TableView<BucketTraces.Request> requests = new TableView<>(vm.requests());
        requests.setId("replay-requests");
        requests.setPlaceholder(new Label("Move the cursor to list the requests of that bucket."));
        requests.getColumns().add(text("time", r -> r.time() == null ? "" : r.time().length() > 11
                ? r.time().substring(11, Math.min(23, r.time().length())) : r.time()));
        requests.getColumns().add(text("id", BucketTraces.Request::id));
        requests.getColumns().add(number("latency ms", BucketTraces.Request::latencyMs));
        requests.getColumns().add(text("trace", BucketTraces.Request::traceId));
        requests.getColumns().add(text("root span", r -> r.rootName() == null ? "" : r.rootService() + " · "
                + r.rootName()));
        requests.getColumns().add(number("trace ms", BucketTraces.Request::durationMs));
        requests.getColumns().add(number("spans", r -> r.spans() == null ? null : r.spans().doubleValue()));
        requests.getColumns().add(number("error spans", r -> r.errors() == null ? null : r.errors().doubleValue()));
        ColumnWidths.install(requests, v -> v == null ? "" : v.toString());
        requests.setRowFactory(table -> {
            TableRow<BucketTraces.Request> row = new TableRow<>();
            row.setOnMouseClicked(e -> {
                if (e.getClickCount() == 2 && !row.isEmpty()) {
                    open(row.getItem(), openTrace);
                }
            });
            return row;
        });
        requests.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                open(requests.getSelectionModel().getSelectedItem(), openTrace);
            }
        });
        Label requestsState = new Label();
        requestsState.setId("replay-requests-state");
        requestsState.textProperty().bind(vm.requestsStateProperty());
        Label hint = new Label("double-click a request to open its trace waterfall");
        hint.getStyleClass().add("muted");
        HBox listBar = new HBox(12, requestsState, hint);
        VBox list = new VBox(2, listBar, requests);
        VBox.setVgrow(requests, Priority.ALWAYS);
        list.setPadding(new Insets(2, 8, 4, 8));

        SplitPane main = new SplitPane(charts, list);
        main.setOrientation(Orientation.VERTICAL);
        main.setDividerPositions(0.66);
        setTop(top);
        setCenter(main);

        vm.timelineProperty().addListener((o, a, t) -> {
            buckets = t == null ? List.of() : t.buckets();
            scrubber.setMax(Math.max(1, buckets.size() - 1));
            scrubber.setMajorTickUnit(Math.max(1, buckets.size() / 10.0));
            plot(t);
        });
        vm.measureProperty().addListener((o, a, m) -> plot(vm.timelineProperty().get()));
        vm.currentProperty().addListener((o, a, b) -> {
            ReplayTimeline t = vm.timelineProperty().get();
            time.setText(b == null || t == null ? "" : b.start() + " – " + b.end().substring(Math.min(11,
                    b.end().length())) + " (" + t.bucket() + ")  ·  " + Format.count(b.rows()) + " rows");
            for (Metric m : metrics) {
                m.chart().cursor().set(b == null ? 0 : b.index());
                heading(m, b);
            }
        });

        AnimationTimer timer = new AnimationTimer() {
            @Override
            public void handle(long now) {
                vm.tick(now);
            }
        };
        vm.playingProperty().addListener((o, a, on) -> {
            if (on) {
                timer.start();
            } else {
                timer.stop();
            }
        });
    }

    /** Opens the request's trace (spans table, trace id) when it has one in the linked spans table. */
    private void open(BucketTraces.Request r, BiConsumer<String, String> openTrace) {
        ReplayTimeline t = vm.timelineProperty().get();
        if (r != null && r.traced() && t != null && t.spansTable() != null) {
            openTrace.accept(t.spansTable(), r.traceId());
        }
    }

    private Double driftValue(ReplayBucket b) {
        return switch (vm.measureProperty().get()) {
            case PSI -> b.featurePsi();
            case NULL_SHARE -> b.rows() == 0 ? null : b.featureNullShare();
            case MEAN -> b.featureMean();
        };
    }

    private Metric metric(String id, String title, String yLabel, Function<ReplayBucket, Double> value,
            Function<Double, String> format) {
        CursorLineChart chart = CursorLineChart.of(id, yLabel, i -> i < 0 || i >= buckets.size() ? ""
                : shortTime(buckets.get(i).start()));
        Label heading = new Label(title);
        heading.getStyleClass().add("replay-heading");
        heading.setId(id + "-value");
        return new Metric(title, value, format, chart, heading);
    }

    private static String shortTime(String start) {
        // "2026-09-22 14:05:00" → "09-22 14:05"
        return start.length() >= 16 ? start.substring(5, 16) : start;
    }

    private void plot(ReplayTimeline t) {
        for (Metric m : metrics) {
            m.chart().getData().clear();
            m.chart().reference().set(Double.NaN);
            if (t == null) {
                continue;
            }
            List<XYChart.Data<Number, Number>> points = new ArrayList<>();
            for (ReplayBucket b : t.buckets()) {
                Double v = m.value().apply(b);
                if (v != null && !v.isNaN()) {
                    points.add(new XYChart.Data<>(b.index(), v));
                }
            }
            m.chart().setIndexRange(t.buckets().size() - 1);
            XYChart.Series<Number, Number> series = new XYChart.Series<>();
            series.getData().setAll(points);
            m.chart().getData().add(series);
        }
        if (t != null && t.feature() != null) {
            ReplayTimeline.Feature f = t.feature();
            ((javafx.scene.chart.NumberAxis) drift.chart().getYAxis()).setLabel(vm.measureProperty().get().toString());
            drift.chart().reference().set(switch (vm.measureProperty().get()) {
                case PSI -> 0.1;
                case NULL_SHARE -> f.referenceNullShare();
                case MEAN -> f.referenceMean() == null ? Double.NaN : f.referenceMean();
            });
        }
        for (Metric m : metrics) {
            heading(m, vm.currentProperty().get());
        }
    }

    private void heading(Metric m, ReplayBucket b) {
        ReplayTimeline t = vm.timelineProperty().get();
        String title = m == drift ? (t == null || t.feature() == null ? "feature" : t.feature().name() + " · "
                + vm.measureProperty().get() + referenceNote(t)) : m.title();
        Double v = b == null ? null : m.value().apply(b);
        m.heading().setText(title + "   " + (v == null ? Format.NONE : m.format().apply(v)));
    }

    private String referenceNote(ReplayTimeline t) {
        ReplayTimeline.Feature f = t.feature();
        return switch (vm.measureProperty().get()) {
            case PSI -> " (dashed: 0.1)";
            case NULL_SHARE -> " (reference " + Format.percent(f.referenceNullShare(), 1) + ")";
            case MEAN -> " (reference " + Format.number(f.referenceMean(), 2) + ")";
        };
    }

    private static <T> StringConverter<T> converter(Function<T, String> text) {
        return new StringConverter<>() {
            @Override
            public String toString(T value) {
                return value == null ? "" : text.apply(value);
            }

            @Override
            public T fromString(String s) {
                return null;
            }
        };
    }

    private static <S> TableColumn<S, String> text(String title, Function<S, String> value) {
        TableColumn<S, String> c = new TableColumn<>(title);
        c.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(value.apply(d.getValue())));
        return c;
    }

    private static <S> TableColumn<S, Double> number(String title, Function<S, Double> value) {
        Function<Object, String> shown = o -> o instanceof Double v ? v % 1 == 0 && Math.abs(v) < 1e15
                ? String.valueOf(v.longValue()) : String.format(Locale.ROOT, "%.2f", v) : "";
        TableColumn<S, Double> c = new TableColumn<>(title);
        c.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(value.apply(d.getValue())));
        c.setCellFactory(col -> new javafx.scene.control.TableCell<>() {
            @Override
            protected void updateItem(Double v, boolean empty) {
                super.updateItem(v, empty);
                setText(empty ? "" : shown.apply(v));
            }
        });
        c.setStyle("-fx-alignment: CENTER-RIGHT;");
        ColumnWidths.cellText(c, shown);
        return c;
    }
}
