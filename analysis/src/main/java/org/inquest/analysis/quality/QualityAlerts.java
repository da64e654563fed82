package org.inquest.analysis.quality;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.inquest.analysis.filter.ValueType;
import org.inquest.analysis.slice.Slice;
import org.inquest.analysis.sql.Queries;
import org.inquest.analysis.sql.SqlBuilder;
import org.inquest.connectors.catalog.ColumnInfo;
import org.inquest.connectors.workspace.Identifiers;

/**
 * Every column's data-quality severity and findings — exactly what {@link DataQuality#compare} grades, through the
 * same {@link QualityGrader} — without the parts of the report that only describe the current slice (its exact
 * distinct counts, quantiles, moments and top categories), which are what makes the full report slow. It is built
 * for a workbench where the reference stays and the current filter changes:
 * <ul>
 *   <li>{@link #reference} profiles the reference once (the full profile, exact) and keeps its category sets;</li>
 *   <li>{@link #compare} then needs one aggregate scan of the current slice (rows, non-null counts, whether all
 *       values are one value, out-of-range counts against the reference bounds) and one grouped count of its
 *       categorical columns, whose values are looked up in the reference's sets.</li>
 * </ul>
 * "All values are one value" is {@code min(x) = max(x)}, which under DuckDB's total order (−0.0 = 0.0, NaN = NaN)
 * is the same as {@code count(DISTINCT x) = 1} that the full report's "constant" finding uses. When the reference
 * holds more than {@link #MAX_REFERENCE_CATEGORIES} categories in all, their sets are not kept and {@link #compare}
 * computes the full report instead. Tested equal to {@link DataQuality#compare} on the quality fixture.
 */
public record QualityAlerts(List<ColumnAlert> columns, int missingColumns, int addedColumns) {
    /** Above this many reference categories (all columns together) the full report is used instead. */
    public static final long MAX_REFERENCE_CATEGORIES = 200_000;

    public QualityAlerts {
        columns = List.copyOf(columns);
    }

    /** One column's grade. */
    public record ColumnAlert(String name, Severity severity, List<String> findings) {
        public ColumnAlert {
            findings = List.copyOf(findings);
        }
    }

    /** What the alerts need from the reference slice, computed once per reference. */
    public static final class Reference {
        private final Slice slice;
        private final SliceProfiler.Profile profile;
        private final Map<String, Set<String>> categories;

        private Reference(Slice slice, SliceProfiler.Profile profile, Map<String, Set<String>> categories) {
            this.slice = slice;
            this.profile = profile;
            this.categories = categories;
        }

        public Slice slice() {
            return slice;
        }
    }

    /** The grades of a full report (the same numbers, for the overview card). */
    public static QualityAlerts of(QualityReport report) {
        List<ColumnAlert> out = new ArrayList<>();
        for (ColumnQuality c : report.columns()) {
            out.add(new ColumnAlert(c.name(), c.severity(), c.findings()));
        }
        return new QualityAlerts(out, report.schema() == null ? 0 : report.schema().missing().size(),
                report.schema() == null ? 0 : report.schema().added().size());
    }

    public long count(Severity severity) {
        return columns.stream().filter(c -> c.severity() == severity).count();
    }

    /** Profiles the reference slice (exact, as the full report does) and collects its category sets. */
    public static Reference reference(Connection connection, Slice reference) {
        SliceProfiler.Profile profile = SliceProfiler.profile(connection, reference, reference.table().columns(),
                Map.of(), false);
        List<ColumnInfo> categorical = new ArrayList<>();
        long total = 0;
        for (ColumnInfo c : reference.table().columns()) {
            if (ColumnKind.of(c).hasCategories()) {
                categorical.add(c);
                Long d = profile.columns().get(c.name()).distinct();
                total += d == null ? 0 : d;
            }
        }
        Map<String, Set<String>> categories = null;
        if (total <= MAX_REFERENCE_CATEGORIES) {
            categories = new LinkedHashMap<>();
            for (ColumnInfo c : categorical) {
                categories.put(c.name(), new HashSet<>());
            }
            Map<String, Set<String>> sets = categories;
            for (Object[] row : counts(connection, reference, categorical)) {
                sets.get(categorical.get((Integer) row[0]).name()).add((String) row[1]);
            }
        }
        return new Reference(reference, profile, categories);
    }

    public static QualityAlerts compare(Connection connection, Reference reference, Slice current) {
        return compare(connection, reference, current, QualityThresholds.DEFAULTS);
    }

