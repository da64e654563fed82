package org.inquest.app.ui.drift;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Insets;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.inquest.analysis.drift.DriftResult;
import org.inquest.analysis.drift.FeatureDrift;
import org.inquest.analysis.drift.FeatureHistogram;
import org.inquest.app.ui.chart.Charts;
import org.inquest.app.ui.common.Clip;
import org.inquest.app.ui.common.Format;
import org.inquest.app.ui.common.ColumnWidths;
import org.inquest.app.ui.common.Grids;
import org.inquest.app.ui.common.GridView;

/** The drift tab: sortable feature table on the left; histogram overlay, numbers and drift over time on the right. */
public final class DriftView extends BorderPane {
    private final BarChart<String, Number> histogram = Charts.bars("drift-histogram", "", "share of rows");
    private final LineChart<String, Number> overTime = Charts.lines("drift-over-time", "day", "statistic");
    private final Label numbers = Clip.copyable(new Label());
    private final javafx.scene.layout.GridPane metrics = new javafx.scene.layout.GridPane();

    public DriftView(DriftViewModel vm) {
        setId("drift");
        Label summary = new Label();
        summary.setId("drift-summary");
        summary.textProperty().bind(vm.summaryProperty());
        summary.setPadding(new Insets(6, 8, 6, 8));
        setTop(summary);

        TableView<FeatureDrift> table = new TableView<>(vm.features());
        table.setId("drift-table");
        table.getColumns().add(text("feature", FeatureDrift::name));
        // the verdict, its statistic and threshold first: at 1366 px the table shows about six columns
        TableColumn<FeatureDrift, String> drifted = text("drift", f -> f.drifted() ? "DRIFT" : "no");
        drifted.setId("drift-flag");
        drifted.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(String v, boolean empty) {
                super.updateItem(v, empty);
                setText(empty ? null : v);
                getStyleClass().remove("cell-critical");
                if (!empty && "DRIFT".equals(v)) {
                    getStyleClass().add("cell-critical");
                }
            }
        });
        table.getColumns().add(drifted);
        table.getColumns().add(number("statistic", FeatureDrift::statistic));
        table.getColumns().add(number("threshold", FeatureDrift::threshold));
        table.getColumns().add(text("method", f -> f.method() == null ? "–" : f.method().wireName()));
        table.getColumns().add(text("kind", FeatureDrift::kind));
        table.getColumns().add(number("p-value", FeatureDrift::pValue));
        table.getColumns().add(number("ref nulls", f -> f.referenceNulls()));
        table.getColumns().add(number("cur nulls", f -> f.currentNulls()));
        Grids.interactive(table, Grids::visible);
        ColumnWidths.install(table, GridView::text);
        table.getSelectionModel().selectedItemProperty().addListener((o, a, f) -> {
            if (f != null) {
                vm.selectedProperty().set(f);
            }
        });
        vm.selectedProperty().addListener((o, a, f) -> showFeature(f, vm.windowsProperty().get()));
        vm.windowsProperty().addListener((o, a, w) -> showFeature(vm.selectedProperty().get(), w));

        Label windowsState = new Label();
        windowsState.getStyleClass().add("muted");
        windowsState.textProperty().bind(vm.windowsStateProperty());
        numbers.setWrapText(true);
        numbers.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        numbers.setId("drift-numbers");
        metrics.setId("drift-metrics");
        metrics.setHgap(14);
        metrics.setVgap(1);
        metrics.getStyleClass().add("text-small");
        metrics.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        // The metrics sit in a compact grid (two name/value pairs a row) so the histogram keeps most of the
        // height at 1366×768; histogram and drift over time share the rest through a divider the user can move.
        histogram.setMinHeight(180);
        overTime.setMinHeight(120);
        VBox overTimeBox = new VBox(4, new Label("Drift over time (each day of current vs reference)"), windowsState,
                overTime);
        VBox.setVgrow(overTime, Priority.ALWAYS);
        SplitPane charts = new SplitPane(histogram, overTimeBox);
        charts.setOrientation(javafx.geometry.Orientation.VERTICAL);
        charts.setDividerPositions(0.6);
        VBox detail = new VBox(6, numbers, metrics, charts);
        VBox.setVgrow(charts, Priority.ALWAYS);
        detail.setPadding(new Insets(6));
        SplitPane split = new SplitPane(table, detail);
        split.setDividerPositions(0.5);
        setCenter(split);
    }

    private void showFeature(FeatureDrift f, DriftResult windows) {
        histogram.getData().clear();
        overTime.getData().clear();
        metrics.getChildren().clear();
        if (f == null) {
            numbers.setText("");
            return;
        }
        String method = f.method() == null ? "no method" : f.method().wireName();
        StringBuilder text = new StringBuilder(f.name() + " (" + f.kind() + "): " + method + " = "
                + Format.number(f.statistic(), 4) + ", threshold " + Format.number(f.threshold(), 4)
                + (f.drifted() ? " → DRIFT" : " → no drift"));
        text.append(String.format(Locale.ROOT, " · nulls: reference %s, current %s",
                Format.percent(f.referenceNulls(), 2), Format.percent(f.currentNulls(), 2)));
        if (f.warning() != null) {
            text.append("\n").append(f.warning());
        }
        numbers.setText(text.toString());
        int i = 0;
        for (var m : f.metrics().entrySet()) {
            Label name = new Label(m.getKey());
            name.getStyleClass().add("muted");
            Label value = Clip.copyable(new Label(Format.number(m.getValue(), 4)));
            name.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
            value.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
            metrics.add(name, (i % 2) * 2, i / 2);
            metrics.add(value, (i % 2) * 2 + 1, i / 2);
            i++;
        }
        FeatureHistogram h = f.histogram();
        if (h != null) {
            List<String> labels = labels(h);
            histogram.getData().add(Charts.series("reference", points(labels, h.reference())));
            histogram.getData().add(Charts.series("current", points(labels, h.current())));
            histogram.getXAxis().setLabel(f.name());
        }
        if (windows != null && windows.windows() != null) {
            List<XYChart.Data<String, Number>> pts = new ArrayList<>();
            for (DriftResult.DriftWindow w : windows.windows()) {
                w.features().stream().filter(x -> x.name().equals(f.name()) && x.statistic() != null).findFirst()
                        .ifPresent(x -> pts.add(new XYChart.Data<>(day(w.start()), x.statistic())));
            }
            overTime.getData().add(Charts.series(method, pts));
            if (f.threshold() != null) {
                List<XYChart.Data<String, Number>> th = new ArrayList<>();
                for (XYChart.Data<String, Number> p : pts) {
                    th.add(new XYChart.Data<>(p.getXValue(), f.threshold()));
                }
                overTime.getData().add(Charts.series("threshold", th));
            }
        }
    }

    private static String day(String start) {
        return start != null && start.length() >= 10 ? start.substring(5, 10) : String.valueOf(start);
    }

    static List<String> labels(FeatureHistogram h) {
        List<String> out = new ArrayList<>();
        if (h.categories() != null && !h.categories().isEmpty()) {
            out.addAll(h.categories());
        } else if (h.edges() != null) {
            int bins = h.reference().size();
            for (int i = 0; i < bins; i++) {
                String lo = i == 0 ? "−∞" : compact(h.edges().get(i - 1));
                String hi = i >= h.edges().size() ? "+∞" : compact(h.edges().get(i));
                out.add("(" + lo + ", " + hi + "]");
            }
        }
        return out;
    }

    private static String compact(double v) {
        return Math.abs(v) >= 1000 ? String.format(Locale.ROOT, "%.0f", v) : String.format(Locale.ROOT, "%.3g", v);
    }

    private static List<XYChart.Data<String, Number>> points(List<String> labels, List<Long> counts) {
        long total = counts.stream().mapToLong(Long::longValue).sum();
        List<XYChart.Data<String, Number>> out = new ArrayList<>();
        for (int i = 0; i < Math.min(labels.size(), counts.size()); i++) {
            out.add(new XYChart.Data<>(labels.get(i), total == 0 ? 0 : (double) counts.get(i) / total));
        }
        return out;
    }

    private static TableColumn<FeatureDrift, String> text(String title, Function<FeatureDrift, String> f) {
        TableColumn<FeatureDrift, String> c = new TableColumn<>(title);
        c.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(f.apply(cell.getValue())));
        return c;
    }

    private static TableColumn<FeatureDrift, Double> number(String title, Function<FeatureDrift, Double> f) {
        TableColumn<FeatureDrift, Double> c = new TableColumn<>(title);
        c.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(f.apply(cell.getValue())));
        c.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(Double v, boolean empty) {
                super.updateItem(v, empty);
                setText(empty ? null : GridView.text(v));
            }
        });
        return c;
    }
}
