package org.inquest.app.ui.request;

import java.util.List;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.inquest.app.ui.common.ColumnWidths;
import org.inquest.app.ui.common.Format;
import org.inquest.app.ui.common.Grids;
import org.inquest.app.ui.traces.SpanDetailView;
import org.inquest.app.ui.traces.WaterfallView;

/**
 * The Request tab: the prediction's fields (roles, outcome, features with their data-quality flags, flagged rows
 * in red) on the left; the trace's waterfall and the selected span's detail on the right.
 */
public final class RequestPane extends BorderPane {
    /** {@code showTrace} opens the request's trace in the Traces tab. */
    public RequestPane(RequestViewModel vm, Consumer<String> showTrace) {
        setId("request-view");
        Label title = new Label();
        title.setId("request-title");
        title.textProperty().bind(vm.titleProperty());
        title.getStyleClass().add("request-title");
        title.setWrapText(true);
        Label message = new Label();
        message.setId("request-message");
        message.textProperty().bind(vm.messageProperty());
        message.setWrapText(true);
        Button toTraces = new Button("Show in Traces tab");
        toTraces.setId("request-show-trace");
        toTraces.setTooltip(new Tooltip("Open this trace in the Traces tab, with search and stage statistics"));
        toTraces.disableProperty().bind(vm.loadedProperty().isNull());
        toTraces.setOnAction(e -> {
            if (vm.traceId() != null) {
                showTrace.accept(vm.traceId());
            }
        });
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox head = new HBox(8, title, spacer, toTraces);
        head.setAlignment(Pos.CENTER_LEFT);
        VBox top = new VBox(4, head, message);
        top.setPadding(new Insets(8));

        TableView<List<Object>> fields = new TableView<>();
        fields.setId("request-fields");
        fields.setPlaceholder(new Label("No request open."));
        for (int i = 0; i < RequestViewModel.SHOWN.size(); i++) {
            final int index = i;
            TableColumn<List<Object>, Object> c = new TableColumn<>(RequestViewModel.SHOWN.get(i));
            c.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(index == 0 ? d.getValue().get(1)
                    : index == 1 ? d.getValue().get(2) : RequestViewModel.check(d.getValue())));
            c.setCellFactory(col -> new TableCell<>() {
                private final Tooltip whole = new Tooltip();

                @Override
                protected void updateItem(Object v, boolean empty) {
                    super.updateItem(v, empty);
                    setText(empty || v == null ? null : text(v));
                    setStyle(v instanceof Number ? "-fx-alignment: CENTER-RIGHT;" : "");
                    // A long value (a trace id, a finding) may still be cut in a narrow pane: hover shows it whole.
                    whole.setText(getText());
                    setTooltip(getText() == null || getText().isEmpty() ? null : whole);
                }
            });
            fields.getColumns().add(c);
        }
        fields.setFixedCellSize(26);
        fields.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(List<Object> row, boolean empty) {
                super.updateItem(row, empty);
                getStyleClass().remove("request-flagged");
                if (!empty && row != null && row.get(3) != null) {
                    getStyleClass().add("request-flagged");
                }
            }
        });
        Grids.interactive(fields, t -> vm.fieldsProperty().get());
        fields.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        // Each column as wide as its widest text (ColumnWidths). In the narrow pane the check column gives way first,
        // down to its minimum, then the value (a cut value shows whole on hover); field names are never cut.
        fields.getColumns().get(RequestViewModel.SHOWN.size() - 1).setMinWidth(140);
        fields.getColumns().get(0).minWidthProperty().bind(fields.getColumns().get(0).prefWidthProperty());
        ColumnWidths.install(fields, v -> v == null ? "" : text(v));
        vm.fieldsProperty().addListener((o, a, g) -> fields.getItems().setAll(g.rows()));

        WaterfallView waterfall = new WaterfallView(vm.waterfall(), 230);
        waterfall.setId("request-waterfall-view");
        waterfall.list().setId("request-waterfall");
        SpanDetailView detail = new SpanDetailView(vm.waterfall());
        SplitPane right = new SplitPane(waterfall, detail);
        right.setOrientation(Orientation.VERTICAL);
        right.setDividerPositions(0.62);
        SplitPane both = new SplitPane(fields, right);
        both.setDividerPositions(0.47);
        setTop(top);
        setCenter(both);
    }

    /** Doubles with 4 decimals and date-times as ISO 8601, as the workbench's grids show them. */
    static String text(Object v) {
        return v instanceof Double d ? Format.number(d, 4) : v instanceof Float f ? Format.number((double) f, 4)
                : Format.value(v);
    }
}