    /** The grades of {@code DataQuality.compare(reference, current, thresholds)}. */
    public static QualityAlerts compare(Connection connection, Reference reference, Slice current,
            QualityThresholds thresholds) {
        if (reference.categories == null) {
            return of(DataQuality.compare(connection, reference.slice, current, thresholds));
        }
        Slice ref = reference.slice;
        Map<String, ColumnStats> refStats = reference.profile.columns();
        List<ColumnInfo> curColumns = current.table().columns();
        List<ColumnInfo> bothCategorical = new ArrayList<>();
        // Whether a column holds a single value is its number of groups in the category counts below when they
        // group by the column's own values (text, integers): no min and max of those columns in the scan.
        Set<String> singleFromCounts = new HashSet<>();
        for (ColumnInfo cur : curColumns) {
            ColumnInfo r = ref.table().column(cur.name()).orElse(null);
            if (r != null && ColumnKind.of(r).hasCategories() && ColumnKind.of(cur).hasCategories()
                    && refStats.get(r.name()).values() > 0) {
                bothCategorical.add(cur);
                if (groupsAsItsText(cur)) {
                    singleFromCounts.add(cur.name());
                }
            }
        }
        CurrentScan scan = CurrentScan.run(connection, ref, refStats, current, singleFromCounts);
        Map<String, NewCategories> fresh = new LinkedHashMap<>();
        Map<String, Long> groups = new LinkedHashMap<>();
        for (ColumnInfo c : bothCategorical) {
            fresh.put(c.name(), new NewCategories());
            groups.put(c.name(), 0L);
        }
        for (Object[] row : counts(connection, current, bothCategorical)) {
            String name = bothCategorical.get((Integer) row[0]).name();
            groups.merge(name, 1L, Long::sum);
            if (!reference.categories.get(name).contains((String) row[1])) {
                fresh.get(name).add((String) row[1], (Long) row[2]);
            }
        }
        for (String name : singleFromCounts) {
            if (asksSingleValue(refStats.get(name))) {
                scan.singleValue.put(name, groups.get(name) == 1);
            }
        }

        Set<String> names = new LinkedHashSet<>();
        ref.table().columns().forEach(c -> names.add(c.name()));
        curColumns.forEach(c -> names.add(c.name()));
        List<ColumnAlert> out = new ArrayList<>();
        int missing = 0;
        int added = 0;
        for (String name : names) {
            ColumnInfo r = ref.table().column(name).orElse(null);
            ColumnInfo c = current.table().column(name).orElse(null);
            QualityGrader grader = new QualityGrader(thresholds);
            if (r == null) {
                added++;
                grader.added();
            } else if (c == null) {
                missing++;
                grader.missing();
            } else if (!r.sqlType().equalsIgnoreCase(c.sqlType())) {
                grader.typeChanged(r.sqlType(), c.sqlType());
            }
            if (r != null && c != null) {
                ColumnStats rs = refStats.get(name);
                long values = scan.values.get(name);
                double curNullShare = scan.rows == 0 ? 0.0 : (double) (scan.rows - values) / scan.rows;
                grader.nullShare(rs.nullShare(), curNullShare);
                grader.constant(rs.distinct(), scan.singleValue.getOrDefault(name, false), values);
                NewCategories n = fresh.get(name);
                if (n != null) {
                    grader.newCategories(n.count, n.rows, n.names, values);
                }
                Long oor = scan.outOfRange.get(name);
                if (oor != null) {
                    grader.outOfRange(oor, values == 0 ? 0.0 : (double) oor / values, rs.min(), rs.max());
                }
            }
            out.add(new ColumnAlert(name, grader.severity(), grader.findings()));
        }
        return new QualityAlerts(out, missing, added);
    }

    /** New categories of one column, in the order DuckDB returned them (most frequent first, then by value). */
    private static final class NewCategories {
        long count;
        long rows;
        final List<String> names = new ArrayList<>();

        void add(String value, long n) {
            count++;
            rows += n;
            if (names.size() < DataQuality.MAX_NEW_CATEGORIES) {
                names.add(value);
            }
        }
    }

