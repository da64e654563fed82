package org.inquest.analysis.quality;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.inquest.analysis.slice.Slice;
import org.inquest.analysis.slice.ValueCounts;
import org.inquest.analysis.sql.PreviousPlan;
import org.inquest.analysis.sql.Queries;
import org.inquest.analysis.sql.SqlBuilder;
import org.inquest.connectors.workspace.Identifiers;

/**
 * Counts categories of several columns over both slices in one query: each column of each slice is grouped by its
 * values (see {@link #groupedPerColumn}), and window functions keep only what the report shows — each side's top
 * categories and the most frequent new ones — plus, per column, how many categories are new and how many current
 * rows they cover. Values are compared as text ({@code CAST(... AS VARCHAR)}), so a column whose type changed is
 * still comparable.
 */
final class CategoryCounter {
    /** A column to count; a null name on a side means the column is absent there. */
    record Column(String name, String referenceName, String currentName) {
    }

    /**
     * Counts for one column. {@code newCategories} are most frequent first; the distinct counts are of non-null
     * values on each side (exact: every category is a group).
     */
    record Categories(List<ColumnStats.CategoryCount> referenceTop, List<ColumnStats.CategoryCount> currentTop,
                      List<String> newCategories, long newCategoryCount, long newCategoryRows,
                      long referenceDistinct, long currentDistinct) {
    }

    private CategoryCounter() {
    }

    static Map<String, Categories> count(Connection connection, Slice reference, Slice current, List<Column> columns,
                                         int top, int maxNew, Map<String, Long> referenceValues,
                                         Map<String, Long> currentValues) {
        Map<String, Categories> result = new LinkedHashMap<>();
        if (columns.isEmpty()) {
            return result;
        }
        SqlBuilder q = new SqlBuilder();
        if (PreviousPlan.enabled(PreviousPlan.QUALITY)) {
            stackedRows(q, reference, current, columns);
        } else {
            groupedPerColumn(q, reference, current, columns);
        }
        q.sql("), ranked AS (SELECT col, value, ref_n, cur_n,"
                + " row_number() OVER (PARTITION BY col ORDER BY ref_n DESC, value) AS ref_rank,"
                + " row_number() OVER (PARTITION BY col ORDER BY cur_n DESC, value) AS cur_rank,"
                + " row_number() OVER (PARTITION BY col, ref_n = 0 ORDER BY cur_n DESC, value) AS new_rank,"
                + " sum(CASE WHEN ref_n = 0 THEN 1 ELSE 0 END) OVER (PARTITION BY col) AS new_count,"
                + " sum(CASE WHEN ref_n = 0 THEN cur_n ELSE 0 END) OVER (PARTITION BY col) AS new_rows,"
                + " sum(CASE WHEN ref_n > 0 THEN 1 ELSE 0 END) OVER (PARTITION BY col) AS ref_distinct,"
                + " sum(CASE WHEN cur_n > 0 THEN 1 ELSE 0 END) OVER (PARTITION BY col) AS cur_distinct"
                + " FROM counts WHERE value IS NOT NULL)"
                + " SELECT col, value, ref_n, cur_n, ref_rank, cur_rank, new_rank, new_count, new_rows, ref_distinct,"
                + " cur_distinct FROM ranked"
                + " WHERE (ref_n > 0 AND ref_rank <= ").value((long) top)
                .sql(") OR (cur_n > 0 AND cur_rank <= ").value((long) top)
                .sql(") OR (ref_n = 0 AND new_rank <= ").value((long) maxNew)
                .sql(") ORDER BY col, value");
        List<Object[]> rows = Queries.list(connection, q.build(), rs -> new Object[] {rs.getInt(1), rs.getString(2),
                rs.getLong(3), rs.getLong(4), rs.getLong(5), rs.getLong(6), rs.getLong(7), rs.getLong(8),
                rs.getLong(9), rs.getLong(10), rs.getLong(11)}, "categories of " + reference.table().name() + " and " + current.table().name());
        for (int i = 0; i < columns.size(); i++) {
            Column column = columns.get(i);
            List<Object[]> mine = new ArrayList<>();
            for (Object[] r : rows) {
                if ((Integer) r[0] == i) {
                    mine.add(r);
                }
            }
            long refValues = referenceValues.getOrDefault(column.name(), 0L);
            long curValues = currentValues.getOrDefault(column.name(), 0L);
            List<ColumnStats.CategoryCount> refTop = top(mine, 2, 4, top, refValues);
            List<ColumnStats.CategoryCount> curTop = top(mine, 3, 5, top, curValues);
            List<Object[]> fresh = new ArrayList<>(mine.stream().filter(r -> (Long) r[2] == 0).toList());
            fresh.sort((a, b) -> Long.compare((Long) a[6], (Long) b[6]));
            List<String> newCategories = fresh.stream().limit(maxNew).map(r -> (String) r[1]).toList();
            long newCount = mine.isEmpty() ? 0 : (Long) mine.get(0)[7];
            long newRows = mine.isEmpty() ? 0 : (Long) mine.get(0)[8];
            long refDistinct = mine.isEmpty() ? 0 : (Long) mine.get(0)[9];
            long curDistinct = mine.isEmpty() ? 0 : (Long) mine.get(0)[10];
            result.put(column.name(), new Categories(refTop, curTop, newCategories, newCount, newRows, refDistinct,
                    curDistinct));
        }
        return result;
    }

