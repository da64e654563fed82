package org.inquest.app.ui.traces;

import java.util.Locale;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.shape.Line;
import javafx.scene.shape.Rectangle;
import org.inquest.analysis.traces.TraceView;

/**
 * A trace's waterfall over a {@link WaterfallModel}: a time-axis header, then one row per visible span — a
 * disclosure triangle (click, or ←/→ on the selected row, collapses and expands its subtree), the name indented by
 * depth, self time and duration columns, and a bar on the trace's time axis coloured by service. Spans on the
 * critical path have a red outline and a red ◆; error spans a red "!". A {@link ListView} creates cells only for
 * visible rows, so a 5,000-span trace scrolls like a 5-span one.
 */
public final class WaterfallView extends BorderPane {
    static final Color[] PALETTE = {Color.web("#4e79a7"), Color.web("#f28e2b"), Color.web("#59a14f"),
        Color.web("#b07aa1"), Color.web("#76b7b2"), Color.web("#edc948"), Color.web("#9c755f"), Color.web("#bab0ac"),
        Color.web("#e15759"), Color.web("#ff9da7")};
    static final Color CRITICAL = Color.web("#d62728");
    static final double NAME_WIDTH = 300;
    private final double nameWidth;
    static final double NUMBER_WIDTH = 74;
    /** Room right of the axis for the duration text of spans that end at the trace's end. */
    static final double AXIS_RIGHT = 12;
    private static final double SCROLLBAR = 14;

    private final WaterfallModel model;
    private final ListView<WaterfallModel.Row> list = new ListView<>();
    private final Pane header = new Pane();
    private final FlowPane legend = new FlowPane(10, 2);

    public WaterfallView(WaterfallModel model) {
        this(model, NAME_WIDTH);
    }

    /** {@code nameWidth}: the width of the span-name column (narrower where the view shares its space). */
    public WaterfallView(WaterfallModel model, double nameWidth) {
        this.model = model;
        this.nameWidth = nameWidth;
        setId("trace-waterfall-view");
        list.setId("trace-waterfall");
        list.setItems(model.rows());
        list.setFixedCellSize(22);
        list.setCellFactory(l -> new SpanCell());
        list.setPlaceholder(new Label("Select a trace to see its waterfall."));
        list.getSelectionModel().selectedItemProperty().addListener((o, a, row) -> {
            if (row != null && (model.selectedProperty().get() == null
                    || model.selectedProperty().get().index() != row.index())) {
                model.selectedProperty().set(row);
            }
        });
        model.selectedProperty().addListener((o, a, row) -> {
            if (row != null && list.getSelectionModel().getSelectedItem() != row) {
                list.getSelectionModel().select(row);
                list.scrollTo(row);
            }
        });
        list.setOnKeyPressed(e -> {
            WaterfallModel.Row row = list.getSelectionModel().getSelectedItem();
            if (row != null && row.hasChildren() && ((e.getCode() == KeyCode.LEFT && !row.collapsed())
                    || (e.getCode() == KeyCode.RIGHT && row.collapsed()))) {
                model.toggle(row.index());
                e.consume();
            }
        });

        Label spanTitle = columnTitle("span", nameWidth, Pos.CENTER_LEFT);
        Label selfTitle = columnTitle("self ms", NUMBER_WIDTH, Pos.CENTER_RIGHT);
        Label durationTitle = columnTitle("duration", NUMBER_WIDTH, Pos.CENTER_RIGHT);
        header.setMinHeight(20);
        header.setPrefHeight(20);
        HBox.setHgrow(header, Priority.ALWAYS);
        header.widthProperty().addListener((o, a, b) -> drawHeader());
        model.traceProperty().addListener((o, a, t) -> {
            drawHeader();
            drawLegend();
        });
        HBox headerRow = new HBox(6, spanTitle, selfTitle, durationTitle, header);
        headerRow.setPadding(new Insets(0, SCROLLBAR, 0, 6));
        headerRow.getStyleClass().add("waterfall-header");

        Button expand = new Button("Expand");
        expand.setTooltip(new Tooltip("Expand every span"));
        expand.setMinWidth(Region.USE_PREF_SIZE);
        expand.setId("waterfall-expand");
        expand.setOnAction(e -> model.expandAll());
        Button collapse = new Button("Stages");
        collapse.setMinWidth(Region.USE_PREF_SIZE);
        collapse.setId("waterfall-collapse");
        collapse.setTooltip(new Tooltip("Show the root and its direct children only"));
        collapse.setOnAction(e -> model.collapseBelow(1));
        legend.setId("waterfall-legend");
        HBox.setHgrow(legend, Priority.ALWAYS);
        HBox tools = new HBox(8, expand, collapse, legend);
        tools.setAlignment(Pos.CENTER_LEFT);
        tools.setPadding(new Insets(4, 6, 4, 6));
        setTop(new VBox(tools, headerRow));
        setCenter(list);
    }

