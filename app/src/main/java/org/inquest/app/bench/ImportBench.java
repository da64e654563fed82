package org.inquest.app.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.inquest.connectors.ingest.CancelHandle;
import org.inquest.connectors.ingest.ImportListener;
import org.inquest.connectors.ingest.ImportRequest;
import org.inquest.connectors.ingest.ImportResult;
import org.inquest.connectors.ingest.Importer;
import org.inquest.connectors.workspace.Workspace;

/**
 * The import benchmark (run by {@code bench/import-bench.sh}): imports one Parquet file into a fresh workspace with
 * {@code inquest import}'s code path, and into a fresh DuckDB file with a bare
 * {@code CREATE TABLE AS SELECT * FROM read_parquet(...)}, alternating, several times; prints each time and the
 * median ratio. Both sides include opening and closing (checkpointing) the database file.
 */
public final class ImportBench {
    private ImportBench() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: ImportBench FILE.parquet WORKDIR [REPEATS]");
            System.exit(2);
        }
        Path file = Path.of(args[0]).toAbsolutePath();
        Path workdir = Path.of(args[1]).toAbsolutePath();
        int repeats = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        Files.createDirectories(workdir);
        System.out.printf(Locale.ROOT, "file: %s (%,d bytes)%n", file, Files.size(file));
        System.out.printf(Locale.ROOT, "machine: %d cores, JVM max heap %,d MB, %s %s%n",
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20,
                System.getProperty("os.name"), System.getProperty("java.version"));
        System.out.println("run  bare_duckdb_s  inquest_import_s  ratio  rows");
        List<Double> ratios = new ArrayList<>();
        double[] bare = new double[repeats];
        double[] ours = new double[repeats];
        for (int i = 0; i < repeats; i++) {
            bare[i] = bare(file, workdir.resolve("bare.duckdb"));
            long[] rows = new long[1];
            ours[i] = inquest(file, workdir.resolve("workspace.duckdb"), rows);
            ratios.add(ours[i] / bare[i]);
            System.out.printf(Locale.ROOT, "%3d  %13.2f  %16.2f  %5.2f  %,d%n", i + 1, bare[i], ours[i],
                    ours[i] / bare[i], rows[0]);
        }
        Arrays.sort(bare);
        Arrays.sort(ours);
        double medianRatio = ratios.stream().sorted().toList().get(repeats / 2);
        System.out.printf(Locale.ROOT, "median: bare %.2f s, inquest %.2f s, ratio of medians %.2f, median ratio %.2f%n",
                bare[repeats / 2], ours[repeats / 2], ours[repeats / 2] / bare[repeats / 2], medianRatio);
    }

    private static double bare(Path file, Path db) throws SQLException, IOException {
        delete(db);
        long start = System.nanoTime();
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + db);
             PreparedStatement ps = c.prepareStatement("CREATE TABLE t AS SELECT * FROM read_parquet(?)")) {
            ps.setString(1, file.toString());
            ps.execute();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        delete(db);
        return seconds;
    }

    private static double inquest(Path file, Path db, long[] rows) throws IOException {
        delete(db);
        long start = System.nanoTime();
        try (Workspace ws = Workspace.open(db)) {
            ImportResult result = new Importer(ws).run(new ImportRequest("predictions", null, List.of(),
                    List.of(file)), ImportListener.NONE, new CancelHandle());
            rows[0] = result.rowsAccepted();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        delete(db);
        return seconds;
    }

    private static void delete(Path db) throws IOException {
        Files.deleteIfExists(db);
        Files.deleteIfExists(db.resolveSibling(db.getFileName() + ".wal"));
        Path tmp = db.resolveSibling(db.getFileName() + ".tmp");
        if (Files.isDirectory(tmp)) {
            try (var s = Files.list(tmp)) {
                for (Path p : s.toList()) {
                    Files.deleteIfExists(p);
                }
            }
            Files.deleteIfExists(tmp);
        }
    }
}
