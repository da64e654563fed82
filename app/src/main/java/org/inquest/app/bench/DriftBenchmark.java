package org.inquest.app.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.inquest.analysis.drift.DriftAnalysis;
import org.inquest.analysis.drift.DriftOptions;
import org.inquest.analysis.drift.DriftResult;
import org.inquest.analysis.slice.Slice;
import org.inquest.analysis.slice.SliceResolver;
import org.inquest.connectors.catalog.Catalog;
import org.inquest.connectors.catalog.ColumnInfo;
import org.inquest.connectors.catalog.ColumnRole;
import org.inquest.connectors.catalog.FeatureKind;
import org.inquest.connectors.workspace.Identifiers;
import org.inquest.connectors.workspace.Workspace;

/**
 * The drift benchmark of docs/PERFORMANCE.md (run by {@code bench/drift-bench.sh}). On a table of N rows over 30
 * days with 10 numeric features, reference = the first 15 days and current = the last 15, it measures in one run:
 * one aggregate scan of all features, the summed per-feature sort floor
 * ({@code SELECT count(*) FROM (SELECT f FROM t ORDER BY f)}), drift of every feature, and the JVM's peak heap
 * during drift. It repeats drift on a table a tenth the size to show the heap does not grow with rows.
 *
 * <p>Arguments: {@code WORKSPACE [ROWS]} (default 10,000,000 rows). Tables are generated once and reused.
 */
public final class DriftBenchmark {
    static final int FEATURES = 10;

