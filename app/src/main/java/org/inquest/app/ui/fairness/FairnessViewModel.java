package org.inquest.app.ui.fairness;

import java.util.List;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.inquest.analysis.fairness.Fairness;
import org.inquest.analysis.fairness.FairnessAnalyzer;
import org.inquest.analysis.performance.ModelColumns;
import org.inquest.app.ui.analysis.IncidentService;
import org.inquest.app.ui.analysis.IncidentSnapshot;
import org.inquest.app.ui.task.Errors;
import org.inquest.app.ui.task.LatestOnly;
import org.inquest.app.ui.task.TaskRunner;
import org.inquest.connectors.catalog.ColumnInfo;
import org.inquest.connectors.catalog.FeatureKind;

/**
 * The fairness tab: per-group rates of a sensitive attribute in both slices. The attribute defaults to a column
 * that looks sensitive by name (gender, age band, race, ...), else the first categorical feature.
 */
public final class FairnessViewModel {
    static final List<String> SENSITIVE_HINTS = List.of("gender", "sex", "age_band", "age_group", "race",
            "ethnicity", "religion", "nationality", "disability");
    private final ObservableList<String> attributes = FXCollections.observableArrayList();
    private final StringProperty attribute = new SimpleStringProperty();
    private final ObjectProperty<Fairness> reference = new SimpleObjectProperty<>();
    private final ObjectProperty<Fairness> current = new SimpleObjectProperty<>();
    private final StringProperty state = new SimpleStringProperty("");
    private final LatestOnly latest = new LatestOnly();
    private IncidentSnapshot snapshot;
    private TaskRunner runner;
    private boolean loaded;
    private boolean choosingDefault;

    public FairnessViewModel() {
        attribute.addListener((o, a, b) -> {
            if (!choosingDefault) { // the user chose another attribute: recompute for it
                loaded = false;
                load();
            }
        });
    }

    public void attach(TaskRunner runner) {
        this.runner = runner;
        show(null);
    }

    public void show(IncidentSnapshot s) {
        latest.cancel();
        snapshot = s;
        loaded = false;
        reference.set(null);
        current.set(null);
        state.set("");
        if (s == null) {
            return;
        }
        List<String> cats = s.current().table().features().stream()
                .filter(c -> c.featureKind() == FeatureKind.CATEGORICAL).map(ColumnInfo::name).toList();
        if (!cats.equals(attributes)) {
            attributes.setAll(cats);
        }
        if (attribute.get() == null || !cats.contains(attribute.get())) {
            // Choosing the default is not a user's choice: computing waits for load(), when the tab is shown.
            choosingDefault = true;
            attribute.set(cats.stream().filter(c -> SENSITIVE_HINTS.contains(c.toLowerCase(java.util.Locale.ROOT)))
                    .findFirst().orElse(cats.isEmpty() ? null : cats.get(0)));
            choosingDefault = false;
        }
    }

    public void load() {
        IncidentSnapshot s = snapshot;
        String column = attribute.get();
        if (runner == null || s == null || loaded || column == null) {
            return;
        }
        loaded = true;
        state.set("Computing fairness by " + column + "…");
        latest.submit(runner, "Fairness by " + column, ctx -> {
            FairnessAnalyzer f = new FairnessAnalyzer(ctx.connection());
            Fairness ref = s.reference().table().column(column).isPresent()
                    && ModelColumns.of(s.reference().table()).label().isPresent()
                    ? f.analyze(s.reference(), ModelColumns.of(s.reference().table()), IncidentService.THRESHOLD, column)
                    : null;
            Fairness cur = f.analyze(s.current(), ModelColumns.of(s.current().table()), IncidentService.THRESHOLD,
                    column);
            return new Fairness[] {ref, cur};
        }, r -> {
            reference.set(r[0]);
            current.set(r[1]);
            state.set("");
        }, e -> state.set("Failed: " + Errors.oneLine(e)));
    }

    public ObservableList<String> attributes() {
        return attributes;
    }

    public StringProperty attributeProperty() {
        return attribute;
    }

    public ObjectProperty<Fairness> referenceProperty() {
        return reference;
    }

    public ObjectProperty<Fairness> currentProperty() {
        return current;
    }

    public StringProperty stateProperty() {
        return state;
    }
}