    /**
     * The {@link Categories} {@link #count} gives for one column, from both slices' counts per value as text that
     * another analysis of the same slices already read ({@link ValueCounts}, ADR 0131): the same ranking (count
     * descending, then the text in DuckDB's order, as the window functions there order it) without a query.
     */
    static Categories fromCounts(SortedMap<String, Long> reference, SortedMap<String, Long> current, int top,
                                 int maxNew, long referenceValues, long currentValues) {
        SortedMap<String, long[]> both = new TreeMap<>(ValueCounts.TEXT_ORDER);
        reference.forEach((v, n) -> both.computeIfAbsent(v, k -> new long[2])[0] = n);
        current.forEach((v, n) -> both.computeIfAbsent(v, k -> new long[2])[1] = n);
        List<Map.Entry<String, long[]>> rows = new ArrayList<>(both.entrySet());
        List<Map.Entry<String, long[]>> fresh = rows.stream().filter(r -> r.getValue()[0] == 0)
                .sorted(byCount(1)).toList();
        return new Categories(topOf(rows, 0, top, referenceValues), topOf(rows, 1, top, currentValues),
                fresh.stream().limit(maxNew).map(Map.Entry::getKey).toList(), fresh.size(),
                fresh.stream().mapToLong(r -> r.getValue()[1]).sum(),
                rows.stream().filter(r -> r.getValue()[0] > 0).count(),
                rows.stream().filter(r -> r.getValue()[1] > 0).count());
    }

    private static List<ColumnStats.CategoryCount> topOf(List<Map.Entry<String, long[]>> rows, int side, int top,
                                                         long values) {
        return rows.stream().filter(r -> r.getValue()[side] > 0).sorted(byCount(side)).limit(top)
                .map(r -> new ColumnStats.CategoryCount(r.getKey(), r.getValue()[side],
                        values == 0 ? 0.0 : (double) r.getValue()[side] / values)).toList();
    }

    /** Most frequent first, ties in text order: the {@code ORDER BY n DESC, value} of the query. */
    private static Comparator<Map.Entry<String, long[]>> byCount(int side) {
        return Comparator.comparingLong((Map.Entry<String, long[]> r) -> -r.getValue()[side])
                .thenComparing(Map.Entry::getKey, ValueCounts.TEXT_ORDER);
    }

    private static List<ColumnStats.CategoryCount> top(List<Object[]> rows, int countIndex, int rankIndex, int top,
                                                       long values) {
        List<Object[]> kept = new ArrayList<>(rows.stream()
                .filter(r -> (Long) r[countIndex] > 0 && (Long) r[rankIndex] <= top).toList());
        kept.sort((a, b) -> Long.compare((Long) a[rankIndex], (Long) b[rankIndex]));
        return kept.stream().map(r -> new ColumnStats.CategoryCount((String) r[1], (Long) r[countIndex],
                values == 0 ? 0.0 : (double) (Long) r[countIndex] / values)).toList();
    }

