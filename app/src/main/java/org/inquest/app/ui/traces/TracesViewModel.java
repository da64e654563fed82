package org.inquest.app.ui.traces;

import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.inquest.app.ui.common.Format;
import org.inquest.analysis.slice.Slice;
import org.inquest.analysis.slice.SliceResolver;
import org.inquest.analysis.slice.SqlFragment;
import org.inquest.analysis.traces.LinkedPredictions;
import org.inquest.analysis.traces.OperationStats;
import org.inquest.analysis.traces.TraceCriteria;
import org.inquest.analysis.traces.TraceFinder;
import org.inquest.analysis.traces.TraceSearch;
import org.inquest.analysis.traces.TraceShow;
import org.inquest.analysis.traces.TraceStats;
import org.inquest.analysis.traces.TraceView;
import org.inquest.app.ui.slice.FilterAssist;
import org.inquest.app.ui.slice.KeyLookups;
import org.inquest.app.ui.slice.LanguageFilterChecker;
import org.inquest.app.ui.task.Errors;
import org.inquest.app.ui.task.LatestOnly;
import org.inquest.app.ui.task.TaskRunner;
import org.inquest.connectors.catalog.Catalog;
import org.inquest.connectors.catalog.ColumnRole;
import org.inquest.connectors.catalog.TableInfo;
import org.inquest.connectors.catalog.TraceLink;
import org.inquest.connectors.error.UsageException;
import org.inquest.connectors.traces.SpanTable;
import org.inquest.connectors.workspace.TraceLinks;

/**
 * State of the Traces tab: the search form (duration range, status, service, span name, one attribute condition,
 * a span filter and a filter on linked predictions, both in the filter language), the matching traces (slowest
 * first), the scatter's points (capped), the stage statistics of the matching traces, and the open trace's
 * waterfall. All DuckDB work goes through the task runner; a new search cancels the previous one.
 */
public final class TracesViewModel {
    static final int SEARCH_LIMIT = 200;
    /** Scatter points besides the slowest {@link #SEARCH_LIMIT}: a stable hash sample of the other traces. */
    static final int SCATTER_SAMPLE = 2800;
    /** The "(any)" entry of the service and span-name pickers. */
    public static final String ANY = "";

    private final ObservableList<String> tables = FXCollections.observableArrayList();
    private final StringProperty table = new SimpleStringProperty();
    private final StringProperty minMs = new SimpleStringProperty("");
    private final StringProperty maxMs = new SimpleStringProperty("");
    private final ObjectProperty<TraceCriteria.Status> status = new SimpleObjectProperty<>(TraceCriteria.Status.ANY);
    private final ObservableList<String> services = FXCollections.observableArrayList();
    private final ObservableList<String> spanNames = FXCollections.observableArrayList();
    private final StringProperty service = new SimpleStringProperty(ANY);
    private final StringProperty spanName = new SimpleStringProperty(ANY);
    private final StringProperty attributeKey = new SimpleStringProperty("");
    private final ObjectProperty<AttributeCondition.Op> attributeOp = new SimpleObjectProperty<>(AttributeCondition.Op.EQ);
    private final StringProperty attributeValue = new SimpleStringProperty("");
    private final StringProperty filter = new SimpleStringProperty("");
    private final ObservableList<String> predictionTables = FXCollections.observableArrayList();
    private final StringProperty predictionTable = new SimpleStringProperty();
    private final StringProperty predictionFilter = new SimpleStringProperty("");
    private final ObjectProperty<LinkBy> linkBy = new SimpleObjectProperty<>(LinkBy.TRACE_ID);
    private final StringProperty linkAttribute = new SimpleStringProperty("");
    private final StringProperty linkColumn = new SimpleStringProperty("");
    private final ObservableList<String> predictionColumns = FXCollections.observableArrayList();
    private final ObservableList<OperationStats> stages = FXCollections.observableArrayList();
    private final ObservableList<TraceSearch.TraceSummary> traces = FXCollections.observableArrayList();
    private final ObjectProperty<List<TraceFinder.Point>> points = new SimpleObjectProperty<>(List.of());
    private final LongProperty total = new SimpleLongProperty();
    private final ObjectProperty<TraceView> waterfall = new SimpleObjectProperty<>();
    private final StringProperty message = new SimpleStringProperty("");
    private final javafx.beans.property.ReadOnlyIntegerWrapper linksSaved = new javafx.beans.property.ReadOnlyIntegerWrapper();
    /** Searches started so far: a waterfall that arrives after a newer search leaves that search's message. */
    private long searches;
    private final WaterfallModel waterfallModel = new WaterfallModel();
    private final StageStatsViewModel stageStats = new StageStatsViewModel(() -> this.runner);
    private final LatestOnly searching = new LatestOnly();
    private final LatestOnly opening = new LatestOnly();
    private TaskRunner runner;
    /** The workspace's tables as the catalog describes them, for completing the two filters. */
    private final java.util.Map<String, TableInfo> tableInfos = new java.util.HashMap<>();
    private final KeyLookups keys = new KeyLookups(() -> runner);
    private final FilterAssist spanFilterAssist = new FilterAssist(new LanguageFilterChecker(),
            () -> table.get() == null ? null : tableInfos.get(table.get()), keys);
    private final FilterAssist predictionFilterAssist = new FilterAssist(new LanguageFilterChecker(),
            () -> predictionTable.get() == null ? null : tableInfos.get(predictionTable.get()), keys);
    private long openStarted;
    private volatile long lastOpenNanos;

