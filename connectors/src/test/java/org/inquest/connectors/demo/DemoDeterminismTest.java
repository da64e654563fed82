package org.inquest.connectors.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Same seed, same bytes — whatever the thread count; another seed, other data. */
class DemoDeterminismTest {
    @TempDir
    Path temp;

    @Test
    void sameSeedTwiceGivesByteIdenticalFiles() throws Exception {
        Map<String, String> first = digests(generate("a", 1, 4_000, 42, DemoFormat.PARQUET));
        Map<String, String> second = digests(generate("b", 1, 4_000, 42, DemoFormat.PARQUET));
        assertEquals(6, first.size());
        assertEquals(first, second);
    }

    @Test
    void threadCountDoesNotChangeTheBytes() throws Exception {
        // More rows than one Parquet row group (122,880), so several threads really share the work.
        long rows = 130_000;
        Map<String, String> one = digests(generate("t1", 1, rows, 7, DemoFormat.PARQUET, 1_000));
        Map<String, String> four = digests(generate("t4", 4, rows, 7, DemoFormat.PARQUET, 1_000));
        assertEquals(one, four);
    }

    @Test
    void anotherSeedGivesOtherData() throws Exception {
        Map<String, String> a = digests(generate("s42", 2, 4_000, 42, DemoFormat.PARQUET));
        Map<String, String> b = digests(generate("s43", 2, 4_000, 43, DemoFormat.PARQUET));
        for (String file : List.of("predictions.parquet", "timings.parquet", "snapshot_v1.parquet",
                "snapshot_v2.parquet")) {
            assertNotEquals(a.get(file), b.get(file), file);
        }
    }

    @Test
    void csvIsDeterministicAndHoldsTheSameRows() throws Exception {
        Path csv = generate("csv1", 1, 4_000, 42, DemoFormat.CSV);
        Map<String, String> first = digests(csv);
        Map<String, String> second = digests(generate("csv2", 3, 4_000, 42, DemoFormat.CSV));
        assertEquals(first, second);
        assertEquals(List.of("README.md", "incident.json", "predictions.csv", "snapshot_v1.csv", "snapshot_v2.csv",
                "timings.csv"), List.copyOf(first.keySet()));
        List<String> lines = Files.readAllLines(csv.resolve("predictions.csv"));
        assertEquals(String.join(",", DemoScenario.PREDICTION_COLUMNS), lines.get(0));
        assertEquals(4_001, lines.size());

        Path parquet = generate("pq", 1, 4_000, 42, DemoFormat.PARQUET);
        try (DemoSql fromCsv = new DemoSql(csv, DemoFormat.CSV);
                DemoSql fromParquet = new DemoSql(parquet, DemoFormat.PARQUET)) {
            String checksum = "SELECT sum(hash(request_id, trace_id, model_version, label, region, age_band))"
                    + " + sum(round(score, 9) * 1e9)::HUGEINT + sum(coalesce(income, -1))::HUGEINT FROM predictions";
            assertEquals(fromParquet.text(checksum), fromCsv.text(checksum));
        }
    }

    private Path generate(String name, int threads, long rows, long seed, DemoFormat format) {
        return generate(name, threads, rows, seed, format, DemoOptions.defaultSnapshotRows(rows));
    }

    private Path generate(String name, int threads, long rows, long seed, DemoFormat format, long snapshotRows) {
        Path out = temp.resolve(name);
        new DemoGenerator(threads, line -> { }).generate(new DemoOptions(out, rows, seed, format, snapshotRows));
        return out;
    }

    private static Map<String, String> digests(Path directory) throws IOException, NoSuchAlgorithmException {
        Map<String, String> digests = new TreeMap<>();
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : files.toList()) {
                MessageDigest sha = MessageDigest.getInstance("SHA-256");
                digests.put(file.getFileName().toString(), HexFormat.of().formatHex(sha.digest(Files.readAllBytes(file))));
            }
        }
        return digests;
    }
}
