package org.inquest.app.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.inquest.analysis.drift.DriftAnalysis;
import org.inquest.analysis.drift.DriftOptions;
import org.inquest.analysis.report.Report;
import org.inquest.analysis.report.ReportBuilder;
import org.inquest.analysis.report.ReportHtml;
import org.inquest.analysis.report.ReportJson;
import org.inquest.analysis.report.ReportOptions;
import org.inquest.analysis.performance.ModelColumns;
import org.inquest.analysis.slice.Slice;
import org.inquest.analysis.slice.SliceResolver;
import org.inquest.analysis.slice.SqlFragment;
import org.inquest.analysis.sql.SqlBuilder;
import org.inquest.analysis.sql.PreviousPlan;
import org.inquest.connectors.catalog.Catalog;
import org.inquest.connectors.catalog.ColumnInfo;
import org.inquest.connectors.catalog.FeatureKind;
import org.inquest.connectors.demo.DemoGenerator;
import org.inquest.connectors.demo.DemoOptions;
import org.inquest.connectors.ingest.CancelHandle;
import org.inquest.connectors.ingest.ImportKind;
import org.inquest.connectors.ingest.ImportListener;
import org.inquest.connectors.ingest.ImportRequest;
import org.inquest.connectors.ingest.Importer;
import org.inquest.connectors.workspace.Identifiers;
import org.inquest.connectors.workspace.Workspace;

/**
 * The report benchmark of docs/PERFORMANCE.md (run by {@code bench/report-bench.sh}). On the demo incident
 * (reference = September 1–15, current = 16–30) it measures in one run: the summed sort floor of the numerical
 * features, drift alone, the bare DuckDB floor of the report (per slice a sort of the scores and one plain
 * aggregate scan), the full report (every section, then JSON and HTML rendering), the JVM's peak heap during the
 * report, and the HTML's size. Arguments: {@code WORKSPACE [ROWS]}; when the workspace has no
 * {@code predictions} table, the demo is generated with ROWS rows (default 10,000,000) and imported first.
 */