    private DriftBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args.length > 0 ? args[0] : "bench/work/drift-bench.duckdb");
        long rows = args.length > 1 ? Long.parseLong(args[1].replace("_", "")) : 10_000_000L;
        try (Workspace ws = Workspace.open(file)) {
            Connection c = ws.connection();
            String big = "events_" + rows;
            String small = "events_" + rows / 10;
            ensureTable(c, big, rows);
            ensureTable(c, small, rows / 10);
            System.out.printf(Locale.ROOT, "machine: %d cores, JVM max heap %d MB, DuckDB threads %s, memory_limit %s%n",
                    Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20,
                    setting(c, "threads"), setting(c, "memory_limit"));
            double scan = aggregateScan(c, big);
            double floor = 0;
            for (int i = 1; i <= FEATURES; i++) {
                floor += seconds(c, "SELECT count(*) FROM (SELECT f" + i + " FROM " + Identifiers.userTable(big)
                        + " ORDER BY f" + i + ")");
            }
            Measured drift = drift(c, big);
            Measured tenth = drift(c, small);
            System.out.printf(Locale.ROOT, "rows %,d; features %d%n", rows, FEATURES);
            System.out.printf(Locale.ROOT, "one aggregate scan:       %6.2f s%n", scan);
            System.out.printf(Locale.ROOT, "summed sort floor:        %6.2f s%n", floor);
            System.out.printf(Locale.ROOT, "drift, every feature:     %6.2f s  (%.2f x the sort floor)%n",
                    drift.seconds, drift.seconds / floor);
            System.out.printf(Locale.ROOT, "peak heap during drift:   %6.1f MB (%,d rows) vs %.1f MB (%,d rows)%n",
                    drift.peakHeapMb, rows, tenth.peakHeapMb, rows / 10);
            System.out.printf(Locale.ROOT, "drift of %,d rows:   %6.2f s; drifted features %s%n", rows / 10,
                    tenth.seconds, tenth.drifted);
            System.out.printf(Locale.ROOT, "drifted features (%,d rows): %s%n", rows, drift.drifted);
        }
    }

    private record Measured(double seconds, double peakHeapMb, List<String> drifted) {
    }

    private static Measured drift(Connection c, String table) {
        SliceResolver slices = new SliceResolver(c);
        Slice reference = slices.resolve(table, "ts < '2026-01-16'", "reference");
        Slice current = slices.resolve(table, "ts >= '2026-01-16'", "current");
        System.gc();
        List<MemoryPoolMXBean> heap = new ArrayList<>();
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                pool.resetPeakUsage();
                heap.add(pool);
            }
        }
        long t0 = System.nanoTime();
        DriftResult result = DriftAnalysis.run(c, reference, current, DriftOptions.defaults());
        double seconds = (System.nanoTime() - t0) / 1e9;
        long peak = 0;
        for (MemoryPoolMXBean pool : heap) {
            peak += pool.getPeakUsage().getUsed();
        }
        List<String> drifted = result.features().stream().filter(f -> f.drifted()).map(f -> f.name()).toList();
        return new Measured(seconds, peak / 1048576.0, drifted);
    }

    private static double aggregateScan(Connection c, String table) throws SQLException {
        StringBuilder sql = new StringBuilder("SELECT count(*)");
        for (int i = 1; i <= FEATURES; i++) {
            sql.append(", count(f").append(i).append("), sum(f").append(i).append("), min(f").append(i)
                    .append("), max(f").append(i).append(')');
        }
        return seconds(c, sql + " FROM " + Identifiers.userTable(table));
    }

    private static double seconds(Connection c, String sql) throws SQLException {
        long t0 = System.nanoTime();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                rs.getObject(1);
            }
        }
        return (System.nanoTime() - t0) / 1e9;
    }

    private static String setting(Connection c, String name) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT current_setting('" + name + "')")) {
            rs.next();
            return rs.getString(1);
        }
    }

    /**
     * 30 days of rows; the last 15 drift in f1 (shift), f2 (scale), f6 (rounded values shift) and f9 (a
     * category-like integer changes mix). Continuous, rounded and integer columns, so both tie-free and tie-heavy
     * sorts are measured.
     */
    private static void ensureTable(Connection c, String table, long rows) throws SQLException {
        Catalog catalog = new Catalog(c);
        if (catalog.exists(table) && catalog.table(table).rows() == rows) {
            return;
        }
        System.out.printf(Locale.ROOT, "generating %s (%,d rows)...%n", table, rows);
        String late = "(i >= " + rows / 2 + ")::INT";
        try (Statement s = c.createStatement()) {
            s.execute("CREATE OR REPLACE TABLE " + Identifiers.userTable(table) + " AS SELECT i AS id,"
                    + " TIMESTAMP '2026-01-01' + to_microseconds(CAST(i * (30 * 86400e6 / " + rows + ") AS BIGINT)) AS ts,"
                    + " random() * 100 + " + late + " * 8 AS f1,"
                    + " exp(random() * 5) * (1 + " + late + " * 0.3) AS f2,"
                    + " sqrt(-2 * ln(random())) * cos(2 * pi() * random()) AS f3,"
                    + " random() AS f4,"
                    + " round(random() * 1000, 2) AS f5,"
                    + " round(random() * 50 + " + late + " * 5, 2) AS f6,"
                    + " round(exp(random() * 8), 2) AS f7,"
                    + " CAST(random() * 100 AS INTEGER) AS f8,"
                    + " CAST(random() * (10 + " + late + " * 2) AS INTEGER) AS f9,"
                    + " CAST(random() * 10000 AS INTEGER) AS f10"
                    + " FROM range(" + rows + ") t(i)");
        }
        List<ColumnInfo> columns = new ArrayList<>();
        columns.add(new ColumnInfo("id", "BIGINT", ColumnRole.ID, null));
        columns.add(new ColumnInfo("ts", "TIMESTAMP", ColumnRole.TIMESTAMP, null));
        for (int i = 1; i <= FEATURES; i++) {
            columns.add(new ColumnInfo("f" + i, i >= 8 ? "INTEGER" : "DOUBLE", ColumnRole.FEATURE,
                    FeatureKind.NUMERICAL));
        }
        catalog.saveTable(table, "snapshot", columns);
    }
}
