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

/**
 * The data quality tab: one row per column of the engine's report, most severe first. The overview needs only the
 * grades, so the full report (exact distinct counts, quantiles, top categories of both slices) is computed here,
 * when the tab is shown, once per snapshot.
 */
public final class QualityViewModel {
    static final List<String> COLUMNS = List.of("column", "kind", "severity", "ref null share", "cur null share",
            "null share Δ", "ref distinct", "cur distinct", "new categories", "out of range", "findings");
    private final ObjectProperty<ResultGrid> grid = new SimpleObjectProperty<>(ResultGrid.EMPTY);
    private final StringProperty summary = new SimpleStringProperty("");

    private final org.inquest.app.ui.task.LatestOnly latest = new org.inquest.app.ui.task.LatestOnly();
    private org.inquest.app.ui.task.TaskRunner runner;

    public void attach(org.inquest.app.ui.task.TaskRunner runner) {
        latest.cancel();
        this.runner = runner;
        show((QualityReport) null);
    }

    /** Shows the snapshot's report, computing it first when the snapshot carries only the grades. */
    public void show(IncidentSnapshot s) {
        latest.cancel();
        if (s == null || s.quality() != null || runner == null) {
            show(s == null ? null : s.quality());
            return;
        }
        grid.set(ResultGrid.EMPTY);
        summary.set("Computing the data quality report…");
        latest.submit(runner, "Data quality report", ctx -> org.inquest.analysis.quality.DataQuality.compare(
                ctx.connection(), s.reference(), s.current()), this::show,
                e -> summary.set("Data quality failed: " + org.inquest.app.ui.task.Errors.oneLine(e)));
    }

    void show(QualityReport q) {
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
