package org.inquest.app.ui.overview;

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
        vm.cards().addListener((ListChangeListener<CardModel>) c -> {
            cards.getChildren().clear();
            for (CardModel m : vm.cards()) {
                CardView view = new CardView(openTab);
                view.show(m);
                cards.getChildren().add(view);
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