    /** How the predictions link to the spans (ADR 0077): the trace_id column, or a span attribute. */
    public enum LinkBy {
        TRACE_ID, ATTRIBUTE
    }

    public TracesViewModel() {
        waterfallModel.setRunner(() -> runner);
        predictionTable.addListener((o, a, b) -> loadLink());
        // another kind of link compares another column by default
        linkBy.addListener((o, a, b) -> linkColumn.set(ANY));
        table.addListener((o, a, b) -> loadLink());
    }

    /** Completion for the span filter, against the chosen spans table (keys of its attributes included). */
    public FilterAssist spanFilterAssist() {
        return spanFilterAssist;
    }

    /** Completion for the linked-predictions filter, against the chosen predictions table. */
    public FilterAssist predictionFilterAssist() {
        return predictionFilterAssist;
    }

    /**
     * Whether the traces are on screen. The view model alone searches as soon as it knows the tables; the workbench
     * says when its tab is shown, so that the first search (a scan of every span, the pickers' distinct values)
     * does not hold one of the two workers while the analyst slices the overview (ADR 0110).
     */
    public void setShown(boolean now) {
        shown = now;
        if (now && searchPending) {
            searchPending = false;
            loadPickers();
            search();
        }
    }

    private boolean shown = true;
    private boolean searchPending;

    public void attach(TaskRunner newRunner) {
        this.runner = newRunner;
        searchPending = false;
        searching.cancel();
        opening.cancel();
        tables.clear();
        services.clear();
        spanNames.clear();
        predictionTables.clear();
        stages.clear();
        traces.clear();
        points.set(List.of());
        total.set(0);
        waterfall.set(null);
        waterfallModel.clear();
        stageStats.clear();
        tableInfos.clear();
        keys.clear();
        refreshTables();
    }

    /** Lists the workspace's spans tables and linked predictions tables, then searches the first spans table. */
    public void refreshTables() {
        if (runner == null) {
            return;
        }
        runner.submit("Listing trace tables", ctx -> {
            List<TableInfo> all = new Catalog(ctx.connection()).tables();
            List<String> saved = new TraceLinks(ctx.connection()).all().stream()
                    .map(TraceLinks.Saved::predictionsTable).toList();
            // linkable: by trace id (the role) first, then by a saved link or the id role (attribute link)
            java.util.List<String> linkable = new java.util.ArrayList<>();
            for (boolean byTraceId : new boolean[] {true, false}) {
                for (TableInfo t : all) {
                    boolean has = t.columnWithRole(ColumnRole.TRACE_ID).isPresent() || saved.contains(t.name());
                    if (!SpanTable.KIND.equals(t.kind()) && (byTraceId ? has
                            : !has && t.columnWithRole(ColumnRole.ID).isPresent())) {
                        linkable.add(t.name());
                    }
                }
            }
            return new List<?>[] {all, all.stream().filter(t -> SpanTable.KIND.equals(t.kind())).map(TableInfo::name)
                    .toList(), linkable};
        }, lists -> {
            @SuppressWarnings("unchecked")
            List<TableInfo> all = (List<TableInfo>) lists[0];
            @SuppressWarnings("unchecked")
            List<String> names = (List<String>) lists[1];
            @SuppressWarnings("unchecked")
            List<String> linked = (List<String>) lists[2];
            tableInfos.clear();
            all.forEach(t -> tableInfos.put(t.name(), t));
            keys.clear();
            tables.setAll(names);
            predictionTables.setAll(linked);
            if (!linked.isEmpty() && (predictionTable.get() == null || !linked.contains(predictionTable.get()))) {
                predictionTable.set(linked.get(0));
            }
            if (!names.isEmpty() && (table.get() == null || !names.contains(table.get()))) {
                table.set(names.get(0));
            }
            if (names.isEmpty()) {
                message.set("No traces in this workspace: import some with inquest import --kind traces.");
            } else if (shown) {
                loadPickers();
                search();
            } else {
                searchPending = true;
            }
        }, this::fail);
    }

