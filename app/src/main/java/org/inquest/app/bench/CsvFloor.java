package org.inquest.app.bench;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.util.Locale;

/**
 * The floor of the CSV drift benchmark ({@code bench/drift-csv-bench.sh}): what DuckDB alone takes to turn the CSV
 * files into tables of a fresh database file, {@code CREATE TABLE t AS SELECT * FROM read_csv(?)} per file, open and
 * close (checkpoint) included, JVM start-up excluded. No validation, quarantine, lineage, roles or drift: the part of
 * an import no change to Inquest can remove. Prints "wall cpu" in seconds (cpu: the whole process, DuckDB's threads
 * included).
 *
 * <p>Usage: {@code CsvFloor DATABASE FILE.csv...} (DATABASE is deleted first).
 */
public final class CsvFloor {
    private CsvFloor() {
    }

    public static void main(String[] args) throws Exception {
        Path db = Path.of(args[0]);
        Files.deleteIfExists(db);
        Files.deleteIfExists(db.resolveSibling(db.getFileName() + ".wal"));
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long cpu0 = os.getProcessCpuTime();
        long wall0 = System.nanoTime();
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + db.toAbsolutePath())) {
            for (int i = 1; i < args.length; i++) {
                try (PreparedStatement ps = c.prepareStatement("CREATE TABLE t" + i + " AS SELECT * FROM read_csv(?)")) {
                    ps.setString(1, args[i]);
                    ps.execute();
                }
            }
        }
        System.out.printf(Locale.ROOT, "%.2f %.2f%n", (System.nanoTime() - wall0) / 1e9,
                (os.getProcessCpuTime() - cpu0) / 1e9);
        Files.deleteIfExists(db);
    }
}
