package org.inquest.app.ui.traces;

import java.util.Locale;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.paint.Color;
import javafx.scene.shape.Rectangle;
import org.inquest.analysis.traces.TraceView;

/**
 * A trace's waterfall: one row per span in tree order, name indented by depth, a bar placed on the trace's time
 * axis and coloured by service; spans on the critical path have a red outline and a ◆. A {@link ListView}
 * creates cells only for visible rows, so a 5,000-span trace scrolls as smoothly as a 5-span one.
 */
public final class WaterfallView extends ListView<TraceView.SpanView> {
    private static final Color[] PALETTE = {Color.web("#4e79a7"), Color.web("#f28e2b"), Color.web("#59a14f"),
        Color.web("#b07aa1"), Color.web("#76b7b2"), Color.web("#edc948"), Color.web("#9c755f"), Color.web("#bab0ac")};
    private static final double NAME_WIDTH = 340;
    private double traceMs = 1;

    public WaterfallView() {
        setId("trace-waterfall");
        setCellFactory(list -> new SpanCell());
    }

    public void show(TraceView view) {
        if (view == null) {
            getItems().clear();
            return;
        }
        traceMs = Math.max(view.durationMs(), 1e-9);
        getItems().setAll(view.spans());
    }

    static Color colour(String service) {
        return PALETTE[Math.floorMod(service == null ? 0 : service.hashCode(), PALETTE.length)];
    }

    private final class SpanCell extends ListCell<TraceView.SpanView> {
        private final Label name = new Label();
        private final Pane axis = new Pane();
        private final Rectangle bar = new Rectangle();
        private final Label duration = new Label();
        private final HBox row = new HBox(6, name, axis);

        SpanCell() {
            name.setMinWidth(NAME_WIDTH);
            name.setMaxWidth(NAME_WIDTH);
            axis.getChildren().addAll(bar, duration);
            axis.setMinHeight(18);
            HBox.setHgrow(axis, Priority.ALWAYS);
            row.setAlignment(Pos.CENTER_LEFT);
            axis.widthProperty().addListener((o, a, b) -> layoutBar());
        }

        @Override
        protected void updateItem(TraceView.SpanView span, boolean empty) {
            super.updateItem(span, empty);
            if (empty || span == null) {
                setGraphic(null);
                setTooltip(null);
                return;
            }
            name.setText("  ".repeat(Math.min(span.depth(), 40)) + (span.critical() ? "◆ " : "") + span.name()
                    + "  · " + span.service());
            bar.setFill(colour(span.service()));
            bar.setStroke(span.critical() ? Color.web("#d62728") : null);
            bar.setStrokeWidth(span.critical() ? 2 : 0);
            duration.setText(String.format(Locale.ROOT, "%.2f ms (self %.2f)", span.durationMs(), span.selfMs()));
            setTooltip(new Tooltip(String.format(Locale.ROOT,
                    "%s%nservice %s%nspan %s%nstart %.3f ms, duration %.3f ms, self %.3f ms%s%s", span.name(),
                    span.service(), span.spanId(), span.startMs(), span.durationMs(), span.selfMs(),
                    span.critical() ? String.format(Locale.ROOT, "%non the critical path for %.3f ms",
                            span.criticalMs()) : "", span.status() == 2 ? "\nerror status" : "")));
            setGraphic(row);
            layoutBar();
        }

        private void layoutBar() {
            TraceView.SpanView span = getItem();
            if (span == null) {
                return;
            }
            double width = Math.max(axis.getWidth() - 180, 50);
            double x = span.startMs() / traceMs * width;
            double w = Math.max(1.5, span.durationMs() / traceMs * width);
            bar.setX(x);
            bar.setY(3);
            bar.setWidth(w);
            bar.setHeight(12);
            duration.setLayoutX(Math.min(x + w + 4, width + 4));
            duration.setLayoutY(1);
        }
    }
}