    /** The distinct services and span names of the chosen table, for the pickers. */
    private void loadPickers() {
        String name = table.get();
        runner.submit("Listing services", ctx -> new List<?>[] {
            org.inquest.analysis.traces.SpanValues.distinct(ctx.connection(), name, "service"), org.inquest.analysis.traces.SpanValues.distinct(ctx.connection(), name, "name")
        }, lists -> {
            @SuppressWarnings("unchecked")
            List<String> s = (List<String>) lists[0];
            @SuppressWarnings("unchecked")
            List<String> n = (List<String>) lists[1];
            services.setAll(withAny(s));
            spanNames.setAll(withAny(n));
        }, this::fail);
    }

    private static List<String> withAny(List<String> values) {
        java.util.ArrayList<String> out = new java.util.ArrayList<>();
        out.add(ANY);
        out.addAll(values);
        return out;
    }

    /** The form as criteria; exit-2 style errors (bad number, empty attribute value) become the message. */
    TraceCriteria criteria(java.sql.Connection connection, String spansTable) {
        SliceResolver resolver = new SliceResolver(connection);
        Double min = number(minMs.get(), "minimum duration");
        Double max = number(maxMs.get(), "maximum duration");
        String spanWhere = spanFilterText();
        SqlFragment spanCondition = spanWhere == null ? null
                : resolver.resolve(spansTable, spanWhere, "span filter").condition();
        SqlFragment linked = null;
        String predWhere = predictionFilter.get();
        String preds = predictionTable.get();
        TraceLink chosen = preds == null ? null : chosenLink();
        if (!blank(predWhere)) {
            if (preds == null) {
                throw new UsageException("no predictions table linked to the spans to filter on");
            }
            Slice slice = resolver.resolve(preds, predWhere, "prediction filter");
            linked = LinkedPredictions.resolve(connection, slice.table(), spansTable, chosen).traceCondition(slice);
        }
        return new TraceCriteria(min, max, status.get(), service.get(), spanName.get(), spanCondition, linked);
    }

    /** Saves the form's link of the chosen predictions table to {@code spansTable} if it changed (true then). */
    boolean saveLink(java.sql.Connection connection, String spansTable) {
        String preds = predictionTable.get();
        return preds != null && applyLink(connection, preds, spansTable, chosenLink());
    }

    /** The link the form shows: by trace id (column blank: the trace_id role) or by a span attribute. */
    TraceLink chosenLink() {
        String column = blank(linkColumn.get()) ? null : linkColumn.get().strip();
        if (linkBy.get() == LinkBy.ATTRIBUTE) {
            if (blank(linkAttribute.get())) {
                throw new UsageException("link by attribute: name the span attribute, e.g. request.id");
            }
            return TraceLink.byAttribute(linkAttribute.get(), column);
        }
        return new TraceLink(column, null);
    }

    /**
     * Saves the form's link when it differs from the saved one (nothing is written for the default trace_id link
     * when none is saved), so the request view and replay follow the same link (ADR 0077). The link is checked
     * first: a bad column or an attribute no span carries is the search's error. True when it was saved.
     */
    static boolean applyLink(java.sql.Connection connection, String preds, String spans, TraceLink chosen) {
        TraceLinks links = new TraceLinks(connection);
        java.util.Optional<TraceLink> saved = links.find(preds, spans);
        boolean isDefault = chosen.byTraceId() && chosen.column() == null;
        if (saved.isEmpty() && isDefault) {
            return false;
        }
        TableInfo info = new Catalog(connection).table(preds);
        TraceLink resolved = LinkedPredictions.check(connection, info, spans, chosen).link();
        if (saved.isPresent() && saved.get().equals(resolved)) {
            return false;
        }
        links.save(preds, spans, resolved);
        return true;
    }

