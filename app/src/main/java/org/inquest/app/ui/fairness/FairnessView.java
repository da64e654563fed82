package org.inquest.app.ui.fairness;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import javafx.geometry.Insets;
import javafx.scene.chart.XYChart;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.inquest.analysis.fairness.Fairness;
import org.inquest.analysis.fairness.FairnessAnalyzer;
import org.inquest.analysis.fairness.GroupRates;
import org.inquest.app.ui.chart.Charts;
import org.inquest.app.ui.chart.ThresholdBarChart;
import org.inquest.app.ui.common.Clip;
import org.inquest.app.ui.common.Format;
import org.inquest.app.ui.common.GridView;
import org.inquest.app.ui.common.ResultGrid;

/** The fairness tab: selection rate per group (both slices) with the four-fifths line, group table, disparities. */
public final class FairnessView extends BorderPane {
    private final ThresholdBarChart bars = Charts.thresholdBars("fairness-bars", "group", "selection rate");
    private final GridView groups = new GridView("fairness-groups", "Open this tab to compute fairness.");
    private final Label numbers = Clip.copyable(new Label());

    public FairnessView(FairnessViewModel vm) {
        setId("fairness");
        ComboBox<String> attribute = new ComboBox<>(vm.attributes());
        attribute.setId("fairness-attribute");
        attribute.valueProperty().bindBidirectional(vm.attributeProperty());
        Label state = new Label();
        state.getStyleClass().add("muted");
        state.textProperty().bind(vm.stateProperty());
        HBox top = new HBox(8, new Label("Sensitive attribute"), attribute, state);
        top.setPadding(new Insets(6, 8, 0, 8));
        numbers.setId("fairness-numbers");
        numbers.setWrapText(true);
        numbers.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        VBox box = new VBox(6, top, numbers, bars, groups);
        VBox.setVgrow(bars, Priority.ALWAYS);
        VBox.setVgrow(groups, Priority.ALWAYS);
        box.setPadding(new Insets(0, 8, 8, 8));
        setCenter(box);
        vm.currentProperty().addListener((o, a, cur) -> show(vm.referenceProperty().get(), cur));
    }

    private void show(Fairness ref, Fairness cur) {
        bars.getData().clear();
        bars.thresholdProperty().set(Double.NaN);
        if (cur == null) {
            numbers.setText("");
            groups.show(ResultGrid.EMPTY);
            return;
        }
        if (ref != null) {
            bars.getData().add(series("reference", ref));
        }
        bars.getData().add(series("current", cur));
        double max = cur.groups().stream().filter(g -> !g.tooSmall() && g.selectionRate() != null)
                .mapToDouble(GroupRates::selectionRate).max().orElse(Double.NaN);
        bars.thresholdProperty().set(max * FairnessAnalyzer.FOUR_FIFTHS);
        bars.thresholdLabelProperty().set("four-fifths of the highest current selection rate ("
                + Format.number(max * FairnessAnalyzer.FOUR_FIFTHS, 3) + ")");
        numbers.setText(String.format(Locale.ROOT, "Current: demographic parity difference %s, ratio %s%s;"
                + " equalized odds difference %s; equal opportunity difference %s.%s",
                Format.number(cur.demographicParityDifference(), 4), Format.number(cur.demographicParityRatio(), 4),
                cur.fourFifthsViolated() ? " (below 0.8: four-fifths rule violated)" : "",
                Format.number(cur.equalizedOddsDifference(), 4), Format.number(cur.equalOpportunityDifference(), 4),
                ref == null ? "" : String.format(Locale.ROOT, "  Reference: parity difference %s, ratio %s, equalized"
                        + " odds %s.", Format.number(ref.demographicParityDifference(), 4),
                        Format.number(ref.demographicParityRatio(), 4), Format.number(ref.equalizedOddsDifference(), 4))));
        List<List<Object>> rows = new ArrayList<>();
        for (GroupRates g : cur.groups()) {
            GroupRates r = ref == null ? null : ref.groups().stream().filter(x -> x.group().equals(g.group()))
                    .findFirst().orElse(null);
            rows.add(Arrays.asList(g.group(), g.rows(), g.selectionRate(), g.tpr(), g.fpr(), g.accuracy(),
                    r == null ? null : r.selectionRate(), r == null ? null : r.tpr(),
                    g.tooSmall() ? "too few rows" : ""));
        }
        groups.show(new ResultGrid(List.of("group", "rows", "selection rate", "TPR", "FPR", "accuracy",
                "ref selection rate", "ref TPR", "note"), rows, false));
    }

    private static XYChart.Series<String, Number> series(String name, Fairness f) {
        List<XYChart.Data<String, Number>> pts = new ArrayList<>();
        for (GroupRates g : f.groups()) {
            if (g.selectionRate() != null) {
                pts.add(new XYChart.Data<>(g.group(), g.selectionRate()));
            }
        }
        return Charts.series(name, pts);
    }
}
