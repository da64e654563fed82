package org.inquest.connectors.demo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.inquest.connectors.error.InputException;
import org.inquest.connectors.workspace.Workspace;

/**
 * Writes the demo incident into a directory: {@code predictions}, {@code timings}, {@code snapshot_v1},
 * {@code snapshot_v2} (Parquet or CSV), plus {@code README.md} and {@code incident.json} describing them.
 *
 * <p>All rows are produced by DuckDB (a private in-memory database) and streamed by {@code COPY ... TO}: the JVM
 * never holds a row, so ten million rows need no more heap than a thousand. DuckDB itself is capped by
 * {@link #MEMORY_LIMIT} and spills to a temporary folder inside the output directory. Each file is written under a
 * temporary name and renamed when complete, so a file with the final name is always whole.
 */
public final class DemoGenerator {
    /** DuckDB's memory cap while generating; streaming COPY stays far below it. */
    static final String MEMORY_LIMIT = "1GB";
    private static final String TEMP_DIR = ".inquest-demo.tmp";

    private final int threads;
    private final Consumer<String> progress;

    /** A generator using every core; {@code progress} receives one line per file written. */
    public DemoGenerator(Consumer<String> progress) {
        this(Runtime.getRuntime().availableProcessors(), progress);
    }

    DemoGenerator(int threads, Consumer<String> progress) {
        this.threads = Math.max(1, threads);
        this.progress = progress;
    }

    public DemoResult generate(DemoOptions options) {
        long start = System.nanoTime();
        Path out = options.out().toAbsolutePath().normalize();
        if (Files.exists(out) && !Files.isDirectory(out)) {
            throw new InputException("cannot write the demo to " + out + ": it is a file, not a directory");
        }
        Path temp = out.resolve(TEMP_DIR);
        List<Path> written = new ArrayList<>();
        try {
            Files.createDirectories(temp);
            try (Connection connection = DriverManager.getConnection("jdbc:duckdb:")) {
                configure(connection, temp);
                DemoWorld.install(connection);
                String ext = options.format().extension();
                written.add(copy(connection, options, out.resolve(DemoScenario.PREDICTIONS + "." + ext),
                        "SELECT * FROM demo_predictions($1, $2)", options.rows()));
                written.add(copy(connection, options, out.resolve(DemoScenario.TIMINGS + "." + ext),
                        "SELECT * FROM demo_timings($1, $2)", options.rows()));
                written.add(copy(connection, options, out.resolve(DemoScenario.SNAPSHOT_V1 + "." + ext),
                        "SELECT * FROM demo_snapshot($1, 1, $2)", options.snapshotRows()));
                written.add(copy(connection, options, out.resolve(DemoScenario.SNAPSHOT_V2 + "." + ext),
                        "SELECT * FROM demo_snapshot($1, 2, $2)", options.snapshotRows()));
            }
            written.add(writeAtomically(out.resolve(DemoScenario.README), DemoDescription.readme(options)));
            written.add(writeAtomically(out.resolve(DemoScenario.MANIFEST), DemoDescription.manifest(options)));
        } catch (SQLException e) {
            throw new InputException("cannot generate the demo in " + out + ": "
                    + Workspace.firstLine(e.getMessage()), e);
        } catch (IOException e) {
            throw new InputException("cannot write the demo to " + out + ": " + e.getMessage(), e);
        } finally {
            deleteQuietly(temp);
        }
        return new DemoResult(out, List.copyOf(written), options.rows(), options.snapshotRows(),
                Duration.ofNanos(System.nanoTime() - start));
    }

    private void configure(Connection connection, Path temp) throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute("SET threads = " + threads);
            s.execute("SET memory_limit = '" + MEMORY_LIMIT + "'");
            // The temp path is ours (under the output directory); quotes are still doubled.
            s.execute("SET temp_directory = '" + temp.toString().replace("'", "''") + "'");
            // Rows leave COPY in range() order whatever the thread count: part of byte-identical output.
            s.execute("SET preserve_insertion_order = true");
        }
    }

    private Path copy(Connection connection, DemoOptions options, Path target, String select, long rows)
            throws SQLException, IOException {
        long start = System.nanoTime();
        Path partial = target.resolveSibling(target.getFileName() + ".partial");
        Files.deleteIfExists(partial);
        String sql = "COPY (" + select + ") TO $3 (" + options.format().copyOptions() + ")";
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setLong(1, options.seed());
            statement.setLong(2, rows);
            statement.setString(3, partial.toString());
            statement.execute();
        } catch (SQLException e) {
            Files.deleteIfExists(partial);
            throw e;
        }
        Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        progress.accept(String.format(java.util.Locale.ROOT, "wrote %s (%,d rows, %.1f s)", target, rows,
                (System.nanoTime() - start) / 1e9));
        return target;
    }

    private static Path writeAtomically(Path target, String text) throws IOException {
        Path partial = target.resolveSibling(target.getFileName() + ".partial");
        Files.writeString(partial, text);
        Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return target;
    }

    private static void deleteQuietly(Path directory) {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // Only DuckDB's spill files; leaving them costs disk space, not correctness.
        }
    }
}