    /** Shows the saved link of the chosen predictions and spans tables (or the trace_id default) in the form. */
    void loadLink() {
        String preds = predictionTable.get();
        String spans = table.get();
        if (runner == null || preds == null || spans == null) {
            return;
        }
        runner.submit("Reading the trace link", ctx -> new Object[] {new TraceLinks(ctx.connection())
                .find(preds, spans).orElse(TraceLink.TRACE_ID), new Catalog(ctx.connection()).table(preds)
                .columns().stream().map(org.inquest.connectors.catalog.ColumnInfo::name).toList()}, loaded -> {
                    if (!preds.equals(predictionTable.get()) || !spans.equals(table.get())) {
                        return;
                    }
                    TraceLink link = (TraceLink) loaded[0];
                    @SuppressWarnings("unchecked")
                    List<String> columns = (List<String>) loaded[1];
                    predictionColumns.setAll(withAny(columns));
                    linkBy.set(link.byTraceId() ? LinkBy.TRACE_ID : LinkBy.ATTRIBUTE);
                    linkAttribute.set(link.attribute() == null ? "" : link.attribute());
                    linkColumn.set(link.column() == null ? ANY : link.column());
                }, this::fail);
    }

    /** The span filter and the attribute condition together, in the filter language (null when both are empty). */
    String spanFilterText() {
        String typed = blank(filter.get()) ? null : filter.get().strip();
        String attribute = blank(attributeKey.get()) ? null
                : new AttributeCondition(attributeKey.get(), attributeOp.get(), attributeValue.get()).filterText();
        if (typed == null || attribute == null) {
            return typed == null ? attribute : typed;
        }
        return "(" + typed + ") AND " + attribute;
    }

    /** Runs the search: matching traces, the scatter and the stage statistics of the matching traces. */
    public void search() {
        String name = table.get();
        if (runner == null || name == null) {
            return;
        }
        searches++;
        message.set("Searching…");
        // set on the worker, read on the UI thread after it: a link saved by a search that then fails counts too
        java.util.concurrent.atomic.AtomicBoolean linkSaved = new java.util.concurrent.atomic.AtomicBoolean();
        searching.submit(runner, "Searching traces", ctx -> {
            linkSaved.set(saveLink(ctx.connection(), name));
            TraceCriteria c = criteria(ctx.connection(), name);
            TraceFinder finder = new TraceFinder(ctx.connection());
            TraceFinder.Result found = finder.find(name, c, SEARCH_LIMIT, SCATTER_SAMPLE);
            ctx.checkCancelled();
            SqlFragment matching = finder.traceCondition(name, c, true);
            List<OperationStats> ops = found.total() == 0 ? List.of()
                    : new TraceStats(ctx.connection()).compute(name, matching).operations();
            return new Search(found, ops, matching);
        }, result -> {
            announceLink(linkSaved.get());
            if (result.found().total() == 0) {
                stageStats.clear();
            } else {
                stageStats.show(name, result.matching());
            }
            stages.setAll(result.ops());
            traces.setAll(result.found().slowest());
            points.set(result.found().points());
            total.set(result.found().total());
            long n = result.found().total();
            message.set(String.format(Locale.ROOT, "%s%s", n == 1 ? "1 trace matches"
                    : String.format(Locale.ROOT, "%,d traces match", n), n > SEARCH_LIMIT
                    ? "; the " + SEARCH_LIMIT + " slowest listed" + (result.found().sampled()
                            ? ", the scatter shows " + String.format(Locale.ROOT, "%,d", result.found().points().size())
                                    + " (the slowest always)" : "") : ", slowest first"));
        }, e -> {
            announceLink(linkSaved.get());
            fail(e);
        });
    }

    private void announceLink(boolean saved) {
        if (saved) {
            linksSaved.set(linksSaved.get() + 1);
        }
    }

    /**
     * How many links searches have saved so far: it grows each time a search saves a changed link, so whoever
     * shows the saved links (the workspace explorer) knows to read them again.
     */
    public javafx.beans.property.ReadOnlyIntegerProperty linksSavedProperty() {
        return linksSaved.getReadOnlyProperty();
    }

    private record Search(TraceFinder.Result found, List<OperationStats> ops, SqlFragment matching) {
    }

