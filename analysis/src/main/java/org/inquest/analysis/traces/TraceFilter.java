package org.inquest.analysis.traces;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.sql.Connection;
import org.inquest.analysis.slice.Slice;
import org.inquest.analysis.slice.SliceResolver;
import org.inquest.analysis.slice.SqlFragment;
import org.inquest.connectors.catalog.TraceLink;
import org.inquest.connectors.error.UsageException;
import org.inquest.connectors.workspace.Identifiers;

/**
 * Which spans of a spans table an analysis looks at, as the user states it, in three filter-language expressions
 * (each optional, all must hold):
 * <ul>
 * <li>{@code where} — on span columns and attributes: which spans are measured
 * (e.g. {@code name = 'feature_store.lookup' AND attributes['db.system'] = 'redis'});</li>
 * <li>{@code traceWhere} — traces having at least one span that matches: every span of those traces is measured
 * (e.g. {@code attributes['http.route'] = '/v1/score'} picks whole requests by their root's route, {@code status
 * = 2} whole requests that had an error somewhere);</li>
 * <li>{@code predictionWhere} on the {@code predictions} table — traces linked ({@code link}, else the link saved
 * in the workspace, else the predictions' {@code trace_id} role; see {@link LinkedPredictions}) to a prediction
 * row that matches (e.g. {@code channel = 'mobile'}, or
 * {@code prediction != label} for the wrong ones; {@code predictions} alone means "traces with a prediction").</li>
 * </ul>
 * Every expression is parsed, checked against its table and compiled to parameterised SQL by the filter language
 * ({@link SliceResolver}); user text never becomes SQL text. Texts are kept in canonical form for display.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TraceFilter(@JsonProperty("where") String where, @JsonProperty("trace_where") String traceWhere,
        @JsonProperty("predictions") String predictions, @JsonProperty("prediction_where") String predictionWhere,
        @JsonProperty("link") TraceLink link) {
    /** Every span. */
    public static final TraceFilter ALL = new TraceFilter(null, null, null, null);

    /** Linked predictions by the saved link (or the trace_id role when none is saved). */
    public TraceFilter(String where, String traceWhere, String predictions, String predictionWhere) {
        this(where, traceWhere, predictions, predictionWhere, null);
    }

    public TraceFilter {
        where = blankToNull(where);
        traceWhere = blankToNull(traceWhere);
        predictions = blankToNull(predictions);
        predictionWhere = blankToNull(predictionWhere);
    }

    /** Only spans matching {@code expression} (span columns and attributes). */
    public static TraceFilter spans(String expression) {
        return new TraceFilter(expression, null, null, null);
    }

    /** Only traces having a span that matches {@code expression}. */
    public static TraceFilter traces(String expression) {
        return new TraceFilter(null, expression, null, null);
    }

    /** Only traces linked to a row of {@code predictions} matching {@code expression} (null: any row). */
    public static TraceFilter linkedTo(String predictions, String expression) {
        return new TraceFilter(null, null, predictions, expression);
    }

    /** The same filter with the predictions linked by {@code link} (null: the saved link). */
    public TraceFilter withLink(TraceLink link) {
        return new TraceFilter(where, traceWhere, predictions, predictionWhere, link);
    }

    /** Both filters must hold. The two may name only one predictions table and one link between them. */
    public TraceFilter and(TraceFilter other) {
        if (predictions != null && other.predictions != null && !predictions.equals(other.predictions)) {
            throw new UsageException("two different predictions tables ('" + predictions + "', '"
                    + other.predictions + "') in one trace filter");
        }
        if (link != null && other.link != null && !link.equals(other.link)) {
            throw new UsageException("two different links to the predictions in one trace filter");
        }
        return new TraceFilter(both(where, other.where), both(traceWhere, other.traceWhere),
                predictions != null ? predictions : other.predictions, both(predictionWhere, other.predictionWhere),
                link != null ? link : other.link);
    }

    /**
     * Parses, checks and compiles the filter into a condition on the rows of {@code spansTable}, written back with
     * the canonical text of each expression. {@code flag} names the options in error messages: {@code ""} for
     * {@code --where}/{@code --trace-where}/{@code --prediction-where}, {@code "reference"} for
     * {@code --reference-where}, … A bad expression is exit 2 with its position.
     */
    public Resolved resolve(Connection connection, String spansTable, String flag) {
        String prefix = flag == null || flag.isEmpty() ? "--" : "--" + flag + "-";
        SliceResolver resolver = new SliceResolver(connection);
        SpanTables.require(connection, spansTable);
        Slice spans = resolver.resolve(spansTable, where, prefix + "where");
        SqlFragment condition = spans.condition();
        String canonicalTraceWhere = null;
        if (traceWhere != null) {
            Slice traces = resolver.resolve(spansTable, traceWhere, prefix + "trace-where");
            canonicalTraceWhere = traces.where();
            condition = condition.and(new SqlFragment("trace_id IN (SELECT trace_id FROM "
                    + Identifiers.userTable(spansTable) + " WHERE " + traces.condition().sql() + ")",
                    traces.condition().parameters()));
        }
        String canonicalPredictionWhere = null;
        TraceLink resolvedLink = null;
        if (predictions != null) {
            Slice linked = resolver.resolve(predictions, predictionWhere, prefix + "prediction-where");
            canonicalPredictionWhere = linked.where();
            LinkedPredictions linkedBy = LinkedPredictions.resolve(connection, linked.table(), spansTable, link);
            resolvedLink = linkedBy.link();
            condition = condition.and(linkedBy.traceCondition(linked));
        } else if (predictionWhere != null) {
            throw new UsageException(prefix + "prediction-where needs --predictions TABLE");
        } else if (link != null) {
            throw new UsageException("a link to predictions needs --predictions TABLE");
        }
        return new Resolved(new TraceFilter(spans.where(), canonicalTraceWhere, predictions,
                canonicalPredictionWhere, resolvedLink), condition);
    }

    /** A filter in canonical text and its compiled condition on span rows. */
    public record Resolved(TraceFilter filter, SqlFragment condition) {
        /** Both must hold (e.g. the filters common to two slices, and one slice's own). */
        public Resolved and(Resolved other) {
            return new Resolved(filter.and(other.filter), condition.and(other.condition));
        }
    }

    private static String both(String a, String b) {
        return a == null ? b : b == null ? a : "(" + a + ") AND (" + b + ")";
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
