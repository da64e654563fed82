package org.inquest.app.ui.request;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.inquest.analysis.quality.RowQuality;
import org.inquest.analysis.slice.Slice;
import org.inquest.analysis.traces.RequestView;
import org.inquest.connectors.catalog.Catalog;
import org.inquest.connectors.catalog.ColumnRole;
import org.inquest.connectors.catalog.TableInfo;
import org.inquest.connectors.error.UsageException;
import org.inquest.connectors.traces.SpanTable;
import org.inquest.connectors.workspace.TraceLinks;

/**
 * Finds one request for the request view with the engine of {@code inquest trace request} ({@link RequestView}),
 * then checks the prediction row's features against the reference slice ({@link RowQuality}).
 */
public final class RequestService {
    /** A request and its row's checks; {@code reference} names what the row was checked against. */
    public record Loaded(RequestView.Request request, List<RowQuality.Check> checks, String reference,
            String spansTable) {
    }

    /**
     * @param preferredTable the predictions table to try first (the current slice's), may be null
     * @param spansTable     the spans table for the trace, null for the first of the workspace
     * @param reference      the slice the row's values are checked against; null checks against the whole
     *                       predictions table
     */
    public Loaded load(Connection connection, RequestKey key, String preferredTable, String spansTable,
            Slice reference) {
        Catalog catalog = new Catalog(connection);
        List<TableInfo> tables = catalog.tables();
        String spans = spansTable != null ? spansTable : tables.stream().filter(t -> SpanTable.KIND.equals(t.kind()))
                .map(TableInfo::name).findFirst().orElse(null);
        ColumnRole role = key.kind() == RequestKey.Kind.ID ? ColumnRole.ID : ColumnRole.TRACE_ID;
        List<TraceLinks.Saved> links = new TraceLinks(connection).all();
        List<String> candidates = new ArrayList<>();
        if (key.table() != null) {
            candidates.add(key.table());
        } else {
            if (preferredTable != null) {
                candidates.add(preferredTable);
            }
            for (TableInfo t : tables) {
                if (!SpanTable.KIND.equals(t.kind()) && usable(t, role, spans, links)
                        && !candidates.contains(t.name())) {
                    candidates.add(t.name());
                }
            }
        }
        RequestView view = new RequestView(connection);
        for (String table : candidates) {
            TableInfo info = catalog.table(table);
            if (!usable(info, role, spans, links)) {
                continue;
            }
            Optional<RequestView.Request> found = key.kind() == RequestKey.Kind.TRACE
                    ? view.forTrace(table, key.value(), spans) : byId(view, table, key.value(), spans);
            if (found.isPresent()) {
                Slice against = reference != null ? reference : Slice.whole(info);
                List<RowQuality.Check> checks = new RowQuality(connection).check(against, info, found.get().row());
                String text = against.table().name() + (against.where() == null ? "" : " where " + against.where());
                return new Loaded(found.get(), checks, text, spans);
            }
        }
        throw new UsageException(candidates.isEmpty()
                ? "no predictions table has a column with the " + role.wireName() + " role"
                        + (role == ColumnRole.TRACE_ID ? " or a saved link to the spans" : "")
                : "no prediction for " + key + " in " + String.join(", ", candidates));
    }

    /**
     * A table can answer: by id when it has the id role; by trace when it has the trace_id role or a link saved to
     * the spans table (ADR 0077: e.g. by the {@code request.id} attribute).
     */
    private static boolean usable(TableInfo t, ColumnRole role, String spans, List<TraceLinks.Saved> links) {
        return t.columnWithRole(role).isPresent() || role == ColumnRole.TRACE_ID && links.stream()
                .anyMatch(l -> l.predictionsTable().equals(t.name()) && l.spansTable().equals(spans));
    }

    private static Optional<RequestView.Request> byId(RequestView view, String table, String id, String spans) {
        try {
            return Optional.of(view.forPrediction(table, id, spans));
        } catch (UsageException notThere) {
            return Optional.empty();
        }
    }
}
