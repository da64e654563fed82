package org.inquest.app.ui.slice;

import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.control.skin.TextFieldSkin;
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
        underline.setId(id + "-fault");
        Pane overlay = new Pane(underline);
        overlay.setMouseTransparent(true);
        getChildren().addAll(field, overlay);
        side.checkProperty().addListener((o, a, c) -> showCheck(c));
        // the underline is placed during layout, once the field shows the text that was checked (the check can run
        // before the field's own copy of the text changes) and has scrolled it for the caret
        field.textProperty().addListener((o, a, b) -> requestLayout());
        field.caretPositionProperty().addListener((o, a, b) -> requestLayout());
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
        field.setTooltip(null);
        if (faulty(c)) {
            field.getStyleClass().add("invalid");
            field.setTooltip(new Tooltip(c.message()));
        }
        requestLayout();
    }

    private boolean faulty(FilterCheck c) {
        return c != null && !c.valid() && side.tableProperty().get() != null;
    }

    @Override
    protected void layoutChildren() {
        super.layoutChildren();
        field.layout(); // the skin's text position for this size and caret, before measuring it
        placeUnderline(side.checkProperty().get());
    }

    private void placeUnderline(FilterCheck c) {
        String text = field.getText() == null ? "" : field.getText();
        if (!faulty(c) || !text.equals(side.filterProperty().get())) {
            underline.setVisible(false);
            return;
        }
        int start = Math.min(Math.max(0, c.position()), text.length());
        int end = Math.min(text.length(), start + c.length());
        double[] span = span(text, start, end);
        double y = field.getHeight() - 5;
        underline.setStartX(Math.max(0, Math.min(span[0], field.getWidth() - 8)));
        underline.setEndX(Math.max(0, Math.min(span[1], field.getWidth() - 2)));
        underline.setStartY(y);
        underline.setEndY(y);
        underline.setVisible(true);
    }

    /**
     * Left and right x (in the field, which the overlay covers) of characters [start, end): from the skin, which
     * knows where the text is drawn and how far a long text is scrolled.
     */
    double[] span(String text, int start, int end) {
        if (field.getSkin() instanceof TextFieldSkin skin && !text.isEmpty()) {
            if (start >= text.length()) {
                double x = skin.getCharacterBounds(text.length() - 1).getMaxX();
                return new double[] {x, x + 8};
            }
            double x0 = skin.getCharacterBounds(start).getMinX();
            double x1 = end > start ? skin.getCharacterBounds(end - 1).getMaxX() : x0 + 8;
            return new double[] {x0, x1};
        }
        double left = field.getPadding().getLeft() + 1; // before the skin exists: measured with the field's font
        double x0 = left + width(text.substring(0, start));
        return new double[] {x0, end > start ? left + width(text.substring(0, end)) : x0 + 8};
    }

    private double width(String s) {
        Text t = new Text(s);
        t.setFont(field.getFont());
        return t.getLayoutBounds().getWidth();
    }

    Line underline() {
        return underline;
    }
}
