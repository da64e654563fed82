package org.inquest.analysis.traces;

import java.sql.Connection;
import java.util.List;
import java.util.Optional;
import org.inquest.analysis.filter.KeyedValues;
import org.inquest.analysis.slice.Slice;
import org.inquest.analysis.slice.SqlFragment;
import org.inquest.analysis.sql.Queries;
import org.inquest.analysis.sql.SqlBuilder;
import org.inquest.connectors.catalog.ColumnInfo;
import org.inquest.connectors.catalog.ColumnRole;
import org.inquest.connectors.catalog.TableInfo;
import org.inquest.connectors.catalog.TraceLink;
import org.inquest.connectors.error.UsageException;
import org.inquest.connectors.workspace.Identifiers;
import org.inquest.connectors.workspace.TraceLinks;

/**
 * The link between a predictions table and a spans table, checked against both tables (ADR 0077). Every join
 * between predictions and spans goes through this class:
 * <ul>
 * <li>by trace id: a prediction's key is its trace id column as lower-case text (the importers store span trace ids
 * as lower-case hex), compared with the span's {@code trace_id};</li>
 * <li>by attribute: a prediction's key is its link column as text, compared with the text of the span attribute
 * (e.g. {@code request.id}) on any span of the trace. A key found in several traces links to the earliest one
 * (smallest start), so a prediction has at most one trace either way. The (key, trace) relation is built from the
 * spans once per statement and joined by hash, never looked up row by row.</li>
 * </ul>
 * Which link: the one passed (a command's {@code --link-*} flags), else the one saved in the workspace
 * ({@code inquest link}), else by trace id. The attribute key reaches DuckDB as a bound JSON-pointer parameter and
 * the column is checked against the table and quoted; user text never becomes SQL text.
 */
public final class LinkedPredictions {
    private final Connection connection;
    private final TableInfo predictions;
    private final String spansTable;
    private final TraceLink link;
    private final ColumnInfo column;

    private LinkedPredictions(Connection connection, TableInfo predictions, String spansTable, TraceLink link,
            ColumnInfo column) {
        this.connection = connection;
        this.predictions = predictions;
        this.spansTable = spansTable;
        this.link = link;
        this.column = column;
    }

    /**
     * The link of {@code predictions} to {@code spansTable}: {@code override} when not null, else the workspace's
     * saved link, else by trace id. Exit 2 with one line when the column is missing or no span has the attribute.
     */
    public static LinkedPredictions resolve(Connection connection, TableInfo predictions, String spansTable,
            TraceLink override) {
        TraceLink link = override != null ? override
                : new TraceLinks(connection).find(predictions.name(), spansTable).orElse(TraceLink.TRACE_ID);
        return check(connection, predictions, spansTable, link);
    }

    /** As {@link #resolve}, without looking up a saved link when {@code override} is null (tests, saving). */
    public static LinkedPredictions check(Connection connection, TableInfo predictions, String spansTable,
            TraceLink link) {
        ColumnInfo column = column(predictions, link);
        TableInfo spans = spansTable == null ? null : SpanTables.require(connection, spansTable);
        if (!link.byTraceId()) {
            if (spans == null) {
                throw new UsageException("a link by span attribute needs a spans table");
            }
            if (spans.column("attributes").isEmpty()) {
                throw new UsageException("table '" + spansTable + "' has no attributes column to link by");
            }
            boolean present = Queries.one(connection, SqlFragment.of("SELECT EXISTS (SELECT 1 FROM "
                    + Identifiers.userTable(spansTable) + " WHERE json_extract_string(attributes, ?) IS NOT NULL)",
                    KeyedValues.pointer(link.attribute())), rs -> rs.getBoolean(1), "the link attribute");
            if (!present) {
                throw new UsageException("no span of table '" + spansTable + "' has the attribute '"
                        + link.attribute() + "' to link table '" + predictions.name() + "' by");
            }
        }
        return new LinkedPredictions(connection, predictions, spansTable, link, column);
    }

    /** The predictions' column the link compares, checked. */
    private static ColumnInfo column(TableInfo predictions, TraceLink link) {
        if (link.column() != null) {
            return predictions.column(link.column()).orElseThrow(() -> new UsageException("table '"
                    + predictions.name() + "' has no column '" + link.column() + "' to link by"));
        }
        if (link.byTraceId()) {
            return predictions.columnWithRole(ColumnRole.TRACE_ID).orElseThrow(() -> new UsageException(
                    "table '" + predictions.name() + "' has no column with the trace_id role (import it with"
                            + " --role trace_id=COLUMN, or link by a span attribute: --link-attribute KEY)"));
        }
        return predictions.columnWithRole(ColumnRole.ID).orElseThrow(() -> new UsageException("table '"
                + predictions.name() + "' has no column with the id role to compare with attribute '"
                + link.attribute() + "' (name one with --link-column COLUMN)"));
    }

