package org.inquest.app.ui.quality;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.inquest.analysis.quality.ColumnQuality;
import org.inquest.analysis.quality.QualityReport;
import org.inquest.app.ui.analysis.IncidentSnapshot;
import org.inquest.app.ui.common.ResultGrid;

/** The data quality tab: one row per column of the engine's report, most severe first. */
public final class QualityViewModel {
    static final List<String> COLUMNS = List.of("column", "kind", "severity", "ref null share", "cur null share",
            "null share Δ", "ref distinct", "cur distinct", "new categories", "out of range", "findings");
    private final ObjectProperty<ResultGrid> grid = new SimpleObjectProperty<>(ResultGrid.EMPTY);
    private final StringProperty summary = new SimpleStringProperty("");

    public void show(IncidentSnapshot s) {
        QualityReport q = s == null ? null : s.quality();
        if (q == null) {
            grid.set(ResultGrid.EMPTY);
            summary.set("");
            return;
        }
        List<ColumnQuality> sorted = new ArrayList<>(q.columns());
        sorted.sort((a, b) -> b.severity().compareTo(a.severity()));
        List<List<Object>> rows = new ArrayList<>();
        for (ColumnQuality c : sorted) {
            rows.add(Arrays.asList(c.name(), c.kind(), c.severity().name(),
                    c.reference() == null ? null : c.reference().nullShare(),
                    c.current() == null ? null : c.current().nullShare(), c.nullShareChange(),
                    c.reference() == null ? null : c.reference().distinct(),
                    c.current() == null ? null : c.current().distinct(),
                    c.newCategories() == null || c.newCategories().isEmpty() ? "" : String.join(", ", c.newCategories()),
                    c.outOfRange(), String.join("; ", c.findings())));
        }
        grid.set(new ResultGrid(COLUMNS, rows, false));
        StringBuilder text = new StringBuilder("Overall: " + q.severity().name() + " · " + q.columns().size()
                + " columns compared");
        if (q.schema() != null && !q.schema().isEmpty()) {
            text.append(" · schema: ");
            q.schema().missing().forEach(m -> text.append(m.name()).append(" missing in current; "));
            q.schema().added().forEach(m -> text.append(m.name()).append(" only in current; "));
        }
        q.notes().forEach(n -> text.append("\n").append(n));
        summary.set(text.toString());
    }

    public ObjectProperty<ResultGrid> gridProperty() {
        return grid;
    }

    public StringProperty summaryProperty() {
        return summary;
    }
}
