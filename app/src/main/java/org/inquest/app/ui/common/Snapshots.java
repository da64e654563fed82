package org.inquest.app.ui.common;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.SnapshotParameters;
import javafx.scene.image.WritableImage;
import javax.imageio.ImageIO;

/** Saves a chart (any node) as a PNG, for "Save as PNG…" of every chart's {@link ChartMenu}. */
public final class Snapshots {
    private Snapshots() {
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