    /** The link with its column made explicit (what is saved and shown). */
    public TraceLink link() {
        return new TraceLink(column.name(), link.attribute());
    }

    public boolean byTraceId() {
        return link.byTraceId();
    }

    public ColumnInfo column() {
        return column;
    }

    public String spansTable() {
        return spansTable;
    }

    /** How the rows join, for people: {@code trace_id = span trace_id} or {@code request_id = attributes['request.id']}. */
    public String describe() {
        return column.name() + " = " + (link.byTraceId() ? "span trace_id"
                : "span attributes['" + link.attribute().replace("'", "''") + "']");
    }

    /** SQL of a prediction row's link key (no parameters): compared with a trace id or an attribute's text. */
    public String predictionKey() {
        String text = "CAST(" + Identifiers.quote(column.name()) + " AS VARCHAR)";
        return link.byTraceId() ? "lower(" + text + ")" : text;
    }

    /**
     * A relation {@code (link_key, trace_id)}: the trace of each key that {@code keys} (a one-column query of
     * prediction keys) returns and that has a trace. By trace id the key is the trace id; by attribute the spans
     * are read once, their attribute's text kept when it is one of the keys, and the earliest trace per key taken.
     */
    public SqlFragment tracesOfKeys(SqlFragment keys) {
        if (link.byTraceId()) {
            return new SqlBuilder().sql("SELECT DISTINCT inquest_k AS link_key, inquest_k AS trace_id FROM (")
                    .fragment(keys).sql(") AS inquest_keys(inquest_k) WHERE inquest_k IS NOT NULL").build();
        }
        return keyedTraces(new SqlBuilder().sql("IN (").fragment(keys).sql(")").build());
    }

    /**
     * As {@link #tracesOfKeys} for every key the spans carry (by attribute only: by trace id the key is the trace
     * id and callers join on {@code trace_id} directly).
     */
    public SqlFragment allKeyedTraces() {
        if (link.byTraceId()) {
            throw new IllegalStateException("by trace id the key is the trace id");
        }
        return keyedTraces(SqlFragment.of("IS NOT NULL"));
    }

    /** One scan of the spans: each attribute value passing {@code keyTest}, with its earliest trace. */
    private SqlFragment keyedTraces(SqlFragment keyTest) {
        return new SqlBuilder().sql("SELECT link_key, arg_min(trace_id, start_unix_nano) AS trace_id FROM (SELECT"
                + " json_extract_string(attributes, ").value(KeyedValues.pointer(link.attribute()))
                .sql(") AS link_key, trace_id, start_unix_nano FROM " + Identifiers.userTable(spansTable)
                        + ") WHERE link_key ").fragment(keyTest).sql(" GROUP BY link_key").build();
    }

    /** A condition on the spans table: the span's trace is linked to a row of the predictions slice. */
    public SqlFragment traceCondition(Slice slice) {
        SqlFragment keys = new SqlBuilder().sql("SELECT " + predictionKey() + " FROM " + slice.from() + " WHERE ")
                .fragment(slice.condition()).build();
        if (link.byTraceId()) {
            return new SqlBuilder().sql("trace_id IN (").fragment(keys).sql(")").build();
        }
        return new SqlBuilder().sql("trace_id IN (SELECT trace_id FROM (").fragment(tracesOfKeys(keys)).sql("))")
                .build();
    }

    /** The trace of a prediction whose link column holds {@code key}; empty when no span carries it. */
    public Optional<String> traceOf(Object key) {
        if (key == null) {
            return Optional.empty();
        }
        if (link.byTraceId()) {
            return Optional.of(SpanTables.normalizeTraceId(key.toString()));
        }
        List<String> found = Queries.list(connection, new SqlBuilder().sql("SELECT trace_id FROM (").fragment(
                tracesOfKeys(SqlFragment.of("SELECT CAST(? AS VARCHAR)", key.toString()))).sql(")").build(),
                rs -> rs.getString(1), "the trace of a prediction");
        return found.stream().findFirst();
    }

    /** A condition on the predictions table: the row is linked to trace {@code traceId}. */
    public SqlFragment rowsOfTrace(String traceId) {
        String id = SpanTables.normalizeTraceId(traceId);
        if (link.byTraceId()) {
            return SqlFragment.of(predictionKey() + " = ?", id);
        }
        return new SqlBuilder().sql(predictionKey() + " IN (SELECT link_key FROM (").fragment(tracesOfKeys(
                new SqlBuilder().sql("SELECT json_extract_string(attributes, ").value(KeyedValues.pointer(
                        link.attribute())).sql(") FROM " + Identifiers.userTable(spansTable) + " WHERE trace_id = ")
                        .value(id).build())).sql(") WHERE trace_id = ").value(id).sql(")").build();
    }

    public TableInfo predictions() {
        return predictions;
    }
}