    /**
     * (column index, value as text, count) of every non-null value of each column; rows ordered by column, count
     * descending, value — the order in which the full report ranks new categories. One grouped count per column,
     * all in one statement: text and integer columns are grouped by their own values and only the groups are cast
     * to text (one value per group either way, since that cast is one-to-one), which costs far less than casting
     * every row and grouping through {@code GROUPING SETS}; other types (e.g. a DOUBLE whose 0.0 and -0.0 are one
     * value but two texts) are cast first, as the full report groups them.
     */
    private static List<Object[]> counts(Connection connection, Slice slice, List<ColumnInfo> columns) {
        if (columns.isEmpty()) {
            return List.of();
        }
        SqlBuilder q = new SqlBuilder().sql("SELECT col, value, n FROM (");
        for (int i = 0; i < columns.size(); i++) {
            String col = Identifiers.quote(columns.get(i).name());
            q.sql(i == 0 ? "" : " UNION ALL ");
            if (groupsAsItsText(columns.get(i))) {
                q.sql("SELECT " + i + " AS col, CAST(g AS VARCHAR) AS value, n FROM (SELECT " + col
                        + " AS g, count(*) AS n FROM " + slice.from() + " WHERE ").fragment(slice.condition())
                        .sql(" GROUP BY g)");
            } else {
                q.sql("SELECT " + i + " AS col, CAST(" + col + " AS VARCHAR) AS value, count(*) AS n FROM "
                        + slice.from() + " WHERE ").fragment(slice.condition()).sql(" GROUP BY value");
            }
        }
        q.sql(") WHERE value IS NOT NULL ORDER BY col, n DESC, value");
        return Queries.list(connection, q.build(), rs -> new Object[] {rs.getInt(1), rs.getString(2), rs.getLong(3)},
                "categories of " + slice.table().name());
    }

    /** Whether the grades ask if the current slice holds one value (the column varied in the reference). */
    private static boolean asksSingleValue(ColumnStats reference) {
        return reference.distinct() != null && reference.distinct() > 1;
    }

    /** Types whose cast to text is one-to-one, so grouping by value and by text give the same groups. */
    private static final Set<String> TEXT_ONE_TO_ONE = Set.of("VARCHAR", "BOOLEAN", "TINYINT", "SMALLINT",
            "INTEGER", "BIGINT", "HUGEINT", "UTINYINT", "USMALLINT", "UINTEGER", "UBIGINT", "UHUGEINT");

    static boolean groupsAsItsText(ColumnInfo column) {
        return TEXT_ONE_TO_ONE.contains(column.sqlType().toUpperCase(java.util.Locale.ROOT));
    }

    /** One aggregate scan of the current slice: what the grades need and nothing more. */
    private static final class CurrentScan {
        long rows;
        final Map<String, Long> values = new LinkedHashMap<>();
        final Map<String, Boolean> singleValue = new LinkedHashMap<>();
        final Map<String, Long> outOfRange = new LinkedHashMap<>();

        /** The scan; the columns in {@code singleKnown} get no min = max (their caller counts their values). */
        static CurrentScan run(Connection connection, Slice ref, Map<String, ColumnStats> refStats, Slice current,
                Set<String> singleKnown) {
            List<ColumnInfo> shared = new ArrayList<>();
            for (ColumnInfo c : current.table().columns()) {
                if (ref.table().column(c.name()).isPresent()) {
                    shared.add(c);
                }
            }
            SqlBuilder q = new SqlBuilder().sql("SELECT count(*)");
            List<String[]> reads = new ArrayList<>();
            for (ColumnInfo c : shared) {
                ColumnInfo r = ref.table().column(c.name()).orElseThrow();
                ColumnStats rs = refStats.get(c.name());
                String col = Identifiers.quote(c.name());
                q.sql(", count(" + col + ")");
                reads.add(new String[] {c.name(), "values"});
                if (ColumnKind.of(c) != ColumnKind.OTHER && asksSingleValue(rs) && !singleKnown.contains(c.name())) {
                    q.sql(", min(" + col + ") = max(" + col + ")");
                    reads.add(new String[] {c.name(), "single"});
                }
                boolean number = ValueType.ofSqlType(c.sqlType()) == ValueType.NUMBER;
                if (ColumnKind.of(r) == ColumnKind.NUMERICAL && number && rs.min() != null && rs.max() != null) {
                    // The same comparison as the full report's profile: integers as BIGINT, others as DOUBLE.
                    String value = SliceProfiler.isIntegral(c) ? col : "CAST(" + col + " AS DOUBLE)";
                    q.sql(", count_if(" + value + " < ").value(rs.min()).sql(" OR " + value + " > ").value(rs.max())
                            .sql(")");
                    reads.add(new String[] {c.name(), "range"});
                }
            }
            q.sql(" FROM " + current.from() + " WHERE ").fragment(current.condition());
            return Queries.one(connection, q.build(), rs -> {
                CurrentScan s = new CurrentScan();
                s.rows = rs.getLong(1);
                int i = 2;
                for (String[] read : reads) {
                    switch (read[1]) {
                        case "values" -> s.values.put(read[0], rs.getLong(i++));
                        case "single" -> {
                            boolean single = rs.getBoolean(i);
                            s.singleValue.put(read[0], !rs.wasNull() && single);
                            i++;
                        }
                        default -> s.outOfRange.put(read[0], rs.getLong(i++));
                    }
                }
                return s;
            }, "quality alerts of " + current.table().name());
        }
    }
}