    /**
     * The {@code counts} of every (column, value as text) over both slices: each column of each slice grouped by its
     * own values, and only the groups cast to text when that cast is one-to-one (text and integer types, see
     * {@link QualityAlerts#groupsAsItsText}); other types (a DOUBLE's 0.0 and -0.0 are one value but two texts) are
     * cast first. One small hash table per column instead of casting every row of both slices and grouping them
     * through {@code GROUPING SETS}: a third of the CPU on the 10M-row demo (ADR 0105), same counts.
     */
    private static void groupedPerColumn(SqlBuilder q, Slice reference, Slice current, List<Column> columns) {
        // Materialised: inlined into the ranking below, the grouped counts cost twice the CPU (the optimiser
        // rewrites the union; measured on the 10M-row demo, ADR 0105).
        q.sql("WITH both_sides AS MATERIALIZED (");
        boolean first = true;
        for (int side = 0; side < 2; side++) {
            Slice slice = side == 0 ? reference : current;
            for (int i = 0; i < columns.size(); i++) {
                String name = side == 0 ? columns.get(i).referenceName() : columns.get(i).currentName();
                if (name == null) {
                    continue;
                }
                q.sql(first ? "" : " UNION ALL ");
                first = false;
                String col = Identifiers.quote(name);
                boolean asText = slice.table().column(name).map(QualityAlerts::groupsAsItsText).orElse(false);
                if (asText) {
                    q.sql("SELECT " + side + " AS side, " + i + " AS col, CAST(g AS VARCHAR) AS value, n FROM (SELECT "
                            + col + " AS g, count(*) AS n FROM " + slice.from() + " WHERE ").fragment(slice.condition())
                            .sql(" GROUP BY g)");
                } else {
                    q.sql("SELECT " + side + " AS side, " + i + " AS col, CAST(" + col + " AS VARCHAR) AS value,"
                            + " count(*) AS n FROM " + slice.from() + " WHERE ").fragment(slice.condition())
                            .sql(" GROUP BY value");
                }
            }
        }
        q.sql("), counts AS (SELECT col, value, CAST(coalesce(sum(n) FILTER (WHERE side = 0), 0) AS BIGINT) AS ref_n,"
                + " CAST(coalesce(sum(n) FILTER (WHERE side = 1), 0) AS BIGINT) AS cur_n FROM both_sides"
                + " GROUP BY col, value");
    }

    /** The plan before ADR 0105: both slices' rows stacked, every value cast to text, one grouping set per column. */
    private static void stackedRows(SqlBuilder q, Slice reference, Slice current, List<Column> columns) {
        q.sql("WITH both_sides AS (");
        side(q, 0, reference, columns, true);
        q.sql(" UNION ALL ");
        side(q, 1, current, columns, false);
        q.sql("), counts AS (SELECT CASE");
        for (int i = 0; i < columns.size(); i++) {
            q.sql(" WHEN GROUPING(g" + i + ") = 0 THEN " + i);
        }
        q.sql(" END AS col, CASE");
        for (int i = 0; i < columns.size(); i++) {
            q.sql(" WHEN GROUPING(g" + i + ") = 0 THEN g" + i);
        }
        q.sql(" END AS value, count_if(side = 0) AS ref_n, count_if(side = 1) AS cur_n FROM both_sides"
                + " GROUP BY GROUPING SETS (");
        for (int i = 0; i < columns.size(); i++) {
            q.sql((i == 0 ? "" : ", ") + "(g" + i + ")");
        }
        q.sql(")");
    }

    private static void side(SqlBuilder q, int side, Slice slice, List<Column> columns, boolean reference) {
        q.sql("SELECT " + side + " AS side");
        for (int i = 0; i < columns.size(); i++) {
            String name = reference ? columns.get(i).referenceName() : columns.get(i).currentName();
            q.sql(", " + (name == null ? "CAST(NULL AS VARCHAR)" : "CAST(" + Identifiers.quote(name) + " AS VARCHAR)")
                    + " AS g" + i);
        }
        q.sql(" FROM " + slice.from() + " WHERE ").fragment(slice.condition());
    }
}
