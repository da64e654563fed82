package org.inquest.analysis.traces;

import org.inquest.analysis.slice.SqlFragment;

/**
 * What a trace search asks for. A trace matches when its duration (first span start to last span end) lies in
 * [{@code minMs}, {@code maxMs}], its error state matches {@code status}, and — when any span-level criterion is
 * given — one and the same span has the service and the span name and satisfies {@code spanCondition} (a compiled
 * filter on span columns and attributes, e.g. {@code attributes['db.system'] = 'redis'}).
 * {@code traceCondition} restricts the spans considered at all (e.g. traces linked to a predictions slice,
 * {@link LinkedPredictions#traceCondition}). Null fields impose nothing.
 */
public record TraceCriteria(Double minMs, Double maxMs, Status status, String service, String spanName,
        SqlFragment spanCondition, SqlFragment traceCondition) {

    /** Error state of a whole trace: any span with error status (2) makes it an error trace. */
    public enum Status {
        ANY, OK, ERROR
    }

    public TraceCriteria {
        status = status == null ? Status.ANY : status;
        spanCondition = spanCondition == null ? SqlFragment.TRUE : spanCondition;
        traceCondition = traceCondition == null ? SqlFragment.TRUE : traceCondition;
        service = blankToNull(service);
        spanName = blankToNull(spanName);
    }

    public static final TraceCriteria ALL = new TraceCriteria(null, null, Status.ANY, null, null, null, null);

    /** The per-span condition (service, name, span filter) or TRUE when there is none. */
    SqlFragment spanMatch() {
        SqlFragment match = SqlFragment.TRUE;
        if (service != null) {
            match = match.and(SqlFragment.of("service = ?", service));
        }
        if (spanName != null) {
            match = match.and(SqlFragment.of("name = ?", spanName));
        }
        return match.and(spanCondition);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