    /** Extra controls (e.g. "Open prediction") placed at the start of the toolbar. */
    public void addTool(javafx.scene.Node node) {
        ((HBox) ((VBox) getTop()).getChildren().get(0)).getChildren().add(0, node);
    }

    public ListView<WaterfallModel.Row> list() {
        return list;
    }

    static Color colour(int index) {
        return PALETTE[Math.floorMod(index, PALETTE.length)];
    }

    private static Label columnTitle(String text, double width, Pos alignment) {
        Label l = new Label(text);
        l.setMinWidth(width);
        l.setPrefWidth(width);
        l.setMaxWidth(width);
        l.setAlignment(alignment);
        l.getStyleClass().add("waterfall-column-title");
        return l;
    }

    private double traceMs() {
        TraceView t = model.traceProperty().get();
        return t == null ? 1 : Math.max(t.durationMs(), 1e-9);
    }

    private void drawHeader() {
        header.getChildren().clear();
        TraceView t = model.traceProperty().get();
        double width = header.getWidth() - AXIS_RIGHT;
        if (t == null || width <= 20) {
            return;
        }
        int target = Math.max(2, (int) (width / 90));
        double step = TimeAxis.step(t.durationMs(), target);
        double free = 0;
        for (double tick : TimeAxis.ticks(t.durationMs(), target)) {
            double x = tick / traceMs() * width;
            Line mark = new Line(x, 14, x, 20);
            mark.getStyleClass().add("waterfall-tick");
            header.getChildren().add(mark);
            String text = TimeAxis.label(tick, step);
            double at = Math.min(x + 2, Math.max(0, width - 7 * text.length()));
            if (at >= free) {
                Label label = new Label(text);
                label.getStyleClass().add("waterfall-tick-label");
                label.setLayoutX(at);
                label.setLayoutY(0);
                header.getChildren().add(label);
                free = at + 7 * text.length() + 6;
            }
        }
    }

    private void drawLegend() {
        legend.getChildren().clear();
        for (String service : model.services()) {
            Rectangle chip = new Rectangle(10, 10, colour(model.colourOf(service)));
            Label l = new Label(service, chip);
            l.getStyleClass().add("waterfall-legend-item");
            legend.getChildren().add(l);
        }
        TraceView t = model.traceProperty().get();
        if (t != null) {
            Rectangle crit = new Rectangle(10, 10, Color.TRANSPARENT);
            crit.setStroke(CRITICAL);
            crit.setStrokeWidth(2);
            legend.getChildren().add(new Label("◆ critical path", crit));
        }
    }

    private final class SpanCell extends ListCell<WaterfallModel.Row> {
        private final Label toggle = new Label();
        private final Label name = new Label();
        private final HBox nameBox = new HBox(2, toggle, name);
        private final Label self = new Label();
        private final Label duration = new Label();
        private final Pane axis = new Pane();
        private final Rectangle bar = new Rectangle();
        private final Label barText = new Label();
        private final HBox row = new HBox(6, nameBox, self, duration, axis);
        /** One tooltip per cell, its text updated with the row: creating a Tooltip per update made scrolling slow. */
        private final Tooltip tip = new Tooltip();

