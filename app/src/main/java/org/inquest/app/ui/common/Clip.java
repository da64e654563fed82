package org.inquest.app.ui.common;

import javafx.scene.control.ContextMenu;
import javafx.scene.control.Labeled;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Tooltip;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;

/** Puts text on the system clipboard; makes labels showing numbers copyable. */
public final class Clip {
    private Clip() {
    }

    public static void copy(String text) {
        ClipboardContent content = new ClipboardContent();
        content.putString(text == null ? "" : text);
        Clipboard.getSystemClipboard().setContent(content);
    }

    /** Right-click "Copy" and double-click copy the label's text (a number shown is a number the user can paste). */
    public static <T extends Labeled> T copyable(T label) {
        MenuItem item = new MenuItem("Copy");
        item.setOnAction(e -> copy(label.getText()));
        label.setContextMenu(new ContextMenu(item));
        label.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2) {
                copy(label.getText());
            }
        });
        if (label.getTooltip() == null) {
            label.setTooltip(new Tooltip("Double-click or right-click to copy"));
        }
        return label;
    }
}
