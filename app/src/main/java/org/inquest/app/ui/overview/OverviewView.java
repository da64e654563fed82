package org.inquest.app.ui.overview;

import java.util.List;
import java.util.function.Consumer;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;
import org.inquest.app.ui.analysis.IncidentViewModel;

/** The overview tab: the incident at a glance as cards; a click opens the card's tab. */
public final class OverviewView extends ScrollPane {
    public OverviewView(OverviewViewModel vm, IncidentViewModel incident, Consumer<String> openTab) {
        setId("overview");
        setFitToWidth(true);
        FlowPane cards = new FlowPane(10, 10);
        cards.setId("overview-cards");
        cards.setPadding(new Insets(12));
        // A filter change replaces every card's model but keeps the same cards: the existing views take the new
        // text in place, so the FX thread restyles and relays out seven labels, not seven new subtrees (CSS of new
        // nodes, skins, tooltips). Views are made only when the number of cards changes.
        vm.cards().addListener((ListChangeListener<CardModel>) c -> {
            List<CardModel> models = vm.cards();
            while (cards.getChildren().size() > models.size()) {
                cards.getChildren().remove(cards.getChildren().size() - 1);
            }
            while (cards.getChildren().size() < models.size()) {
                cards.getChildren().add(new CardView(openTab));
            }
            for (int i = 0; i < models.size(); i++) {
                ((CardView) cards.getChildren().get(i)).show(models.get(i));
            }
        });
        Label heading = new Label();
        heading.setId("overview-heading");
        heading.getStyleClass().add("title-4");
        heading.setWrapText(true);
        Label state = new Label();
        state.setId("overview-state");
        state.getStyleClass().add("muted");
        incident.snapshotProperty().addListener((o, a, s) -> heading.setText(s == null ? "" : "Reference: "
                + s.spec().referenceTable() + where(s.reference().where()) + "    vs    Current: "
                + s.spec().currentTable() + where(s.current().where())));
        state.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() -> {
            if (!incident.errorProperty().get().isEmpty()) {
                return "Could not analyse: " + incident.errorProperty().get();
            }
            if (incident.computingProperty().get()) {
                return "Computing…";
            }
            var s = incident.snapshotProperty().get();
            return s == null ? "Choose slices above (or a preset) to analyse." : "Computed in " + s.millis() + " ms.";
        }, incident.computingProperty(), incident.errorProperty(), incident.snapshotProperty()));
        VBox box = new VBox(6, heading, state, cards);
        box.setPadding(new Insets(10));
        setContent(box);
    }

    private static String where(String w) {
        return w == null || w.isBlank() ? " (all rows)" : " where " + w;
    }
}