        SpanCell() {
            nameBox.setMinWidth(nameWidth);
            nameBox.setPrefWidth(nameWidth);
            nameBox.setMaxWidth(nameWidth);
            nameBox.setAlignment(Pos.CENTER_LEFT);
            toggle.setMinWidth(14);
            toggle.getStyleClass().add("waterfall-toggle");
            toggle.setOnMouseClicked(e -> {
                WaterfallModel.Row r = getItem();
                if (r != null && r.hasChildren()) {
                    model.toggle(r.index());
                    e.consume();
                }
            });
            name.setMinWidth(0);
            HBox.setHgrow(name, Priority.ALWAYS);
            for (Label l : new Label[] {self, duration}) {
                l.setMinWidth(NUMBER_WIDTH);
                l.setPrefWidth(NUMBER_WIDTH);
                l.setMaxWidth(NUMBER_WIDTH);
                l.setAlignment(Pos.CENTER_RIGHT);
                l.getStyleClass().add("waterfall-number");
            }
            barText.getStyleClass().add("waterfall-bar-text");
            axis.getChildren().addAll(bar, barText);
            axis.setMinWidth(40);
            axis.setPrefHeight(18);
            HBox.setHgrow(axis, Priority.ALWAYS);
            row.setAlignment(Pos.CENTER_LEFT);
            axis.widthProperty().addListener((o, a, b) -> layoutBar());
            setPrefWidth(0);
        }

        @Override
        protected void updateItem(WaterfallModel.Row r, boolean empty) {
            super.updateItem(r, empty);
            if (empty || r == null) {
                setGraphic(null);
                setTooltip(null);
                return;
            }
            setTooltip(tip);
            TraceView.SpanView span = r.span();
            nameBox.setPadding(new Insets(0, 0, 0, Math.min(span.depth(), 30) * 12));
            toggle.setText(r.hasChildren() ? (r.collapsed() ? "▸" : "▾") : "");
            name.setText((span.critical() ? "◆ " : "") + (span.status() == 2 ? "! " : "") + span.name() + "  · "
                    + span.service());
            name.getStyleClass().removeAll("waterfall-critical", "waterfall-error");
            if (span.status() == 2) {
                name.getStyleClass().add("waterfall-error");
            } else if (span.critical()) {
                name.getStyleClass().add("waterfall-critical");
            }
            self.setText(String.format(Locale.ROOT, "%.2f", span.selfMs()));
            duration.setText(String.format(Locale.ROOT, "%.2f", span.durationMs()));
            bar.setFill(colour(r.colour()));
            bar.setStroke(span.critical() ? CRITICAL : null);
            bar.setStrokeWidth(span.critical() ? 2 : 0);
            barText.setText(String.format(Locale.ROOT, "%.2f ms", span.durationMs()));
            tip.setText(String.format(Locale.ROOT,
                    "%s · %s%nspan %s%nstart %.3f ms, duration %.3f ms, self %.3f ms%s%s%s", span.name(),
                    span.service(), span.spanId(), span.startMs(), span.durationMs(), span.selfMs(),
                    span.critical() ? String.format(Locale.ROOT, "%non the critical path for %.3f ms",
                            span.criticalMs()) : "", span.status() == 2 ? "\nerror status" : "",
                    "FOLLOWS_FROM".equals(span.refType()) ? "\nfollows from its parent" : ""));
            setGraphic(row);
            layoutBar();
        }

        private void layoutBar() {
            WaterfallModel.Row r = getItem();
            if (r == null) {
                return;
            }
            double width = Math.max(axis.getWidth() - AXIS_RIGHT, 20);
            double x = r.span().startMs() / traceMs() * width;
            double w = Math.max(1.5, r.span().durationMs() / traceMs() * width);
            bar.setX(x);
            bar.setY(3);
            bar.setWidth(w);
            bar.setHeight(13);
            // the duration text goes right of the bar, or left of it when the bar reaches the axis' end
            double textWidth = barText.prefWidth(-1);
            // (or inside it when it spans the whole axis)
            double textX = x + w + 4 + textWidth <= axis.getWidth() ? x + w + 4
                    : x - textWidth - 4 >= 0 ? x - textWidth - 4 : x + 4;
            barText.setLayoutX(textX);
            barText.setLayoutY(1);
        }
    }
}
