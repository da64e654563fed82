package org.inquest.app.ui.slice;

import java.util.function.BiFunction;
import javafx.application.Platform;
import javafx.geometry.Side;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.CustomMenuItem;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;

/**
 * Filter completion under a text field: on Ctrl+Space, or while a word, a quote or a {@code [} is typed, it asks
 * {@code complete} (caret, what to run when a background lookup arrives) and lists what fits; picking an item
 * replaces the proposal's range with the item's text. When keys of a JSON column arrive after the field asked for
 * them, the list is offered again if the caret has not moved.
 */
public final class CompletionPopup {
    private final TextField field;
    private final BiFunction<Integer, Runnable, FilterChecker.CompletionProposal> complete;
    private final ContextMenu completions = new ContextMenu();

    private CompletionPopup(TextField field, BiFunction<Integer, Runnable, FilterChecker.CompletionProposal> complete) {
        this.field = field;
        this.complete = complete;
        field.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.SPACE && e.isShortcutDown()) {
                show(true);
                e.consume();
            }
        });
        field.addEventHandler(KeyEvent.KEY_TYPED, e -> {
            String ch = e.getCharacter();
            if (!ch.isEmpty() && (Character.isLetterOrDigit(ch.charAt(0)) || ch.equals("'") || ch.equals("_")
                    || ch.equals("[") || ch.equals("."))) {
                show(false);
            } else {
                completions.hide();
            }
        });
    }

    /** Adds completion to {@code field}. */
    public static CompletionPopup attach(TextField field,
            BiFunction<Integer, Runnable, FilterChecker.CompletionProposal> complete) {
        return new CompletionPopup(field, complete);
    }

    public void hide() {
        completions.hide();
    }

    private void show(boolean explicit) {
        // Runs after the typed character is in the text.
        Platform.runLater(() -> {
            int caret = field.getCaretPosition();
            String text = field.getText();
            Runnable again = () -> {
                if (field.getScene() != null && field.getScene().getFocusOwner() == field
                        && field.getCaretPosition() == caret && java.util.Objects.equals(text,
                        field.getText())) {
                    show(explicit);
                }
            };
            FilterChecker.CompletionProposal p = complete.apply(caret, again);
            if (p.items().isEmpty() || (!explicit && p.items().size() > 40)) {
                completions.hide();
                return;
            }
            completions.getItems().clear();
            for (FilterChecker.Item item : p.items().subList(0, Math.min(30, p.items().size()))) {
                Label label = new Label(item.label() + (item.detail() == null ? "" : "   " + item.detail()));
                CustomMenuItem menuItem = new CustomMenuItem(label, true);
                menuItem.setOnAction(e -> insert(p, item));
                completions.getItems().add(menuItem);
            }
            if (!completions.isShowing()) {
                completions.show(field, Side.BOTTOM, 0, 0);
            }
        });
    }

    private void insert(FilterChecker.CompletionProposal p, FilterChecker.Item item) {
        String text = field.getText() == null ? "" : field.getText();
        int from = Math.min(p.from(), text.length());
        int to = Math.min(Math.max(p.to(), from), text.length());
        String updated = text.substring(0, from) + item.insertText() + text.substring(to);
        field.setText(updated);
        field.positionCaret(from + item.insertText().length());
    }
}
