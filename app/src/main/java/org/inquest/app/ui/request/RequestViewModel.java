package org.inquest.app.ui.request;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Supplier;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.inquest.app.ui.common.Format;
import org.inquest.analysis.quality.RowQuality;
import org.inquest.analysis.slice.Slice;
import org.inquest.analysis.traces.RequestView;
import org.inquest.app.ui.common.ResultGrid;
import org.inquest.app.ui.task.Errors;
import org.inquest.app.ui.task.LatestOnly;
import org.inquest.app.ui.task.TaskRunner;
import org.inquest.app.ui.traces.WaterfallModel;

/**
 * The request view: one prediction (features, output, label, and its row's data-quality flags against the
 * reference slice) with the waterfall of the trace that produced it. Opened from a trace, a SQL result row or a
 * segment's example; the lookup runs through the task runner.
 */
public final class RequestViewModel {
    public static final List<String> COLUMNS = List.of("", "field", "value", "flag", "detail");
    /** The columns the table shows: field, value, and the check (the flag and its detail, or the detail). */
    public static final List<String> SHOWN = List.of("field", "value", "check");

    private final ObjectProperty<RequestService.Loaded> loaded = new SimpleObjectProperty<>();
    private final ObjectProperty<ResultGrid> fields = new SimpleObjectProperty<>(ResultGrid.EMPTY);
    private final StringProperty title = new SimpleStringProperty("Open a request from a trace (Open prediction),"
            + " a SQL result row with an id or trace_id column, or a segment's example.");
    private final StringProperty message = new SimpleStringProperty("");
    private final WaterfallModel waterfall = new WaterfallModel();
    private final RequestService service = new RequestService();
    private final LatestOnly latest = new LatestOnly();
    private final Supplier<TaskRunner> runner;
    private final Supplier<String> preferredTable;
    private final Supplier<String> spansTable;
    private final Supplier<Slice> reference;

    /**
     * @param preferredTable the predictions table to look in first (the current slice's)
     * @param spansTable     the spans table (the Traces tab's), null for the workspace's first
     * @param reference      the reference slice for the row's flags, null for the whole predictions table
     */
    public RequestViewModel(Supplier<TaskRunner> runner, Supplier<String> preferredTable, Supplier<String> spansTable,
            Supplier<Slice> reference) {
        this.runner = runner;
        this.preferredTable = preferredTable;
        this.spansTable = spansTable;
        this.reference = reference;
        waterfall.setRunner(runner);
    }

    public void open(RequestKey key) {
        TaskRunner r = runner.get();
        if (r == null || key == null) {
            return;
        }
        String preferred = key.table() == null ? preferredTable.get() : key.table();
        String spans = spansTable.get();
        Slice against = reference.get();
        message.set("Looking up " + key + "…");
        latest.submit(r, "Opening " + key, ctx -> service.load(ctx.connection(), key, preferred, spans, against),
                this::show, e -> message.set(Errors.oneLine(e)));
    }

    private void show(RequestService.Loaded l) {
        RequestView.Request q = l.request();
        loaded.set(l);
        fields.set(grid(l));
        waterfall.show(l.spansTable(), q.trace());
        long flags = l.checks().stream().filter(RowQuality.Check::flagged).count();
        title.set("Prediction " + q.id() + " in " + q.table() + (q.traceId() == null ? "" : " · trace " + q.traceId()));
        message.set((flags == 0 ? "no data-quality flags" : flags + (flags == 1 ? " feature flagged" : " features flagged"))
                + " against " + l.reference() + (q.trace() == null ? (q.traceId() == null
                        ? "; the row has no trace id" : "; no spans of this trace in " + l.spansTable())
                        : String.format(Locale.ROOT, "; trace: %s, %.3f ms", Format.count(q.trace().spanCount(), "span"),
                                q.trace().durationMs())));
    }

    /** The rows of the fields table: the prediction's roles, its outcome, then each feature with its check. */
    static ResultGrid grid(RequestService.Loaded l) {
        RequestView.Request q = l.request();
        List<List<Object>> rows = new ArrayList<>();
        rows.add(row("request", "id", q.id(), null, null));
        rows.add(row("request", "trace_id", q.traceId(), null, null));
        rows.add(row("request", "timestamp", q.timestamp(), null, null));
        rows.add(row("request", "model_version", q.modelVersion(), null, null));
        rows.add(row("output", "score", q.score(), null, null));
        rows.add(row("output", "prediction", q.prediction(), null, null));
        rows.add(row("output", "label", q.label(), q.label() == null ? "unlabeled" : null,
                q.label() == null ? "no ground truth yet" : null));
        String outcome = outcome(q.prediction(), q.label());
        rows.add(row("output", "outcome", outcome, "wrong".equals(outcome) ? "wrong" : null, null));
        rows.add(row("output", "latency_ms", q.latencyMs(), null, null));
        for (RowQuality.Check c : l.checks()) {
            rows.add(row("feature", c.column(), c.value(), c.flag(), c.detail()));
        }
        rows.removeIf(r -> r.get(2) == null && r.get(3) == null && !"feature".equals(r.get(0))
                && !"label".equals(r.get(1)));
        return new ResultGrid(COLUMNS, rows, false);
    }

    /** The "check" cell of a fields row: "flag: detail" when flagged, else the detail (may be null). */
    public static String check(List<Object> row) {
        Object flag = row.get(3);
        Object detail = row.get(4);
        if (flag == null) {
            return detail == null ? null : detail.toString();
        }
        return detail == null ? flag.toString() : flag + ": " + detail;
    }

    /** correct / wrong when both prediction and label are there (compared as numbers when both are numeric). */
    static String outcome(Object prediction, Object label) {
        if (prediction == null || label == null) {
            return null;
        }
        boolean same = prediction instanceof Number p && label instanceof Number y
                ? p.doubleValue() == y.doubleValue() : Objects.equals(prediction.toString(), label.toString());
        return same ? "correct" : "wrong";
    }

    private static List<Object> row(String section, String field, Object value, String flag, String detail) {
        return Arrays.asList(section, field, value, flag, detail);
    }

    public ObjectProperty<RequestService.Loaded> loadedProperty() {
        return loaded;
    }

    public ObjectProperty<ResultGrid> fieldsProperty() {
        return fields;
    }

    public StringProperty titleProperty() {
        return title;
    }

    public StringProperty messageProperty() {
        return message;
    }

    public WaterfallModel waterfall() {
        return waterfall;
    }

    /** The open request's trace id, or null. */
    public String traceId() {
        RequestService.Loaded l = loaded.get();
        return l == null ? null : l.request().traceId();
    }
}
