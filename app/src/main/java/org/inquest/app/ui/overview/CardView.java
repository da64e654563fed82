package org.inquest.app.ui.overview;

import java.util.function.Consumer;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.VBox;
import org.inquest.app.ui.common.Clip;

/**
 * A clickable card: a left click opens the card's tab; the value and the detail line are copyable (right-click
 * "Copy", or double-click the value), which neither a right click nor a click on the value turns into opening the tab.
 */
final class CardView extends VBox {
    private final Label title = new Label();
    private final Label value = new Label();
    private final Label detail = new Label();
    private final Tooltip tooltip = new Tooltip();

    CardView(Consumer<String> openTab) {
        getStyleClass().add("card");
        setSpacing(2);
        setPrefWidth(230);
        setMinWidth(200);
        title.getStyleClass().add("card-title");
        value.getStyleClass().add("card-value");
        detail.getStyleClass().add("card-detail");
        detail.setWrapText(true);
        Clip.copyable(value);
        Clip.copyable(detail);
        getChildren().addAll(title, value, detail);
        Tooltip.install(this, tooltip);
        setOnMouseClicked(e -> {
            if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 1 && !within(value, e.getPickResult()
                    .getIntersectedNode()) && getUserData() instanceof CardModel m && m.tabId() != null) {
                openTab.accept(m.tabId());
            }
        });
    }

    private static boolean within(Node ancestor, Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (n == ancestor) {
                return true;
            }
        }
        return false;
    }

    /** Shows {@code m}; called again with each new snapshot (setting an unchanged text or class is free). */
    void show(CardModel m) {
        setUserData(m);
        setId("card-" + m.id());
        value.setId("card-value-" + m.id());
        title.setText(m.title());
        value.setText(m.value());
        detail.setText(m.detail());
        tooltip.setText(m.detail() + (m.tabId() == null ? "" : "\nClick to open the tab."));
        String severity = m.severity().styleClass();
        if (!getStyleClass().contains(severity)) {
            getStyleClass().removeIf(c -> c.startsWith("severity-"));
            getStyleClass().add(severity);
        }
    }
}
