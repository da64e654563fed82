package org.inquest.app.ui.traces;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.inquest.analysis.traces.SpanDetail;
import org.inquest.analysis.traces.TraceView;
import org.inquest.app.ui.common.Grids;
import org.inquest.app.ui.common.ResultGrid;

/**
 * The selected span of a waterfall: its numbers (start, duration, self time, critical-path share), then one table
 * of its attributes, resource attributes and events (each event at its offset from the span's start). Cells are
 * copyable like every table of the workbench.
 */
public final class SpanDetailView extends VBox {
    private final Label title = new Label("Select a span.");
    private final Label numbers = new Label();
    private final TableView<List<Object>> table = new TableView<>();

    public SpanDetailView(WaterfallModel model) {
        super(6);
        setId("span-detail");
        setPadding(new Insets(6));
        title.getStyleClass().add("span-detail-title");
        title.setWrapText(true);
        numbers.setWrapText(true);
        numbers.getStyleClass().add("monospace");
        table.setId("span-detail-table");
        table.setPlaceholder(new Label("No attributes."));
        Grids.interactive(table, t -> Grids.visible(t));
        TableColumn<List<Object>, Object> kind = column("", 0, 72);
        kind.setMinWidth(64);
        TableColumn<List<Object>, Object> key = column("key", 1, 130);
        TableColumn<List<Object>, Object> value = column("value", 2, 200);
        table.getColumns().addAll(List.of(kind, key, value));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setFixedCellSize(24);
        VBox.setVgrow(table, Priority.ALWAYS);
        Label message = new Label();
        message.textProperty().bind(model.detailMessageProperty());
        message.getStyleClass().add("danger");
        for (Label l : new Label[] {title, numbers, message}) {
            l.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        }
        getChildren().addAll(title, numbers, message, table);
        model.selectedProperty().addListener((o, a, row) -> showNumbers(row));
        model.detailProperty().addListener((o, a, d) -> showDetail(d));
        setMinWidth(220);
    }

    private static TableColumn<List<Object>, Object> column(String name, int index, double width) {
        TableColumn<List<Object>, Object> c = new TableColumn<>(name);
        c.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(d.getValue().get(index)));
        c.setPrefWidth(width);
        return c;
    }

    private void showNumbers(WaterfallModel.Row row) {
        if (row == null) {
            title.setText("Select a span.");
            numbers.setText("");
            table.getItems().clear();
            return;
        }
        TraceView.SpanView s = row.span();
        title.setText(s.name() + " · " + s.service());
        numbers.setText(String.format(Locale.ROOT, "start     %.3f ms%nduration  %.3f ms%nself      %.3f ms%n%s",
                s.startMs(), s.durationMs(), s.selfMs(), s.critical() ? String.format(Locale.ROOT,
                        "critical  %.3f ms", s.criticalMs()) : "not on the critical path"));
    }

    private void showDetail(SpanDetail d) {
        table.getItems().setAll(rows(d).rows());
    }

    /** The detail as (section, key, value) rows: span fields, attributes, resource, events. */
    static ResultGrid rows(SpanDetail d) {
        List<List<Object>> rows = new ArrayList<>();
        if (d != null) {
            rows.add(List.of("span", "span_id", d.spanId()));
            if (d.kind() != null) {
                rows.add(List.of("span", "kind", d.kind()));
            }
            rows.add(List.of("span", "status", d.status() == 2 ? "error" : d.status() == 1 ? "ok" : "unset"));
            if (d.statusMessage() != null && !d.statusMessage().isEmpty()) {
                rows.add(List.of("span", "status message", d.statusMessage()));
            }
            add(rows, "attribute", d.attributes());
            add(rows, "resource", d.resource());
            for (SpanDetail.Event e : d.events()) {
                String at = e.offsetMs() == null ? "" : String.format(Locale.ROOT, "+%.3f ms ", e.offsetMs());
                rows.add(List.of("event", at + e.name(), e.attributes().isEmpty() ? "" : e.attributes().toString()));
            }
        }
        return new ResultGrid(List.of("", "key", "value"), rows, false);
    }

    private static void add(List<List<Object>> rows, String section, Map<String, Object> values) {
        for (Map.Entry<String, Object> e : values.entrySet()) {
            rows.add(List.of(section, e.getKey(), e.getValue() == null ? "null" : e.getValue().toString()));
        }
    }
}
