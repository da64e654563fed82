package org.inquest.app.ui.slice;

import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Pane;
import javafx.scene.layout.StackPane;
import javafx.scene.shape.Line;
import javafx.scene.text.Text;

/**
 * The filter text field of one slice side: a red underline under the fault's characters when the text does not
 * check, the message as tooltip, and completion (columns, keywords, values) on Ctrl+Space or while typing a word.
 */
final class FilterField extends StackPane {
    private final TextField field = new TextField();
    private final Line underline = new Line();
    private final SliceSide side;

    FilterField(SliceSide side, Runnable apply, String id) {
        this.side = side;
        field.setId(id);
        field.getStyleClass().addAll("filter-field", "monospace");
        field.setPromptText("filter, e.g. region = 'EU' AND income IS NULL   (Ctrl+Space completes, Enter applies)");
        field.textProperty().bindBidirectional(side.filterProperty());
        underline.setStyle("-fx-stroke: -color-danger-emphasis; -fx-stroke-width: 2;");
        underline.setManaged(false);
        Pane overlay = new Pane(underline);
        overlay.setMouseTransparent(true);
        getChildren().addAll(field, overlay);
        side.checkProperty().addListener((o, a, c) -> showCheck(c));
        field.widthProperty().addListener((o, a, b) -> showCheck(side.checkProperty().get()));
        showCheck(side.checkProperty().get());
        CompletionPopup completions = CompletionPopup.attach(field, side::complete);
        field.setOnAction(e -> {
            completions.hide();
            apply.run();
        });
    }

    TextField field() {
        return field;
    }

    private void showCheck(FilterCheck c) {
        field.getStyleClass().remove("invalid");
        underline.setVisible(false);
        field.setTooltip(null);
        if (c == null || c.valid() || side.tableProperty().get() == null) {
            return;
        }
        field.getStyleClass().add("invalid");
        field.setTooltip(new Tooltip(c.message()));
        String text = field.getText() == null ? "" : field.getText();
        int start = Math.min(Math.max(0, c.position()), text.length());
        int end = Math.min(text.length(), start + c.length());
        double x0 = width(text.substring(0, start));
        double x1 = end > start ? width(text.substring(0, end)) : x0 + 8;
        double left = field.getPadding().getLeft() + 1;
        double y = field.getHeight() - 5;
        underline.setStartX(Math.min(left + x0, field.getWidth() - 8));
        underline.setEndX(Math.min(left + x1, field.getWidth() - 2));
        underline.setStartY(y);
        underline.setEndY(y);
        underline.setVisible(true);
    }

    private double width(String s) {
        Text t = new Text(s);
        t.setFont(field.getFont());
        return t.getLayoutBounds().getWidth();
    }
}
