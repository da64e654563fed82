package org.inquest.app.ui.traces;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;
import org.inquest.analysis.traces.TraceFinder;
import org.inquest.app.ui.common.ChartMenu;
import org.inquest.app.ui.common.ResultGrid;

/**
 * Trace duration over time, drawn on one canvas (a few thousand points are pixels, not nodes): x is the trace's
 * start (UTC), y its duration in ms. Error traces are red, the slowest (listed) traces have a dark outline; a click
 * opens the nearest trace within a few pixels. The points come capped from {@link TraceFinder}.
 */
public final class TraceScatter extends Region {
    private static final double LEFT = 58;
    private static final double BOTTOM = 22;
    private static final double TOP = 8;
    private static final double RIGHT = 10;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("MM-dd HH:mm", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private final Canvas canvas = new Canvas();
    private final Tooltip tip = new Tooltip();
    private List<TraceFinder.Point> points = List.of();
    private double minX;
    private double maxX;
    private double maxY;

    public TraceScatter(Consumer<String> open) {
        setId("traces-scatter");
        getChildren().add(canvas);
        setMinSize(120, 80);
        setPrefSize(420, 220);
        ChartMenu.attach(this, "traces-scatter", this::data);
        canvas.setOnMouseClicked(e -> {
            if (e.getButton() != javafx.scene.input.MouseButton.PRIMARY) {
                return; // the right button asks for the chart menu, not for the nearest trace
            }
            TraceFinder.Point p = nearest(e.getX(), e.getY());
            if (p != null) {
                open.accept(p.traceId());
            }
        });
        canvas.setOnMouseMoved(e -> {
            TraceFinder.Point p = nearest(e.getX(), e.getY());
            if (p == null) {
                Tooltip.uninstall(canvas, tip);
            } else {
                tip.setText(String.format(Locale.ROOT, "%s%n%.2f ms at %s UTC%s", p.traceId(), p.durationMs(),
                        TIME.format(Instant.ofEpochMilli((long) p.startEpochMs())), p.error() ? "\nerror" : ""));
                Tooltip.install(canvas, tip);
            }
        });
    }

    public void show(List<TraceFinder.Point> newPoints) {
        points = newPoints == null ? List.of() : newPoints;
        minX = Double.POSITIVE_INFINITY;
        maxX = Double.NEGATIVE_INFINITY;
        maxY = 0;
        for (TraceFinder.Point p : points) {
            minX = Math.min(minX, p.startEpochMs());
            maxX = Math.max(maxX, p.startEpochMs());
            maxY = Math.max(maxY, p.durationMs());
        }
        if (maxX <= minX) {
            minX -= 1000;
            maxX += 1000;
        }
        maxY = maxY <= 0 ? 1 : maxY * 1.05;
        draw();
    }

    /** The points drawn, for "Copy data": one row per trace, its start as ISO UTC. */
    private ResultGrid data() {
        List<List<Object>> rows = new java.util.ArrayList<>();
        for (TraceFinder.Point p : points) {
            rows.add(List.of(p.traceId(), Instant.ofEpochMilli((long) p.startEpochMs()).toString(), p.durationMs(),
                    p.error(), p.slowest()));
        }
        return new ResultGrid(List.of("trace_id", "start", "duration_ms", "error", "slowest"), rows, false);
    }

    @Override
    protected void layoutChildren() {
        canvas.setWidth(getWidth());
        canvas.setHeight(getHeight());
        draw();
    }

    private double x(double epochMs) {
        return LEFT + (epochMs - minX) / (maxX - minX) * (getWidth() - LEFT - RIGHT);
    }

    private double y(double ms) {
        return getHeight() - BOTTOM - ms / maxY * (getHeight() - BOTTOM - TOP);
    }

    private TraceFinder.Point nearest(double px, double py) {
        TraceFinder.Point best = null;
        double bestD = 36;
        for (TraceFinder.Point p : points) {
            double dx = x(p.startEpochMs()) - px;
            double dy = y(p.durationMs()) - py;
            double d = dx * dx + dy * dy;
            if (d < bestD) {
                bestD = d;
                best = p;
            }
        }
        return best;
    }

    private void draw() {
        double w = getWidth();
        double h = getHeight();
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.clearRect(0, 0, w, h);
        if (w < LEFT + RIGHT + 10 || h < TOP + BOTTOM + 10) {
            return;
        }
        Color axis = Color.gray(0.55);
        g.setStroke(axis);
        g.setLineWidth(1);
        g.strokeLine(LEFT, TOP, LEFT, h - BOTTOM);
        g.strokeLine(LEFT, h - BOTTOM, w - RIGHT, h - BOTTOM);
        g.setFill(axis);
        g.setFont(Font.font(10));
        if (points.isEmpty()) {
            g.setTextAlign(TextAlignment.CENTER);
            g.fillText("no traces match", (LEFT + w - RIGHT) / 2, h / 2);
            return;
        }
        g.setTextAlign(TextAlignment.RIGHT);
        g.setTextBaseline(VPos.CENTER);
        double yStep = TimeAxis.step(maxY, 4);
        for (double t : TimeAxis.ticks(maxY, 4)) {
            double yy = y(t);
            g.strokeLine(LEFT - 3, yy, LEFT, yy);
            g.fillText(TimeAxis.label(t, yStep), LEFT - 5, yy);
        }
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.TOP);
        DateTimeFormatter f = maxX - minX > 86_400_000 ? DAY : TIME;
        for (int i = 0; i <= 3; i++) {
            double t = minX + i * (maxX - minX) / 3;
            double xx = x(t);
            g.strokeLine(xx, h - BOTTOM, xx, h - BOTTOM + 3);
            g.setTextAlign(i == 0 ? TextAlignment.LEFT : i == 3 ? TextAlignment.RIGHT : TextAlignment.CENTER);
            g.fillText(f.format(Instant.ofEpochMilli((long) t)), xx, h - BOTTOM + 5);
        }
        Color normal = Color.web("#4e79a7", 0.55);
        Color error = Color.web("#d62728", 0.8);
        for (TraceFinder.Point p : points) {
            if (!p.slowest()) {
                g.setFill(p.error() ? error : normal);
                g.fillOval(x(p.startEpochMs()) - 2, y(p.durationMs()) - 2, 4, 4);
            }
        }
        g.setStroke(Color.web("#333333"));
        for (TraceFinder.Point p : points) {
            if (p.slowest()) {
                g.setFill(p.error() ? error : Color.web("#f28e2b"));
                g.fillOval(x(p.startEpochMs()) - 3, y(p.durationMs()) - 3, 6, 6);
                g.strokeOval(x(p.startEpochMs()) - 3, y(p.durationMs()) - 3, 6, 6);
            }
        }
    }
}
