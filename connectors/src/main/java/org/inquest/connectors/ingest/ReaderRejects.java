package org.inquest.connectors.ingest;

import java.nio.file.Path;
import java.sql.Array;
import java.sql.SQLException;
import java.util.List;

/**
 * The lines DuckDB's CSV reader refused ({@code store_rejects}), and the mapping from row ordinals to exact source
 * line numbers.
 *
 * <p>DuckDB reports a refused line's byte position exactly, so its line number is found by counting newlines up to
 * that position ({@link LineLocator}, a pass over the file made only when some line was refused). For an accepted row, DuckDB gives no
 * position, so its line is derived set-based: the line after the last refused line before it (or the first data
 * line), plus the rows in between, plus the newlines embedded in quoted values of those rows. Only rows that end up
 * in the quarantine are mapped, and the window over embedded newlines runs only when some value holds one.
 */
final class ReaderRejects {
    static final String REJECTS = "inquest_rejects";
    static final String SCANS = "inquest_reject_scans";
    private static final String REJECTED = "inquest_rejected";
    private static final String LINES = "inquest_reject_lines";
    private static final String ANCHOR = "inquest_anchor";
    private static final String NLB = "inquest_nlb";

    /** Options to append to a {@code read_csv(...)} call so refused lines land in {@value #REJECTS}. */
    static final String READ_OPTIONS = ", store_rejects = true, rejects_table = '" + REJECTS
            + "', rejects_scan = '" + SCANS + "'";

    private long[] positions = new long[0];
    private long[] lines = new long[0];

    /** One row per refused line (DuckDB lists one error per bad value), keeping the first error's reason. */
    void collect(SqlRunner sql) throws SQLException {
        sql.update("CREATE OR REPLACE TEMP TABLE " + REJECTED + " AS SELECT line AS dd_line,"
                + " min(line_byte_position) AS pos, arg_min(csv_line, coalesce(column_idx, 0)) AS raw,"
                + " arg_min(column_name, coalesce(column_idx, 0)) AS column_name,"
                + " arg_min(lower(replace(error_type::VARCHAR, '_', ' ')) || ': '"
                + " || split_part(error_message, chr(10), 1), coalesce(column_idx, 0)) AS reason"
                + " FROM " + REJECTS + " GROUP BY line");
        List<Object[]> rows = sql.rows("SELECT pos FROM " + REJECTED + " ORDER BY pos");
        positions = new long[rows.size()];
        for (int i = 0; i < positions.length; i++) {
            positions[i] = ((Number) rows.get(i)[0]).longValue();
        }
    }

    long count() {
        return positions.length;
    }

    /** Finds the line numbers of the refused lines and lists them by byte position for the SQL that follows. */
    void locate(Path file, CancelHandle cancel, SqlRunner sql) throws SQLException {
        lines = LineLocator.linesAt(file, positions, cancel);
        Long[] p = new Long[positions.length];
        Long[] l = new Long[lines.length];
        for (int i = 0; i < p.length; i++) {
            p[i] = positions[i];
            l[i] = lines[i];
        }
        Array pa = sql.connection().createArrayOf("BIGINT", p);
        Array la = sql.connection().createArrayOf("BIGINT", l);
        sql.update("CREATE OR REPLACE TEMP TABLE " + LINES + " AS SELECT DISTINCT unnest(?::BIGINT[]) AS pos,"
                + " unnest(?::BIGINT[]) AS line", pa, la);
    }

    long quarantine(SqlRunner sql, QuarantineWriter writer) throws SQLException {
        if (positions.length == 0) {
            return 0;
        }
        return writer.insert(sql, "SELECT l.line, r.column_name, r.raw, r.reason FROM " + REJECTED + " r JOIN "
                + LINES + " l USING (pos)", List.of());
    }

    /**
     * (ordinal, line) for the rows in {@link QuarantineWriter#BAD}. {@code firstRecordLine} is DuckDB's own line
     * count of the first data record (1 + skipped lines + header), {@code firstPhysicalLine} its real line;
     * {@code newlines} an SQL expression over {@code stage} counting newlines embedded in a row (null when no
     * column can hold one); {@code ordinal} the SQL expression of a row's ordinal over {@code stage AS src}.
     */
    String lineNumbers(SqlRunner sql, String stage, String ordinal, long firstRecordLine, long firstPhysicalLine,
                       String newlines) throws SQLException {
        sql.update("CREATE OR REPLACE TEMP TABLE " + ANCHOR + " (a BIGINT, next_line BIGINT)");
        if (positions.length > 0) {
            sql.update("INSERT INTO " + ANCHOR + " SELECT a, max(next_line) FROM (SELECT r.dd_line - ?"
                    + " - (row_number() OVER (ORDER BY r.dd_line) - 1) AS a, l.line + 1"
                    + " + (length(r.raw) - length(replace(r.raw, chr(10), ''))) AS next_line"
                    + " FROM " + REJECTED + " r JOIN " + LINES + " l USING (pos)) GROUP BY a", firstRecordLine);
        }
        sql.update("CREATE OR REPLACE TEMP TABLE " + NLB + " (o BIGINT, nl_before BIGINT)");
        if (newlines != null && sql.scalarLong("SELECT count(*) FROM " + stage + " AS src WHERE (" + newlines
                + ") > 0") > 0) {
            sql.update("INSERT INTO " + NLB + " SELECT o, nl_before FROM (SELECT o, sum(nl) OVER (ORDER BY o ROWS"
                    + " BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) - nl AS nl_before FROM (SELECT " + ordinal
                    + " AS o, " + newlines + " AS nl FROM " + stage + " AS src)) WHERE o IN (SELECT ordinal FROM "
                    + QuarantineWriter.BAD + " UNION ALL SELECT a FROM " + ANCHOR + ")");
        }
        return "SELECT b.ordinal, CASE WHEN an.a IS NULL THEN " + firstPhysicalLine
                + " + b.ordinal + coalesce(nb.nl_before, 0)"
                + " ELSE an.next_line + (b.ordinal - an.a) + coalesce(nb.nl_before, 0) - coalesce(na.nl_before, 0) END"
                + " AS line FROM " + QuarantineWriter.BAD + " b ASOF LEFT JOIN " + ANCHOR + " an ON b.ordinal >= an.a"
                + " LEFT JOIN " + NLB + " nb ON nb.o = b.ordinal LEFT JOIN " + NLB + " na ON na.o = an.a";
    }

    void drop(SqlRunner sql) throws SQLException {
        for (String t : new String[] {REJECTS, SCANS, REJECTED, LINES, ANCHOR, NLB}) {
            sql.update("DROP TABLE IF EXISTS " + t);
        }
    }
}