    /** Clears the form (not the tables) and searches again. */
    public void reset() {
        minMs.set("");
        maxMs.set("");
        status.set(TraceCriteria.Status.ANY);
        service.set(ANY);
        spanName.set(ANY);
        attributeKey.set("");
        attributeOp.set(AttributeCondition.Op.EQ);
        attributeValue.set("");
        filter.set("");
        predictionFilter.set("");
        search();
    }

    /** Loads the waterfall of {@code traceId}. */
    public void open(String traceId) {
        String name = table.get();
        if (runner == null || name == null || traceId == null) {
            return;
        }
        openStarted = System.nanoTime();
        long searchesAtOpen = searches;
        opening.submit(runner, "Loading trace " + traceId, ctx -> new TraceShow(ctx.connection()).show(name, traceId),
                view -> {
                    waterfall.set(view);
                    waterfallModel.show(name, view);
                    lastOpenNanos = System.nanoTime() - openStarted;
                    if (searches != searchesAtOpen) {
                        return; // a later search owns the message line (its result or its error)
                    }
                    message.set("trace " + view.traceId() + ": " + Format.count(view.spanCount(), "span") + ", "
                            + String.format(Locale.ROOT, "%.3f ms", view.durationMs())
                            + (view.warnings().isEmpty() ? "" : ", " + Format.count(view.warnings().size(), "warning") + ": "
                                    + String.join("; ", view.warnings())));
                }, this::fail);
    }

    /** Nanoseconds from the last {@link #open} to its waterfall rows being set (for the benchmark). */
    public long lastOpenNanos() {
        return lastOpenNanos;
    }

    private void fail(Throwable error) {
        message.set(Errors.oneLine(error));
    }

    private static Double number(String text, String what) {
        if (blank(text)) {
            return null;
        }
        try {
            double d = Double.parseDouble(text.strip());
            if (!Double.isFinite(d) || d < 0) {
                throw new NumberFormatException();
            }
            return d;
        } catch (NumberFormatException e) {
            throw new UsageException(what + ": '" + text.strip() + "' is not a number of milliseconds");
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    public ObservableList<String> tables() {
        return tables;
    }

    public StringProperty tableProperty() {
        return table;
    }

    public StringProperty minMsProperty() {
        return minMs;
    }

    public StringProperty maxMsProperty() {
        return maxMs;
    }

    public ObjectProperty<TraceCriteria.Status> statusProperty() {
        return status;
    }

    public ObservableList<String> services() {
        return services;
    }

    public ObservableList<String> spanNames() {
        return spanNames;
    }

    public StringProperty serviceProperty() {
        return service;
    }

    public StringProperty spanNameProperty() {
        return spanName;
    }

    public StringProperty attributeKeyProperty() {
        return attributeKey;
    }

    public ObjectProperty<AttributeCondition.Op> attributeOpProperty() {
        return attributeOp;
    }

    public StringProperty attributeValueProperty() {
        return attributeValue;
    }

    public StringProperty filterProperty() {
        return filter;
    }

    public ObservableList<String> predictionTables() {
        return predictionTables;
    }

    public StringProperty predictionTableProperty() {
        return predictionTable;
    }

    public StringProperty predictionFilterProperty() {
        return predictionFilter;
    }

    public ObjectProperty<LinkBy> linkByProperty() {
        return linkBy;
    }

    public StringProperty linkAttributeProperty() {
        return linkAttribute;
    }

    /** The predictions column of the link; {@link #ANY} for the role's column (trace_id or id). */
    public StringProperty linkColumnProperty() {
        return linkColumn;
    }

    public ObservableList<String> predictionColumns() {
        return predictionColumns;
    }

    public ObservableList<OperationStats> stages() {
        return stages;
    }

    public ObservableList<TraceSearch.TraceSummary> traces() {
        return traces;
    }

    public ObjectProperty<List<TraceFinder.Point>> pointsProperty() {
        return points;
    }

    public LongProperty totalProperty() {
        return total;
    }

    public ObjectProperty<TraceView> waterfallProperty() {
        return waterfall;
    }

    public StageStatsViewModel stageStats() {
        return stageStats;
    }

    public WaterfallModel waterfallModel() {
        return waterfallModel;
    }

    public StringProperty messageProperty() {
        return message;
    }

    /** The open workspace's runner (the request view reads through it too). */
    public Supplier<TaskRunner> runner() {
        return () -> runner;
    }
}
