package org.inquest.app.ui.traces;

import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;

import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.inquest.analysis.traces.OperationStats;
import org.inquest.analysis.traces.TraceCriteria;
import org.inquest.analysis.traces.TraceSearch;
import org.inquest.app.ui.common.ColumnWidths;
import org.inquest.app.ui.common.Grids;
import org.inquest.app.ui.slice.CompletionPopup;

/**
 * The Traces tab: the search form, the matching traces (slowest first) beside their duration-over-time scatter,
 * and below them the open trace's waterfall with the selected span's detail, or the stage statistics of the
 * matching traces. Enter in any field searches.
 */
public final class TracesView extends BorderPane {
    private final TabPane lower = new TabPane();

    /** {@code openPrediction} receives the open trace's id ("Open prediction"); null hides the button. */
    public TracesView(TracesViewModel vm, Consumer<String> openPrediction) {
        setId("traces-view");
        ComboBox<String> table = new ComboBox<>(vm.tables());
        table.setId("traces-table");
        table.valueProperty().bindBidirectional(vm.tableProperty());
        TextField min = field("traces-min", "min", 70, vm);
        min.textProperty().bindBidirectional(vm.minMsProperty());
        TextField max = field("traces-max", "max", 70, vm);
        max.textProperty().bindBidirectional(vm.maxMsProperty());
        ComboBox<TraceCriteria.Status> status = new ComboBox<>();
        status.setId("traces-status");
        status.getItems().setAll(TraceCriteria.Status.values());
        status.valueProperty().bindBidirectional(vm.statusProperty());
        status.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(TraceCriteria.Status s) {
                return s == null ? "" : switch (s) {
                    case ANY -> "any status";
                    case OK -> "no errors";
                    case ERROR -> "with errors";
                };
            }

            @Override
            public TraceCriteria.Status fromString(String s) {
                return TraceCriteria.Status.ANY;
            }
        });
        ComboBox<String> service = picker("traces-service", vm.services(), 150);
        service.valueProperty().bindBidirectional(vm.serviceProperty());
        ComboBox<String> spanName = picker("traces-span", vm.spanNames(), 180);
        spanName.valueProperty().bindBidirectional(vm.spanNameProperty());
        TextField key = field("traces-attr-key", "attribute, e.g. http.status_code", 190, vm);
        key.textProperty().bindBidirectional(vm.attributeKeyProperty());
        ComboBox<AttributeCondition.Op> op = new ComboBox<>();
        op.setId("traces-attr-op");
        op.getItems().setAll(AttributeCondition.Op.values());
        op.valueProperty().bindBidirectional(vm.attributeOpProperty());
        TextField value = field("traces-attr-value", "value", 110, vm);
        value.textProperty().bindBidirectional(vm.attributeValueProperty());
        value.disableProperty().bind(vm.attributeOpProperty().isEqualTo(AttributeCondition.Op.EXISTS));
        TextField spanFilter = field("traces-filter", "span filter, e.g. attributes['http.status_code'] >= 500", 0, vm);
        spanFilter.textProperty().bindBidirectional(vm.filterProperty());
        spanFilter.setTooltip(new Tooltip("In the filter language; Ctrl+Space completes columns, attribute keys"
                + " (after attributes[') and their values"));
        CompletionPopup.attach(spanFilter, (caret, again) -> vm.spanFilterAssist().complete(spanFilter.getText(),
                caret, again));
        ComboBox<String> predictions = new ComboBox<>(vm.predictionTables());
        predictions.setId("traces-predictions");
        predictions.valueProperty().bindBidirectional(vm.predictionTableProperty());
        predictions.setPrefWidth(130);
        TextField predictionFilter = field("traces-prediction-filter",
                "linked predictions, e.g. channel = 'mobile' AND prediction <> label", 0, vm);
        predictionFilter.textProperty().bindBidirectional(vm.predictionFilterProperty());
        CompletionPopup.attach(predictionFilter, (caret, again) -> vm.predictionFilterAssist().complete(
                predictionFilter.getText(), caret, again));
        predictionFilter.setTooltip(new Tooltip("Only traces linked to predictions matching this filter"));
        ComboBox<TracesViewModel.LinkBy> linkBy = new ComboBox<>();
        linkBy.setId("traces-link-by");
        linkBy.getItems().setAll(TracesViewModel.LinkBy.values());
        linkBy.valueProperty().bindBidirectional(vm.linkByProperty());
        linkBy.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(TracesViewModel.LinkBy b) {
                return b == null ? "" : b == TracesViewModel.LinkBy.TRACE_ID ? "trace id" : "span attribute";
            }

            @Override
            public TracesViewModel.LinkBy fromString(String s) {
                return TracesViewModel.LinkBy.TRACE_ID;
            }
        });
        linkBy.setTooltip(new Tooltip("How a prediction finds its trace: its trace_id column, or a predictions"
                + " column equal to a span attribute (e.g. request.id). Saved in the workspace on Search, so the"
                + " request view and replay follow it (same as inquest link)."));
        TextField linkKey = field("traces-link-attribute", "attribute, e.g. request.id", 120, vm);
        linkKey.textProperty().bindBidirectional(vm.linkAttributeProperty());
        linkKey.visibleProperty().bind(vm.linkByProperty().isEqualTo(TracesViewModel.LinkBy.ATTRIBUTE));
        linkKey.managedProperty().bind(linkKey.visibleProperty());
        ComboBox<String> linkColumn = new ComboBox<>(vm.predictionColumns());
        linkColumn.setId("traces-link-column");
        linkColumn.setPrefWidth(135);
        linkColumn.valueProperty().bindBidirectional(vm.linkColumnProperty());
        linkColumn.setTooltip(new Tooltip("The predictions column compared; role column: the trace_id role column"
                + " (by trace id) or the id role column (by attribute)"));
        linkColumn.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(String c) {
                return c == null || c.isEmpty() ? "role column" : c;
            }

            @Override
            public String fromString(String s) {
                return s;
            }
        });
        Button search = new Button("Search");
        search.setId("traces-search");
        search.setDefaultButton(false);
        search.getStyleClass().add("accent");
        search.setOnAction(e -> vm.search());
        Button reset = new Button("Reset");
        reset.setId("traces-reset");
        reset.setOnAction(e -> vm.reset());

        HBox.setHgrow(spanFilter, Priority.ALWAYS);
        HBox.setHgrow(predictionFilter, Priority.ALWAYS);
        VBox form = new VBox(4,
                row(label("Spans"), table, label("Duration ms"), min, label("–"), max, status, service, spanName),
                row(label("Attribute"), key, op, value, label("Span filter"), spanFilter),
                row(label("Linked predictions"), predictions, label("by"), linkBy, linkKey, linkColumn, label("where"),
                        predictionFilter, search, reset));
        Label message = new Label();
        message.setId("traces-message");
        message.textProperty().bind(vm.messageProperty());
        VBox top = new VBox(4, form, message);
        top.setPadding(new Insets(6, 8, 4, 8));

        TableView<TraceSearch.TraceSummary> traces = new TableView<>(vm.traces());
        traces.setId("traces-results");
        traces.setPlaceholder(new Label("No trace matches."));
        traces.getColumns().add(text("trace", TraceSearch.TraceSummary::traceId));
        traces.getColumns().add(text("root", s -> s.rootService() + " · " + s.rootName()));
        traces.getColumns().add(number("duration ms", TraceSearch.TraceSummary::durationMs, "%.2f"));
        traces.getColumns().add(number("spans", s -> (double) s.spans(), "%.0f"));
        traces.getColumns().add(number("errors", s -> (double) s.errors(), "%.0f"));
        traces.getColumns().add(text("start", TraceSearch.TraceSummary::start));
        Grids.interactive(traces, Grids::visible);
        ColumnWidths.install(traces, TracesView::plain);
        traces.getSelectionModel().setCellSelectionEnabled(false);
        traces.getSelectionModel().selectedItemProperty().addListener((o, a, s) -> {
            if (s != null) {
                vm.open(s.traceId());
            }
        });
        TraceScatter scatter = new TraceScatter(vm::open);
        vm.pointsProperty().addListener((o, a, p) -> scatter.show(p));
        SplitPane results = new SplitPane(traces, scatter);
        results.setDividerPositions(0.62);

        WaterfallView waterfall = new WaterfallView(vm.waterfallModel());
        if (openPrediction != null) {
            Button back = new Button("Open prediction");
            back.setId("traces-open-prediction");
            back.setTooltip(new Tooltip("The prediction this request produced: features, output, label, flags"));
            back.disableProperty().bind(vm.waterfallProperty().isNull());
            back.setOnAction(e -> openPrediction.accept(vm.waterfallProperty().get().traceId()));
            waterfall.addTool(back);
        }
        SpanDetailView detail = new SpanDetailView(vm.waterfallModel());
        SplitPane waterfallAndDetail = new SplitPane(waterfall, detail);
        waterfallAndDetail.setDividerPositions(0.68);
        SplitPane.setResizableWithParent(detail, false);

        TableView<OperationStats> stages = new TableView<>(vm.stages());
        stages.setId("traces-stages");
        stages.setPlaceholder(new Label("No spans."));
        stages.getColumns().add(text("service", OperationStats::service));
        stages.getColumns().add(text("span", OperationStats::name));
        stages.getColumns().add(number("count", o -> (double) o.count(), "%.0f"));
        stages.getColumns().add(number("errors", o -> (double) o.errors(), "%.0f"));
        stages.getColumns().add(number("p50 ms", OperationStats::p50, "%.2f"));
        stages.getColumns().add(number("p95 ms", OperationStats::p95, "%.2f"));
        stages.getColumns().add(number("p99 ms", OperationStats::p99, "%.2f"));
        stages.getColumns().add(number("self p50", OperationStats::selfP50, "%.2f"));
        stages.getColumns().add(number("self p95", OperationStats::selfP95, "%.2f"));
        Grids.interactive(stages, Grids::visible);
        ColumnWidths.install(stages, TracesView::plain);

        Tab waterfallTab = new Tab("Waterfall", waterfallAndDetail);
        waterfallTab.setId("traces-tab-waterfall");
        StageStatsViewModel stageVm = vm.stageStats();
        ComboBox<StageStatsViewModel.Mode> mode = new ComboBox<>();
        mode.setId("traces-stage-mode");
        mode.getItems().setAll(StageStatsViewModel.Mode.values());
        mode.valueProperty().bindBidirectional(stageVm.modeProperty());
        TextField slowest = new TextField();
        slowest.setId("traces-slowest-percent");
        slowest.setPrefWidth(50);
        slowest.textProperty().bindBidirectional(stageVm.slowestPercentProperty());
        slowest.setOnAction(e -> stageVm.reload());
        Label slowestLabel = new Label("% slowest");
        slowest.visibleProperty().bind(stageVm.modeProperty().isEqualTo(StageStatsViewModel.Mode.COHORTS));
        slowestLabel.visibleProperty().bind(slowest.visibleProperty());
        Label stageMessage = new Label();
        stageMessage.setId("traces-stage-message");
        stageMessage.textProperty().bind(stageVm.messageProperty());
        stageMessage.setWrapText(true);
        HBox.setHgrow(stageMessage, Priority.ALWAYS);
        mode.setMinWidth(Region.USE_PREF_SIZE);
        slowest.setMinWidth(Region.USE_PREF_SIZE);
        stageMessage.setMinWidth(0);
        HBox stageBar = new HBox(8, label("Stages of"), mode, slowest, slowestLabel, stageMessage);
        slowestLabel.setMinWidth(Region.USE_PREF_SIZE);
        slowest.managedProperty().bind(slowest.visibleProperty());
        slowestLabel.managedProperty().bind(slowest.visibleProperty());
        stageBar.setAlignment(Pos.CENTER_LEFT);
        stageBar.setPadding(new Insets(4, 6, 4, 6));
        org.inquest.app.ui.common.GridView compare = new org.inquest.app.ui.common.GridView("traces-stage-compare",
                "Nothing to compare.");
        compare.bind(stageVm.gridProperty());
        compare.visibleProperty().bind(stageVm.modeProperty().isNotEqualTo(StageStatsViewModel.Mode.MATCHING));
        stages.visibleProperty().bind(compare.visibleProperty().not());
        BorderPane stagePane = new BorderPane(new javafx.scene.layout.StackPane(stages, compare));
        stagePane.setTop(stageBar);
        Tab stagesTab = new Tab("Stage statistics", stagePane);
        stagesTab.setId("traces-tab-stages");
        lower.setId("traces-lower");
        lower.getTabs().addAll(waterfallTab, stagesTab);
        lower.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        vm.waterfallProperty().addListener((o, a, t) -> {
            if (t != null) {
                lower.getSelectionModel().select(waterfallTab);
            }
        });

        SplitPane main = new SplitPane(results, lower);
        main.setOrientation(Orientation.VERTICAL);
        main.setDividerPositions(0.36);
        setTop(top);
        setCenter(main);
    }

    /** The lower pane's tabs (waterfall, stage statistics), for hooks that add a tab of their own. */
    public TabPane lowerTabs() {
        return lower;
    }

    private static HBox row(javafx.scene.Node... nodes) {
        HBox row = new HBox(6, nodes);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }

    private static Label label(String text) {
        Label l = new Label(text);
        l.setMinWidth(Region.USE_PREF_SIZE);
        return l;
    }

    private static TextField field(String id, String prompt, double width, TracesViewModel vm) {
        TextField f = new TextField();
        f.setId(id);
        f.setPromptText(prompt);
        if (width > 0) {
            f.setPrefWidth(width);
        }
        f.setOnAction(e -> vm.search());
        return f;
    }

    private static ComboBox<String> picker(String id, javafx.collections.ObservableList<String> items, double width) {
        ComboBox<String> c = new ComboBox<>(items);
        c.setId(id);
        c.setEditable(true);
        c.setPrefWidth(width);
        c.setPromptText(id.endsWith("service") ? "any service" : "any span name");
        return c;
    }

    static <S> TableColumn<S, String> text(String title, Function<S, String> value) {
        TableColumn<S, String> c = new TableColumn<>(title);
        c.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(value.apply(d.getValue())));
        return c;
    }

    /** What a default cell shows for a value. */
    private static String plain(Object v) {
        return v == null ? "" : v.toString();
    }

    static <S> TableColumn<S, Double> number(String title, Function<S, Double> value, String format) {
        Function<Object, String> shown = v -> v == null ? null : ((Double) v).isNaN() ? "–"
                : String.format(Locale.ROOT, format, v);
        TableColumn<S, Double> c = new TableColumn<>(title);
        c.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(value.apply(d.getValue())));
        c.setCellFactory(col -> new javafx.scene.control.TableCell<>() {
            @Override
            protected void updateItem(Double v, boolean empty) {
                super.updateItem(v, empty);
                setText(empty ? null : shown.apply(v));
            }
        });
        c.setStyle("-fx-alignment: CENTER-RIGHT;");
        ColumnWidths.cellText(c, shown);
        return c;
    }

}