public final class ReportBenchmark {
    private ReportBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args.length > 0 ? args[0] : "bench/work/report-bench.duckdb");
        long rows = args.length > 1 ? Long.parseLong(args[1].replace("_", "")) : 10_000_000L;
        try (Workspace ws = Workspace.open(file)) {
            Connection c = ws.connection();
            if (!new Catalog(c).exists("predictions")) {
                Path demo = file.resolveSibling("report-bench-demo");
                System.out.printf(Locale.ROOT, "generating the demo (%,d rows) and importing it...%n", rows);
                new DemoGenerator(line -> { }).generate(DemoOptions.of(demo, rows));
                new Importer(ws).run(new ImportRequest("predictions", ImportKind.PREDICTIONS, List.of(),
                        List.of(demo.resolve("predictions.parquet"))), ImportListener.NONE, new CancelHandle());
            }
            SliceResolver slices = new SliceResolver(c);
            Slice reference = slices.resolve("predictions", "timestamp < '2026-09-16'", "reference");
            Slice current = slices.resolve("predictions", "timestamp >= '2026-09-16'", "current");
            System.out.printf(Locale.ROOT, "machine: %d cores, JVM max heap %d MB; rows %,d%n",
                    Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20,
                    reference.table().rows());
            double floor = 0;
            for (ColumnInfo col : reference.table().features()) {
                if (col.featureKind() == FeatureKind.NUMERICAL) {
                    floor += seconds(c, "SELECT count(*) FROM (SELECT " + Identifiers.quote(col.name()) + " FROM "
                            + reference.from() + " ORDER BY " + Identifiers.quote(col.name()) + ")");
                }
            }
            Timed<Object> drift = timed(() -> DriftAnalysis.run(c, reference, current, DriftOptions.defaults()));
            double[] reportFloor = reportFloor(c, reference, current);
            ReportOptions options = new ReportOptions(List.of("age_band"), 0.5, null, null, null, List.of(), null,
                    "bench/report-bench.sh");
            System.out.printf(Locale.ROOT, "load average before the report: %s%n", loadAverage());
            ReportBuilder builder = new ReportBuilder(c);
            double[] render = new double[2];
            Timed<String> report = timed(() -> {
                Report r = builder.build(reference, current, options);
                long t0 = System.nanoTime();
                ReportJson.render(r);
                render[0] = (System.nanoTime() - t0) / 1e9;
                t0 = System.nanoTime();
                String h = ReportHtml.render(r);
                render[1] = (System.nanoTime() - t0) / 1e9;
                return h;
            });
            System.out.printf(Locale.ROOT, "load average after the report:  %s%n", loadAverage());
            System.out.println("report phases:");
            builder.times().seconds().forEach((phase, s) -> System.out.printf(Locale.ROOT, "  %-36s %8.2f s%n",
                    phase, s));
            System.out.printf(Locale.ROOT, "  %-36s %8.2f s%n", "render JSON", render[0]);
            System.out.printf(Locale.ROOT, "  %-36s %8.2f s%n", "render HTML", render[1]);
            Path html = file.resolveSibling("report-bench.html");
            Files.writeString(html, report.value, StandardCharsets.UTF_8);
            System.out.printf(Locale.ROOT, "summed sort floor (numerical features): %7.2f s%n", floor);
            System.out.printf(Locale.ROOT, "drift alone:                            %7.2f s  (%.2f x the sort floor)%n",
                    drift.seconds, drift.seconds / floor);
            System.out.printf(Locale.ROOT, "full report (JSON + HTML):              %7.2f s  (%.2f x drift, %.2f x the"
                    + " sort floor)%n", report.seconds, report.seconds / drift.seconds, report.seconds / floor);
            double bare = reportFloor[0] + reportFloor[1] + reportFloor[2] + reportFloor[3];
            System.out.printf(Locale.ROOT, "bare DuckDB floor of the report:        %7.2f s  (%.2f x drift; sort of the"
                    + " scores %.2f + %.2f s, aggregate scan %.2f + %.2f s; the report is %.2f x this floor)%n", bare,
                    bare / drift.seconds, reportFloor[0], reportFloor[2], reportFloor[1], reportFloor[3],
                    report.seconds / bare);
            System.out.printf(Locale.ROOT, "CPU time (process, all threads): drift %.2f s, report %.2f s (%.2f x)%n",
                    drift.cpuSeconds, report.cpuSeconds, report.cpuSeconds / drift.cpuSeconds);
            System.out.printf(Locale.ROOT, "peak heap during the report:            %7.1f MB%n", report.peakHeapMb);
            System.out.printf(Locale.ROOT, "HTML size:                              %7.1f KB (%s)%n",
                    Files.size(html) / 1024.0, html);
            alternate(c, reference, current, options, Integer.getInteger("inquest.bench.alternate", 0));
        }
    }

    /**
     * With {@code -Dinquest.bench.alternate=N}: N more reports with the previous plans ({@link PreviousPlan}) and N
     * with the current ones, alternating, each followed by drift alone, so that old and new are compared within one
     * run on a loaded machine; prints each run's wall and CPU time and phases, and the medians. With
     * {@code -Dinquest.bench.previous=AREA,...} "previous" sets those areas' switches ({@link PreviousPlan#enabled(String)})
     * instead of the plain one.
     */
    private static void alternate(Connection c, Slice reference, Slice current, ReportOptions options, int rounds) {
        if (rounds <= 0) {
            return;
        }
        // -Dinquest.bench.previous=quality,segments: those areas' switches (PreviousPlan.enabled(area)) instead.
        String areas = System.getProperty("inquest.bench.previous", "");
        List<String> switches = areas.isBlank() ? List.of(PreviousPlan.PROPERTY)
                : java.util.Arrays.stream(areas.split(",")).map(a -> PreviousPlan.PROPERTY + "." + a.trim()).toList();
        Map<Boolean, List<double[]>> runs = new TreeMap<>();
        for (int i = 0; i < 2 * rounds; i++) {
            boolean previous = i % 2 == 0;
            switches.forEach(p -> System.setProperty(p, Boolean.toString(previous)));
            ReportBuilder builder = new ReportBuilder(c);
            Timed<Report> report = timed(() -> builder.build(reference, current, options));
            switches.forEach(System::clearProperty);
            Timed<Object> drift = timed(() -> DriftAnalysis.run(c, reference, current, DriftOptions.defaults()));
            runs.computeIfAbsent(previous, k -> new ArrayList<>()).add(new double[] {report.seconds,
                    report.cpuSeconds, drift.seconds, drift.cpuSeconds});
            StringBuilder phases = new StringBuilder();
            builder.times().seconds().forEach((phase, s) -> {
                if (s >= 0.05) {
                    phases.append(String.format(Locale.ROOT, "; %s %.2f", phase, s));
                }
            });
            System.out.printf(Locale.ROOT, "%s plan: report %.2f s (CPU %.2f s), drift %.2f s (CPU %.2f s),"
                    + " report/drift %.2f (CPU %.2f)%s; load %s%n", previous ? "previous" : "current ",
                    report.seconds, report.cpuSeconds, drift.seconds, drift.cpuSeconds, report.seconds / drift.seconds,
                    report.cpuSeconds / drift.cpuSeconds, phases, loadAverage());
        }
        runs.forEach((previous, list) -> {
            double[] m = new double[4];
            for (int k = 0; k < 4; k++) {
                final int col = k;
                double[] v = list.stream().mapToDouble(r -> r[col]).sorted().toArray();
                m[k] = v[v.length / 2];
            }
            System.out.printf(Locale.ROOT, "median, %s plan: report %.2f s (CPU %.2f s), drift %.2f s (CPU %.2f s)%n",
                    previous ? "previous" : "current ", m[0], m[1], m[2], m[3]);
        });
    }

    /**
     * The least any exact report must do, in bare DuckDB, per slice (reference, then current): the sort of the
     * labeled scores that every exact ROC AUC needs, and one plain aggregate scan — {@code count} of every column,
     * {@code min}, {@code max} and {@code avg} of every numeric one (≈ 50 aggregates on the demo) — standing for the
     * counting sections. Returns {sort, scan} seconds per slice; zeros for a table without label or score.
     */
    private static double[] reportFloor(Connection c, Slice reference, Slice current) throws SQLException {
        double[] floor = new double[4];
        ModelColumns columns = ModelColumns.of(reference.table());
        if (columns.label().isEmpty() || columns.score().isEmpty()) {
            return floor;
        }
        String score = Identifiers.quote(columns.score().get().name());
        String label = Identifiers.quote(columns.label().get().name());
        StringBuilder aggregates = new StringBuilder("count(*)");
        for (ColumnInfo col : reference.table().columns()) {
            String q = Identifiers.quote(col.name());
            aggregates.append(", count(").append(q).append(")");
            if (col.isNumericType()) {
                aggregates.append(", min(").append(q).append("), max(").append(q).append("), avg(").append(q)
                        .append(")");
            }
        }
        int i = 0;
        for (Slice slice : List.of(reference, current)) {
            floor[i++] = seconds(c, new SqlBuilder().sql("SELECT count(*) FROM (SELECT " + score + " FROM "
                    + slice.from() + " WHERE (").fragment(slice.condition()).sql(") AND " + label + " IS NOT NULL AND "
                    + score + " IS NOT NULL ORDER BY " + score + ")").build());
            floor[i++] = seconds(c, new SqlBuilder().sql("SELECT " + aggregates + " FROM " + slice.from() + " WHERE ")
                    .fragment(slice.condition()).build());
        }
        return floor;
    }

    private static double seconds(Connection c, SqlFragment query) throws SQLException {
        long t0 = System.nanoTime();
        try (PreparedStatement ps = c.prepareStatement(query.sql())) {
            query.bind(ps, 1);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rs.getObject(1);
                }
            }
        }
        return (System.nanoTime() - t0) / 1e9;
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (java.io.IOException e) {
            return "unknown";
        }
    }

    /** Wall seconds, CPU seconds of the whole process (DuckDB's threads included) and the peak heap. */
    private record Timed<T>(T value, double seconds, double cpuSeconds, double peakHeapMb) {
    }

    private static double processCpuSeconds() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime() / 1e9;
        }
        return Double.NaN;
    }

    private static <T> Timed<T> timed(Supplier<T> work) {
        System.gc();
        List<MemoryPoolMXBean> heap = new ArrayList<>();
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                pool.resetPeakUsage();
                heap.add(pool);
            }
        }
        long t0 = System.nanoTime();
        double c0 = processCpuSeconds();
        T value = work.get();
        double seconds = (System.nanoTime() - t0) / 1e9;
        double cpu = processCpuSeconds() - c0;
        long peak = 0;
        for (MemoryPoolMXBean pool : heap) {
            peak += pool.getPeakUsage().getUsed();
        }
        return new Timed<>(value, seconds, cpu, peak / 1048576.0);
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
}
