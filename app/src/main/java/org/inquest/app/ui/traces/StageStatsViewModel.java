package org.inquest.app.ui.traces;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.inquest.analysis.slice.SqlFragment;
import org.inquest.analysis.traces.OperationStats;
import org.inquest.analysis.traces.TraceCohorts;
import org.inquest.analysis.traces.TraceFilter;
import org.inquest.analysis.traces.TraceStats;
import org.inquest.app.ui.common.ResultGrid;
import org.inquest.app.ui.slice.SliceSpec;
import org.inquest.app.ui.task.Errors;
import org.inquest.app.ui.task.LatestOnly;
import org.inquest.app.ui.task.TaskRunner;
import org.inquest.connectors.error.UsageException;

/**
 * The Traces tab's stage statistics of the matching traces, in one of three forms: per stage (the search's own
 * {@code trace stats}); reference against current, where the two sides are the matching traces linked to the
 * workbench's reference and current slices ({@link TraceStats#compare}, ADR 0072); or the slowest share of the
 * matching traces against the rest, stages ranked by how much of the slowdown they explain ({@link TraceCohorts}).
 */
public final class StageStatsViewModel {
    /** What the stage table compares. */
    public enum Mode {
        MATCHING("matching traces"), SLICES("reference vs current slice"), COHORTS("slowest vs the rest");

        private final String text;

        Mode(String text) {
            this.text = text;
        }

        @Override
        public String toString() {
            return text;
        }
    }

    static final List<String> SLICE_COLUMNS = List.of("service", "span", "ref count", "cur count", "ref p50",
            "cur p50", "ref p95", "cur p95", "p95 change", "ref self p95", "cur self p95", "self p95 change");
    static final List<String> COHORT_COLUMNS = List.of("service", "span", "contribution ms", "share of slowdown %",
            "self mean change", "p95 change", "slow per trace", "normal per trace", "slow self mean",
            "normal self mean", "slow p95", "normal p95");

    private final ObjectProperty<Mode> mode = new SimpleObjectProperty<>(Mode.MATCHING);
    private final StringProperty slowestPercent = new SimpleStringProperty("5");
    private final ObjectProperty<ResultGrid> grid = new SimpleObjectProperty<>(ResultGrid.EMPTY);
    private final StringProperty message = new SimpleStringProperty("");
    private final LatestOnly latest = new LatestOnly();
    private final Supplier<TaskRunner> runner;
    private Supplier<SliceSpec> slices = () -> null;
    private String table;
    private SqlFragment matching;

    public StageStatsViewModel(Supplier<TaskRunner> runner) {
        this.runner = runner;
        mode.addListener((o, a, m) -> reload());
    }

    /** Where the reference and current slices come from (the workbench's slice bar). */
    public void setSlices(Supplier<SliceSpec> source) {
        this.slices = source;
    }

    /** The search changed: {@code condition} keeps the spans of the matching traces of {@code spansTable}. */
    void show(String spansTable, SqlFragment condition) {
        this.table = spansTable;
        this.matching = condition;
        reload();
    }

    void clear() {
        latest.cancel();
        table = null;
        matching = null;
        grid.set(ResultGrid.EMPTY);
        message.set("");
    }

