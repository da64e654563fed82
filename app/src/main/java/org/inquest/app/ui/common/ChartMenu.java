package org.inquest.app.ui.common;

import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import javafx.scene.Node;
import javafx.scene.chart.XYChart;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.stage.FileChooser;

/**
 * The context menu every chart has: "Copy data" puts what the chart draws on the clipboard as tab-separated text
 * (a header row, then a row per point or bin: {@link ChartData}), "Save as PNG…" writes it as an image.
 */
public final class ChartMenu {
    public static final String COPY_DATA = "Copy data";
    public static final String SAVE_PNG = "Save as PNG…";
    private static final String KEY = ChartMenu.class.getName();

    private ChartMenu() {
    }

    /** For a JavaFX chart: its series are the data. */
    public static <T extends XYChart<?, ?>> T attach(T chart, String defaultName) {
        XYChart<?, ?> xy = chart;
        return attach(chart, defaultName, () -> ChartData.of(xy));
    }

    /** For a chart drawn otherwise (a canvas): {@code data} gives what it draws. */
    public static <T extends Node> T attach(T chart, String defaultName, Supplier<ResultGrid> data) {
        MenuItem copy = new MenuItem(COPY_DATA);
        copy.setOnAction(e -> copyData(chart));
        MenuItem save = new MenuItem(SAVE_PNG);
        save.setOnAction(e -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle("Save chart as PNG");
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("PNG image", "*.png"));
            chooser.setInitialFileName(defaultName + ".png");
            File file = chooser.showSaveDialog(chart.getScene().getWindow());
            if (file != null) {
                Snapshots.savePng(chart, file.toPath());
            }
        });
        ContextMenu menu = new ContextMenu(copy, save);
        chart.getProperties().put(KEY, new Attached(menu, data));
        chart.setOnContextMenuRequested(e -> menu.show(chart, e.getScreenX(), e.getScreenY()));
        return chart;
    }

    /** The names of the chart's menu items; empty for a node without the menu. */
    public static List<String> items(Node chart) {
        List<String> names = new ArrayList<>();
        if (chart.getProperties().get(KEY) instanceof Attached a) {
            a.menu().getItems().forEach(i -> names.add(i.getText()));
        }
        return names;
    }

    /** What "Copy data" puts on the clipboard (FX thread). */
    public static String copyData(Node chart) {
        if (!(chart.getProperties().get(KEY) instanceof Attached a)) {
            throw new IllegalArgumentException("no chart menu on " + chart);
        }
        String text = ChartData.tsv(a.data().get());
        Clip.copy(text);
        return text;
    }

    private record Attached(ContextMenu menu, Supplier<ResultGrid> data) {
    }
}
