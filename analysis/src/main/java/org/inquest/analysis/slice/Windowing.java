package org.inquest.analysis.slice;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.inquest.analysis.filter.FilterLanguage;
import org.inquest.analysis.filter.Timestamps;
import org.inquest.analysis.filter.ValueType;
import org.inquest.analysis.sql.Queries;
import org.inquest.analysis.sql.SqlBuilder;
import org.inquest.connectors.catalog.ColumnInfo;
import org.inquest.connectors.catalog.ColumnRole;
import org.inquest.connectors.error.UsageException;
import org.inquest.connectors.workspace.Identifiers;

/**
 * Splits a slice into consecutive windows with one aggregate query: calendar buckets of the timestamp-role column
 * ({@code date_trunc}; time-zone aware columns are bucketed in UTC), or chunks of N rows in timestamp order
 * (ties broken by DuckDB's {@code rowid}, so every row lands in exactly one chunk). Buckets without rows are
 * omitted. Rows whose timestamp is null belong to no window and are counted. A table without a timestamp column
 * can be chunked by rows (in insertion order) but not bucketed by time (exit 2).
 */
public final class Windowing {
    /** Windows with fewer rows are flagged: their statistics are unreliable (NannyML warns similarly). */
    public static final long MIN_ROWS = 100;
    /** More windows than this is almost surely a mistake (e.g. hours over years); exit 2 instead of a flood. */
    public static final int MAX_WINDOWS = 10_000;

    private Windowing() {
    }

    public static WindowSet split(Connection connection, Slice slice, WindowSpec spec) {
        ColumnInfo time = slice.table().columnWithRole(ColumnRole.TIMESTAMP).orElse(null);
        if (time != null && ValueType.ofSqlType(time.sqlType()) != ValueType.TIMESTAMP) {
            throw new UsageException("column '" + time.name() + "' of table " + slice.table().name()
                    + " has the timestamp role but type " + time.sqlType() + "; --by needs a timestamp column");
        }
        if (spec instanceof WindowSpec.TimeBuckets buckets) {
            if (time == null) {
                throw new UsageException("--by " + spec.text() + " needs a timestamp column, and table "
                        + slice.table().name() + " has none (set one with --role timestamp=COLUMN at import,"
                        + " or use --by rows:N)");
            }
            return byTime(connection, slice, buckets, time);
        }
        return byRows(connection, slice, (WindowSpec.RowChunks) spec, time);
    }

    private static WindowSet byTime(Connection connection, Slice slice, WindowSpec.TimeBuckets spec,
                                    ColumnInfo time) {
        String column = Identifiers.quote(time.name());
        String value = isZoned(time.sqlType()) ? "timezone('UTC', " + column + ")" : column;
        WindowSpec.Unit unit = spec.unit();
        SqlBuilder q = new SqlBuilder()
                .sql("SELECT CAST(b AS VARCHAR), CAST(b + INTERVAL '" + unit.interval() + "' AS VARCHAR), n FROM ("
                        + "SELECT date_trunc('" + unit.datePart() + "', " + value + ") AS b, count(*) AS n FROM "
                        + slice.from() + " WHERE ")
                .fragment(slice.condition())
                .sql(" GROUP BY b) ORDER BY b NULLS FIRST");
        List<Object[]> rows = Queries.list(connection, q.build(),
                rs -> new Object[] {rs.getString(1), rs.getString(2), rs.getLong(3)}, "windows of " + describe(slice));
        long withoutTime = 0;
        List<Window> windows = new ArrayList<>();
        for (Object[] r : rows) {
            if (r[0] == null) {
                withoutTime = (Long) r[2];
                continue;
            }
            String start = Timestamps.format(Timestamps.parseTimestamp((String) r[0]));
            String end = Timestamps.format(Timestamps.parseTimestamp((String) r[1]));
            String name = FilterLanguage.quoteColumn(time.name());
            FilterLanguage.Filter f = FilterLanguage.prepare(name + " >= TIMESTAMP '" + start + "' AND " + name
                    + " < TIMESTAMP '" + end + "'", slice.table());
            long n = (Long) r[2];
            windows.add(new Window(windows.size(), start, end, n, n < MIN_ROWS, slice.restrictedTo(f.sql(),
                    f.canonical())));
        }
        return result(slice, spec, time, windows, withoutTime);
    }