    /** Recomputes the comparison of the current mode ({@code MATCHING} is the search's own table). */
    public void reload() {
        TaskRunner r = runner.get();
        Mode m = mode.get();
        if (r == null || table == null || matching == null || m == Mode.MATCHING) {
            latest.cancel();
            grid.set(ResultGrid.EMPTY);
            message.set(m == Mode.MATCHING ? "" : "Search first.");
            return;
        }
        String spans = table;
        SqlFragment base = matching;
        if (m == Mode.SLICES) {
            SliceSpec spec = slices.get();
            if (spec == null) {
                grid.set(ResultGrid.EMPTY);
                message.set("Apply reference and current slices (on a predictions table with a trace_id column)"
                        + " first.");
                return;
            }
            message.set("Comparing the slices…");
            latest.submit(r, "Comparing stages by slice", ctx -> {
                TraceFilter.Resolved ref = TraceFilter.linkedTo(spec.referenceTable(), spec.referenceWhere())
                        .resolve(ctx.connection(), spans, "reference");
                TraceFilter.Resolved cur = TraceFilter.linkedTo(spec.currentTable(), spec.currentWhere())
                        .resolve(ctx.connection(), spans, "current");
                return new TraceStats(ctx.connection()).compare(spans, base.and(ref.condition()),
                        base.and(cur.condition()));
            }, c -> {
                grid.set(slicesGrid(c));
                message.set("Matching traces linked to the reference (" + describe(spec.referenceTable(),
                        spec.referenceWhere()) + ") and to the current slice (" + describe(spec.currentTable(),
                        spec.currentWhere()) + "); stages whose self-time p95 grew most first.");
            }, this::fail);
        } else {
            double share;
            try {
                share = Double.parseDouble(slowestPercent.get().strip()) / 100;
            } catch (NumberFormatException | NullPointerException e) {
                fail(new UsageException("slowest share: '" + slowestPercent.get() + "' is not a percentage"));
                return;
            }
            message.set("Comparing the slowest " + slowestPercent.get().strip() + " % with the rest…");
            latest.submit(r, "Comparing slow and normal traces", ctx -> new TraceCohorts(ctx.connection())
                    .compare(spans, base, new TraceCohorts.Slowest(share)), c -> {
                        grid.set(cohortGrid(c));
                        message.set(String.format(Locale.ROOT, "Slow: %,d traces ≥ %.2f ms (mean %.2f ms) against"
                                + " %,d others (mean %.2f ms): %.2f ms slower on average. Stages ranked by their"
                                + " share of that.", c.slow().traces(), c.split().thresholdMs(), c.slow().meanMs(),
                                c.normal().traces(), c.normal().meanMs(), c.differenceMs()));
                    }, this::fail);
        }
    }

    private static String describe(String table, String where) {
        return table + (where == null || where.isBlank() ? "" : " where " + where);
    }

    private void fail(Throwable e) {
        grid.set(ResultGrid.EMPTY);
        message.set(Errors.oneLine(e));
    }

    /** Rows of the side-by-side table, stages whose self-time p95 grew most first (missing sides last). */
    static ResultGrid slicesGrid(TraceStats.Comparison c) {
        List<TraceStats.OperationChange> ops = new ArrayList<>(c.operations());
        ops.sort(Comparator.comparing((TraceStats.OperationChange o) -> o.change() == null ? Double.NEGATIVE_INFINITY
                : o.change().selfP95(), Comparator.reverseOrder()));
        List<List<Object>> rows = new ArrayList<>();
        for (TraceStats.OperationChange o : ops) {
            OperationStats r = o.reference();
            OperationStats k = o.current();
            rows.add(Arrays.asList(o.service(), o.name(), r == null ? null : r.count(), k == null ? null : k.count(),
                    r == null ? null : r.p50(), k == null ? null : k.p50(), r == null ? null : r.p95(),
                    k == null ? null : k.p95(), o.change() == null ? null : o.change().p95(),
                    r == null ? null : r.selfP95(), k == null ? null : k.selfP95(),
                    o.change() == null ? null : o.change().selfP95()));
        }
        return new ResultGrid(SLICE_COLUMNS, rows, false);
    }

    /** Rows of the cohort table, in the engine's ranking (largest contribution first). */
    static ResultGrid cohortGrid(TraceCohorts.Result c) {
        List<List<Object>> rows = new ArrayList<>();
        for (TraceCohorts.Stage s : c.stages()) {
            TraceCohorts.StageSide slow = s.slow();
            TraceCohorts.StageSide normal = s.normal();
            rows.add(Arrays.asList(s.service(), s.name(), s.contributionMs(),
                    s.contributionShare() == null ? null : s.contributionShare() * 100,
                    s.selfMeanChangeMs(), s.p95ChangeMs(), slow == null ? null : slow.perTrace(),
                    normal == null ? null : normal.perTrace(), slow == null ? null : slow.selfMeanMs(),
                    normal == null ? null : normal.selfMeanMs(), slow == null ? null : slow.p95Ms(),
                    normal == null ? null : normal.p95Ms()));
        }
        return new ResultGrid(COHORT_COLUMNS, rows, false);
    }

    public ObjectProperty<Mode> modeProperty() {
        return mode;
    }

    public StringProperty slowestPercentProperty() {
        return slowestPercent;
    }

    public ObjectProperty<ResultGrid> gridProperty() {
        return grid;
    }

    public StringProperty messageProperty() {
        return message;
    }
}
