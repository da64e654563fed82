package org.inquest.app.ui.traces;

import java.util.Locale;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.inquest.analysis.traces.OperationStats;
import org.inquest.analysis.traces.TraceSearch;

/**
 * The Traces tab: a span filter (the filter language, on span columns), stage statistics per (service, span name),
 * the slowest matching traces, and the selected trace's waterfall with its critical path.
 */
public final class TracesView extends BorderPane {
    public TracesView(TracesViewModel vm) {
        setId("traces-view");
        ComboBox<String> table = new ComboBox<>(vm.tables());
        table.setId("traces-table");
        table.valueProperty().bindBidirectional(vm.tableProperty());
        TextField filter = new TextField();
        filter.setId("traces-filter");
        filter.setPromptText("span filter, e.g. name = 'feature_store.lookup' AND duration_ms > 100");
        filter.textProperty().bindBidirectional(vm.filterProperty());
        filter.setOnAction(e -> vm.search());
        HBox.setHgrow(filter, Priority.ALWAYS);
        Button search = new Button("Search");
        search.setId("traces-search");
        search.setOnAction(e -> vm.search());
        Label message = new Label();
        message.setId("traces-message");
        message.textProperty().bind(vm.messageProperty());
        HBox bar = new HBox(8, new Label("Spans table"), table, filter, search);
        bar.setAlignment(Pos.CENTER_LEFT);
        VBox top = new VBox(4, bar, message);
        top.setPadding(new Insets(8));

        TableView<OperationStats> stages = new TableView<>(vm.stages());
        stages.setId("traces-stages");
        stages.getColumns().add(text("service", OperationStats::service, 130));
        stages.getColumns().add(text("span", OperationStats::name, 170));
        stages.getColumns().add(number("count", o -> (double) o.count(), "%.0f"));
        stages.getColumns().add(number("errors", o -> (double) o.errors(), "%.0f"));
        stages.getColumns().add(number("p50 ms", OperationStats::p50, "%.2f"));
        stages.getColumns().add(number("p95 ms", OperationStats::p95, "%.2f"));
        stages.getColumns().add(number("p99 ms", OperationStats::p99, "%.2f"));
        stages.getColumns().add(number("self p50", OperationStats::selfP50, "%.2f"));
        stages.getColumns().add(number("self p95", OperationStats::selfP95, "%.2f"));

        TableView<TraceSearch.TraceSummary> traces = new TableView<>(vm.traces());
        traces.setId("traces-results");
        traces.getColumns().add(text("trace", TraceSearch.TraceSummary::traceId, 250));
        traces.getColumns().add(text("root", s -> s.rootService() + " · " + s.rootName(), 190));
        traces.getColumns().add(text("start", TraceSearch.TraceSummary::start, 170));
        traces.getColumns().add(number("duration ms", TraceSearch.TraceSummary::durationMs, "%.2f"));
        traces.getColumns().add(number("spans", s -> (double) s.spans(), "%.0f"));
        traces.getColumns().add(number("errors", s -> (double) s.errors(), "%.0f"));
        traces.getSelectionModel().selectedItemProperty().addListener((o, a, s) -> {
            if (s != null) {
                vm.open(s.traceId());
            }
        });

        WaterfallView waterfall = new WaterfallView();
        vm.waterfallProperty().addListener((o, a, view) -> waterfall.show(view));

        SplitPane lists = new SplitPane(stages, traces);
        lists.setDividerPositions(0.5);
        SplitPane main = new SplitPane(lists, waterfall);
        main.setOrientation(Orientation.VERTICAL);
        main.setDividerPositions(0.42);
        setTop(top);
        setCenter(main);
    }

    private static <S> TableColumn<S, String> text(String title, Function<S, String> value, double width) {
        TableColumn<S, String> c = new TableColumn<>(title);
        c.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(value.apply(d.getValue())));
        c.setPrefWidth(width);
        return c;
    }

    private static <S> TableColumn<S, String> number(String title, Function<S, Double> value, String format) {
        TableColumn<S, String> c = new TableColumn<>(title);
        c.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(String.format(Locale.ROOT, format,
                value.apply(d.getValue()))));
        c.setStyle("-fx-alignment: CENTER-RIGHT;");
        c.setPrefWidth(80);
        return c;
    }
}
