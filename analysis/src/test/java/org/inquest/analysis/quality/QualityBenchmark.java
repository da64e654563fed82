package org.inquest.analysis.quality;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Locale;
import org.inquest.analysis.slice.Slice;
import org.inquest.analysis.slice.SliceResolver;
import org.inquest.analysis.slice.WindowSet;
import org.inquest.analysis.slice.WindowSpec;
import org.inquest.analysis.slice.Windowing;
import org.inquest.connectors.catalog.Catalog;
import org.inquest.connectors.catalog.ColumnInfo;
import org.inquest.connectors.catalog.ColumnRole;
import org.inquest.connectors.catalog.FeatureKind;
import org.inquest.connectors.catalog.SqlTypes;
import org.inquest.connectors.workspace.Workspace;

/**
 * Benchmark (not a test): data quality and windows on a synthetic table of N rows (default 10,000,000): id,
 * timestamp over 30 days, 10 numeric features and 3 categorical ones (5, 50 and 1,000 categories). Reference =
 * first 15 days, current = last 15 days, selected with the filter language. Prints wall times next to one bare
 * aggregate scan of the same columns. Run with {@code bench/quality.sh [ROWS]}.
 */
public final class QualityBenchmark {
    private QualityBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        long rows = args.length > 0 ? Long.parseLong(args[0].replace("_", "")) : 10_000_000L;
        Path dir = Files.createTempDirectory("inquest-quality-bench");
        Path file = dir.resolve("bench.duckdb");
        try (Workspace ws = Workspace.open(file)) {
            Connection c = ws.connection();
            long t0 = System.nanoTime();
            try (Statement s = c.createStatement()) {
                StringBuilder sql = new StringBuilder("CREATE TABLE t AS SELECT i AS id, TIMESTAMP '2026-01-01'"
                        + " + to_microseconds(CAST(i * (30 * 86400000000 // " + rows + ") AS BIGINT)) AS ts");
                for (int f = 0; f < 10; f++) {
                    sql.append(String.format(Locale.ROOT, ", CASE WHEN random() < 0.01 THEN NULL ELSE"
                            + " random() * %d + (i // %d) * 0.000001 END AS f%d", f + 1, Math.max(1, rows / 10), f));
                }
                sql.append(", 'c' || CAST(floor(random() * 5) AS INTEGER) AS cat5")
                        .append(", 'c' || CAST(floor(random() * 50) AS INTEGER) AS cat50")
                        .append(", CASE WHEN i > ").append(rows / 2)
                        .append(" AND random() < 0.05 THEN 'new' ELSE 'c' || CAST(floor(random() * 1000) AS INTEGER)"
                                + " END AS cat1000")
                        .append(" FROM range(").append(rows).append(") r(i)");
                s.execute(sql.toString());
            }
            double generate = seconds(t0);
            Catalog catalog = new Catalog(c);
            java.util.List<ColumnInfo> columns = new java.util.ArrayList<>();
            for (ColumnInfo col : catalog.table("t").columns()) {
                ColumnRole role = col.name().equals("id") ? ColumnRole.ID
                        : col.name().equals("ts") ? ColumnRole.TIMESTAMP : ColumnRole.FEATURE;
                FeatureKind kind = role != ColumnRole.FEATURE ? null
                        : SqlTypes.isNumeric(col.sqlType()) ? FeatureKind.NUMERICAL : FeatureKind.CATEGORICAL;
                columns.add(new ColumnInfo(col.name(), col.sqlType(), role, kind));
            }
            catalog.saveTable("t", "predictions", columns);

            long t1 = System.nanoTime();
            StringBuilder scan = new StringBuilder("SELECT count(*)");
            for (int f = 0; f < 10; f++) {
                scan.append(", min(f").append(f).append("), max(f").append(f).append("), avg(f").append(f).append(')');
            }
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(scan + " FROM t")) {
                rs.next();
            }
            double bareScan = seconds(t1);

