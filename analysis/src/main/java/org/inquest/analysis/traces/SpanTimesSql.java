package org.inquest.analysis.traces;

/**
 * The SQL that gives every selected span its duration and self time, shared by {@link TraceStats} and
 * {@link TraceCohorts} so the definition lives in one place (ADR 0071). Each selected span's children (from the
 * whole table: a filter picks which spans are measured, never which children they had) are clipped to the span and
 * sorted by start; each adds the part of it beyond the furthest end reached by the children before it
 * ({@code max(end) OVER (... ROWS UNBOUNDED PRECEDING AND 1 PRECEDING)}), which sums to the length of their union.
 * This is the same sweep as {@link SelfTime}, tested against it.
 */
final class SpanTimesSql {
    private SpanTimesSql() {
    }

    /**
     * Common table expressions (without the leading {@code WITH}) ending in
     * {@code m(trace_id, service, name, status, dur, self)}, durations in milliseconds, for the spans of
     * {@code quotedTable} that satisfy {@code conditionSql} (constants, quoted names and {@code ?} only; its
     * parameters are bound by the caller, first in the statement).
     */
    static String ctes(String quotedTable, String conditionSql) {
        return "f AS (SELECT row_number() OVER () AS rid, trace_id, span_id, service, name, status,"
                + "   start_unix_nano AS b, end_unix_nano AS e FROM " + quotedTable + " WHERE " + conditionSql + "),"
                + " kids AS (SELECT f.rid, greatest(c.start_unix_nano, f.b) AS cb, least(c.end_unix_nano, f.e) AS ce"
                + "   FROM f JOIN " + quotedTable + " c ON c.trace_id = f.trace_id AND c.parent_span_id = f.span_id"
                + "   AND c.span_id <> f.span_id"
                + "   WHERE least(c.end_unix_nano, f.e) > greatest(c.start_unix_nano, f.b)),"
                + " swept AS (SELECT rid, cb, ce, max(ce) OVER (PARTITION BY rid ORDER BY cb, ce"
                + "   ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS reached FROM kids),"
                + " covered AS (SELECT rid, sum(greatest(0, ce - greatest(cb, coalesce(reached, cb)))) AS cov"
                + "   FROM swept GROUP BY rid),"
                + " m AS (SELECT f.trace_id, f.service, f.name, f.status, (f.e - f.b) / 1e6 AS dur,"
                + "   (f.e - f.b - coalesce(covered.cov, 0)) / 1e6 AS self FROM f LEFT JOIN covered USING (rid))";
    }
}
