package org.inquest.connectors.traces;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Counts, over a whole spans table, the ways real traces are broken. None of them stops an import or an analysis;
 * they are reported so the analyst knows which numbers rest on damaged traces. The same definitions are applied
 * per trace by {@code analysis.traces.TraceTree} for {@code trace show}.
 * <ul>
 * <li>orphan span: has a parent id, but no span of its trace has that id;</li>
 * <li>duplicate span id: an id held by more than one span of a trace (counted once per id);</li>
 * <li>span in a cycle: cannot be reached from any root or orphan by following parent links;</li>
 * <li>child outside parent: starts within its parent but ends after the parent ends;</li>
 * <li>clock skew: a child that starts before its parent starts (impossible unless clocks disagree).</li>
 * </ul>
 */
public final class TraceIntegrity {
    private TraceIntegrity() {
    }

    public record Counts(long orphanSpans, long duplicateSpanIds, long spansInCycles, long childrenOutsideParent,
            long clockSkew) {
        public long total() {
            return orphanSpans + duplicateSpanIds + spansInCycles + childrenOutsideParent + clockSkew;
        }
    }

    /** Counts over {@code quotedTable} (validated and quoted by the caller). */
    public static Counts count(Connection connection, String quotedTable) throws SQLException {
        String t = quotedTable;
        String sql = "WITH RECURSIVE s AS (SELECT trace_id, span_id, parent_span_id, start_unix_nano AS b,"
                + " end_unix_nano AS e FROM " + t + "),"
                + " ids AS (SELECT DISTINCT trace_id, span_id FROM s),"
                + " orphans AS (SELECT c.trace_id, c.span_id FROM s c WHERE c.parent_span_id IS NOT NULL"
                + "   AND NOT EXISTS (SELECT 1 FROM ids p WHERE p.trace_id = c.trace_id AND p.span_id = c.parent_span_id)),"
                + " reach(trace_id, span_id) AS (SELECT trace_id, span_id FROM s WHERE parent_span_id IS NULL"
                + "   UNION SELECT trace_id, span_id FROM orphans"
                + "   UNION SELECT c.trace_id, c.span_id FROM s c JOIN reach r"
                + "     ON c.trace_id = r.trace_id AND c.parent_span_id = r.span_id),"
                + " pairs AS (SELECT c.b AS cb, c.e AS ce, p.b AS pb, p.e AS pe FROM s c JOIN s p"
                + "   ON c.trace_id = p.trace_id AND c.parent_span_id = p.span_id AND c.span_id <> p.span_id)"
                + " SELECT (SELECT count(*) FROM orphans),"
                + " (SELECT count(*) FROM (SELECT 1 FROM s GROUP BY trace_id, span_id HAVING count(*) > 1)),"
                + " (SELECT count(*) FROM (SELECT trace_id, span_id FROM ids EXCEPT SELECT trace_id, span_id FROM reach)),"
                + " (SELECT count(*) FROM pairs WHERE cb >= pb AND ce > pe),"
                + " (SELECT count(*) FROM pairs WHERE cb < pb)";
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return new Counts(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5));
        }
    }
}