            SliceResolver slices = new SliceResolver(c);
            Slice reference = slices.resolve("t", "ts < '2026-01-16'");
            Slice current = slices.resolve("t", "ts >= '2026-01-16'");
            long t2 = System.nanoTime();
            QualityReport report = DataQuality.compare(c, reference, current);
            double quality = seconds(t2);
            long t2b = System.nanoTime();
            DataQuality.compare(c, reference, current, QualityThresholds.DEFAULTS, true);
            double approximate = seconds(t2b);

            // The plan before ADR 0052, as bare SQL in the same run: one query per slice with an exact
            // count(DISTINCT) of every column and quantile_cont of every numeric one.
            long t2c = System.nanoTime();
            for (String where : java.util.List.of("ts < TIMESTAMP '2026-01-16'", "ts >= TIMESTAMP '2026-01-16'")) {
                StringBuilder old = new StringBuilder("SELECT count(*)");
                for (ColumnInfo col : columns) {
                    String q = "\"" + col.name() + "\"";
                    old.append(", count(").append(q).append("), count(DISTINCT ").append(q).append(')');
                    if (SqlTypes.isNumeric(col.sqlType())) {
                        old.append(", min(").append(q).append("), max(").append(q).append("), avg(").append(q)
                                .append("), stddev_pop(").append(q).append("), quantile_cont(").append(q)
                                .append(", [0.05, 0.25, 0.5, 0.75, 0.95])");
                    }
                }
                try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(old + " FROM t WHERE " + where)) {
                    rs.next();
                }
            }
            double previousPlan = seconds(t2c);
            long t2d = System.nanoTime();
            DataQuality.compare(c, reference, current, QualityThresholds.DEFAULTS, false, false);
            double withoutQuantiles = seconds(t2d);

            long t3 = System.nanoTime();
            WindowSet days = Windowing.split(c, current, WindowSpec.parse("day"));
            double dayWindows = seconds(t3);
            long t4 = System.nanoTime();
            WindowSet chunks = Windowing.split(c, current, WindowSpec.parse("rows:" + Math.max(1, rows / 20)));
            double rowWindows = seconds(t4);

            System.out.printf(Locale.ROOT, "rows %,d (reference %,d, current %,d), %d columns, %d cores%n", rows,
                    report.reference().rows(), report.current().rows(), columns.size(),
                    Runtime.getRuntime().availableProcessors());
            System.out.printf(Locale.ROOT, "generate table            %7.2f s%n", generate);
            System.out.printf(Locale.ROOT, "bare aggregate scan       %7.2f s  (count + min/max/avg of 10 columns)%n",
                    bareScan);
            System.out.printf(Locale.ROOT, "data quality              %7.2f s  (%d columns, severity %s)%n", quality,
                    report.columns().size(), report.severity().wireName());
            System.out.printf(Locale.ROOT, "data quality --approximate %6.2f s  (T-digest quantiles)%n", approximate);
            System.out.printf(Locale.ROOT, "without quantiles         %7.2f s  (what the report computes)%n",
                    withoutQuantiles);
            System.out.printf(Locale.ROOT, "previous plan, bare SQL   %7.2f s  (count(DISTINCT) + quantile_cont of every"
                    + " column, one query per slice)%n", previousPlan);
            System.out.printf(Locale.ROOT, "load average              %s%n", java.nio.file.Files.readString(
                    java.nio.file.Path.of("/proc/loadavg")).trim());
            System.out.printf(Locale.ROOT, "windows --by day          %7.2f s  (%d windows)%n", dayWindows,
                    days.windows().size());
            System.out.printf(Locale.ROOT, "windows --by rows:%d  %7.2f s  (%d windows)%n", Math.max(1, rows / 20),
                    rowWindows, chunks.windows().size());
            System.out.printf(Locale.ROOT, "peak JVM heap used        %7.1f MB%n", peakHeapMb());
        } finally {
            try (var paths = Files.walk(dir)) {
                paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }

    private static double peakHeapMb() {
        long peak = 0;
        for (var pool : java.lang.management.ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == java.lang.management.MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak / 1024.0 / 1024.0;
    }
}
