package org.inquest.app.ui.common;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.SnapshotParameters;
import javafx.scene.image.WritableImage;
import javafx.scene.transform.Transform;
import javax.imageio.ImageIO;

/** Saves a chart (any node) as a PNG, for "Save as PNG…" of every chart's {@link ChartMenu}. */
public final class Snapshots {
    private Snapshots() {
    }

    /**
     * Renders {@code node} as it is on screen and writes it as PNG (FX thread), at the screen's pixel density: on a
     * HiDPI screen (output scale 2) the image has twice the node's width and is as sharp as the chart shown.
     */
    public static void savePng(Node node, Path file) {
        double scale = node.getScene() == null || node.getScene().getWindow() == null ? 1
                : node.getScene().getWindow().getOutputScaleX();
        SnapshotParameters parameters = new SnapshotParameters();
        parameters.setTransform(Transform.scale(scale, scale));
        WritableImage image = node.snapshot(parameters, null);
        try {
            ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
