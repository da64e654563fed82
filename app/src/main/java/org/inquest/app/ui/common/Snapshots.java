package org.inquest.app.ui.common;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.SnapshotParameters;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.image.WritableImage;
import javafx.stage.FileChooser;
import javax.imageio.ImageIO;

/** Saves a chart (any node) as a PNG: right-click "Save as PNG…" on every chart. */
public final class Snapshots {
    private Snapshots() {
    }

    public static <T extends Node> T savable(T chart, String defaultName) {
        MenuItem save = new MenuItem("Save as PNG…");
        save.setOnAction(e -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle("Save chart as PNG");
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("PNG image", "*.png"));
            chooser.setInitialFileName(defaultName + ".png");
            File file = chooser.showSaveDialog(chart.getScene().getWindow());
            if (file != null) {
                savePng(chart, file.toPath());
            }
        });
        ContextMenu menu = new ContextMenu(save);
        chart.setOnContextMenuRequested(e -> menu.show(chart, e.getScreenX(), e.getScreenY()));
        return chart;
    }

    /** Renders {@code node} as it is on screen and writes it as PNG (FX thread). */
    public static void savePng(Node node, Path file) {
        WritableImage image = node.snapshot(new SnapshotParameters(), null);
        try {
            ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