    private static WindowSet byRows(Connection connection, Slice slice, WindowSpec.RowChunks spec, ColumnInfo time) {
        String column = time == null ? null : Identifiers.quote(time.name());
        String order = time == null ? "rowid" : column + " NULLS LAST, rowid";
        String chunk = time == null ? "(rn - 1) // ?" : "CASE WHEN t IS NULL THEN -1 ELSE (rn - 1) // ? END";
        SqlBuilder q = new SqlBuilder()
                .sql("SELECT k, count(*), CAST(min(t) AS VARCHAR), CAST(max(t) AS VARCHAR), arg_min(r, rn),"
                        + " arg_max(r, rn), min(rn) FROM (SELECT " + chunk + " AS k, t, r, rn FROM (SELECT "
                        + (time == null ? "NULL" : column) + " AS t, rowid AS r, row_number() OVER (ORDER BY " + order
                        + ") AS rn FROM " + slice.from() + " WHERE ")
                .fragment(slice.condition())
                .sql(")) GROUP BY k ORDER BY k");
        List<Object> params = new ArrayList<>(List.of(spec.rows()));
        params.addAll(q.build().parameters());
        SqlFragment query = new SqlFragment(q.build().sql(), params);
        List<Object[]> rows = Queries.list(connection, query, rs -> new Object[] {rs.getLong(1), rs.getLong(2),
                rs.getString(3), rs.getString(4), rs.getLong(5), rs.getLong(6), rs.getLong(7)},
                "windows of " + describe(slice));
        long withoutTime = 0;
        List<Window> windows = new ArrayList<>();
        for (Object[] r : rows) {
            long n = (Long) r[1];
            if ((Long) r[0] < 0) {
                withoutTime = n;
                continue;
            }
            long firstRow = (Long) r[6];
            long firstId = (Long) r[4];
            long lastId = (Long) r[5];
            String label = "rows " + firstRow + ".." + (firstRow + n - 1)
                    + (time == null ? " in table order" : " in " + FilterLanguage.quoteColumn(time.name()) + " order");
            SqlFragment condition;
            String start;
            String end;
            if (time == null) {
                condition = SqlFragment.of("rowid BETWEEN ? AND ?", firstId, lastId);
                start = String.valueOf(firstRow);
                end = String.valueOf(firstRow + n - 1);
            } else {
                String cast = "CAST(? AS " + castType(time.sqlType()) + ")";
                String lo = (String) r[2];
                String hi = (String) r[3];
                condition = SqlFragment.of("(" + column + " > " + cast + " OR (" + column + " = " + cast
                        + " AND rowid >= ?)) AND (" + column + " < " + cast + " OR (" + column + " = " + cast
                        + " AND rowid <= ?))", lo, lo, firstId, hi, hi, lastId);
                start = display(lo, time);
                end = display(hi, time);
            }
            windows.add(new Window(windows.size(), start, end, n, n < MIN_ROWS, slice.restrictedTo(condition, label)));
        }
        return result(slice, spec, time, windows, withoutTime);
    }

    private static WindowSet result(Slice slice, WindowSpec spec, ColumnInfo time, List<Window> windows,
                                    long withoutTime) {
        if (windows.size() > MAX_WINDOWS) {
            throw new UsageException("--by " + spec.text() + " splits " + describe(slice) + " into " + windows.size()
                    + " windows (at most " + MAX_WINDOWS + "); choose a coarser window");
        }
        List<String> warnings = new ArrayList<>();
        for (Window w : windows) {
            if (w.small()) {
                warnings.add("window " + (w.index() + 1) + " (" + w.start() + " to " + w.end() + ") has only "
                        + w.rows() + " rows (fewer than " + MIN_ROWS + "); its statistics are unreliable");
            }
        }
        if (withoutTime > 0) {
            warnings.add(withoutTime + " rows of " + describe(slice) + " have no " + time.name()
                    + " and belong to no window");
        }
        return new WindowSet(spec, time == null ? null : time.name(), windows, withoutTime, warnings);
    }

    /** A time as shown to users: normalised, and in UTC for zoned columns. */
    private static String display(String duckText, ColumnInfo time) {
        java.time.LocalDateTime t = Timestamps.parseTimestamp(duckText);
        return t == null ? duckText : Timestamps.format(t);
    }

    /** The DuckDB type to cast window bounds back to, from a fixed list (never text taken from elsewhere). */
    static String castType(String sqlType) {
        String t = sqlType.toUpperCase(Locale.ROOT);
        if (isZoned(t)) {
            return "TIMESTAMPTZ";
        }
        if (t.equals("DATE")) {
            return "DATE";
        }
        for (String exact : new String[] {"TIMESTAMP_NS", "TIMESTAMP_MS", "TIMESTAMP_S"}) {
            if (t.equals(exact)) {
                return exact;
            }
        }
        return "TIMESTAMP";
    }

    private static boolean isZoned(String sqlType) {
        String t = sqlType.toUpperCase(Locale.ROOT);
        return t.contains("WITH TIME ZONE") || t.equals("TIMESTAMPTZ");
    }

    private static String describe(Slice slice) {
        return slice.table().name() + (slice.where() == null ? "" : " where " + slice.where());
    }
}
