package org.inquest.connectors.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.inquest.connectors.error.UsageException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shape of what {@code inquest demo} writes: files, row counts, columns and types, value domains. */
class DemoFilesTest {
    private static final long ROWS = 9_000;

    @TempDir
    static Path directory;
    private static DemoResult result;
    private static DemoSql sql;

    @BeforeAll
    static void generate() throws SQLException {
        result = new DemoGenerator(line -> { }).generate(DemoOptions.of(directory, ROWS));
        sql = new DemoSql(directory, DemoFormat.PARQUET);
    }

    @AfterAll
    static void close() throws SQLException {
        sql.close();
    }

    @Test
    void writesTheDocumentedFilesAndNothingElse() throws IOException {
        List<String> names;
        try (Stream<Path> files = Files.list(directory)) {
            names = files.map(p -> p.getFileName().toString()).sorted().toList();
        }
        assertEquals(List.of("README.md", "incident.json", "predictions.parquet", "snapshot_v1.parquet",
                "snapshot_v2.parquet", "timings.parquet"), names);
        assertEquals(6, result.files().size());
    }

    @Test
    void rowCounts() throws SQLException {
        assertEquals(ROWS, (long) sql.number("SELECT count(*) FROM predictions"));
        assertEquals(ROWS, (long) sql.number("SELECT count(*) FROM timings"));
        assertEquals(ROWS / 4, (long) sql.number("SELECT count(*) FROM snapshot_v1"));
        assertEquals(ROWS / 4, (long) sql.number("SELECT count(*) FROM snapshot_v2"));
        // Every day of September has its share of the traffic.
        assertEquals(30.0, sql.number("SELECT count(DISTINCT day) FROM predictions"));
        assertEquals(ROWS / 30.0, sql.number("SELECT min(n) FROM (SELECT count(*) AS n FROM predictions GROUP BY day)"), 1.0);
    }

    @Test
    void columnsAndTypes() throws SQLException {
        assertEquals(DemoScenario.PREDICTION_COLUMNS, columns("predictions.parquet"));
        assertEquals(DemoScenario.TIMING_COLUMNS, columns("timings.parquet"));
        assertEquals(DemoScenario.SNAPSHOT_COLUMNS, columns("snapshot_v1.parquet"));
        assertEquals(DemoScenario.SNAPSHOT_COLUMNS, columns("snapshot_v2.parquet"));
        assertEquals("VARCHAR,VARCHAR,TIMESTAMP,VARCHAR,DOUBLE,INTEGER,INTEGER,DOUBLE,INTEGER,DOUBLE,DOUBLE,INTEGER,"
                + "INTEGER,INTEGER,VARCHAR,VARCHAR,VARCHAR,VARCHAR,VARCHAR,VARCHAR",
                sql.text("SELECT string_agg(column_type, ',') FROM (DESCRIBE SELECT * FROM '"
                        + directory.resolve("predictions.parquet") + "')"));
    }

    @Test
    void identifiersAreUniqueAndWellFormed() throws SQLException {
        assertEquals(ROWS, (long) sql.number("SELECT count(DISTINCT request_id) FROM predictions"));
        assertEquals(ROWS, (long) sql.number("SELECT count(DISTINCT trace_id) FROM predictions"));
        assertEquals(0.0, sql.number("SELECT count(*) FROM predictions WHERE NOT regexp_full_match(trace_id, '[0-9a-f]{32}')"));
        assertEquals("req-000000001", sql.text("SELECT min(request_id) FROM predictions"));
    }

    @Test
    void timestampsAreInSeptemberAndInFileOrder() throws SQLException {
        assertEquals("2026-09-01", sql.text("SELECT min(\"timestamp\")::DATE FROM predictions"));
        assertEquals("2026-09-30", sql.text("SELECT max(\"timestamp\")::DATE FROM predictions"));
        assertEquals(0.0, sql.number("SELECT count(*) FROM (SELECT \"timestamp\" < lag(\"timestamp\") OVER"
                + " (ORDER BY file_row_number) AS back FROM read_parquet('" + directory.resolve("predictions.parquet")
                + "', file_row_number = true)) WHERE back"));
        // Traffic follows the day: the busiest hour is around noon, the quietest around midnight.
        double noon = sql.number("SELECT count(*) FROM predictions WHERE hour(\"timestamp\") IN (11, 12)");
        double midnight = sql.number("SELECT count(*) FROM predictions WHERE hour(\"timestamp\") IN (23, 0)");
        assertTrue(noon > 2.5 * midnight, noon + " vs " + midnight);
    }

    @Test
    void valueDomains() throws SQLException {
        assertEquals(0.0, sql.number("SELECT count(*) FROM predictions WHERE NOT (score > 0 AND score < 1)"));
        assertEquals(0.0, sql.number("SELECT count(*) FROM predictions WHERE prediction <> (score >= 0.5)::INT"));
        assertEquals(0.0, sql.number("SELECT count(*) FROM predictions WHERE label NOT IN (0, 1)"));
        assertEquals(0.0, sql.number("SELECT count(*) FROM predictions WHERE age NOT BETWEEN 18 AND 80"
                + " OR credit_score NOT BETWEEN 300 AND 850 OR employment_years > age - 18 OR employment_years < 0"
                + " OR open_accounts < 0 OR loan_amount <= 0 OR income <= 0 OR latency_ms <= 0"));
        assertEquals(0.0, sql.number("SELECT count(*) FROM predictions WHERE age_band <> CASE WHEN age <= 25 THEN"
                + " '18-25' WHEN age <= 35 THEN '26-35' WHEN age <= 50 THEN '36-50'"
                + " ELSE '51+' END"));
        assertEquals("APAC,EU,LATAM,NA", sql.text("SELECT string_agg(DISTINCT region, ',' ORDER BY region) FROM predictions"));
        assertEquals("branch,mobile,web", sql.text("SELECT string_agg(DISTINCT channel, ',' ORDER BY channel) FROM predictions"));
        assertEquals("auto,credit_card,mortgage,personal",
                sql.text("SELECT string_agg(DISTINCT product_type, ',' ORDER BY product_type) FROM predictions"));
        assertEquals(0.0, sql.number("SELECT count(*) FROM snapshot_v1 WHERE income IS NULL OR label IS NULL"));
    }

    @Test
    void describesItselfInReadmeAndManifest() throws IOException {
        String readme = Files.readString(directory.resolve("README.md"));
        assertTrue(readme.contains("9,000 predictions"), readme.lines().limit(5).toList().toString());
        assertFalse(readme.contains("{{"), "all placeholders filled");
        JsonNode manifest = new ObjectMapper().readTree(directory.resolve("incident.json").toFile());
        assertEquals(42, manifest.get("seed").asLong());
        List<String> ids = new ArrayList<>();
        manifest.get("incidents").forEach(i -> ids.add(i.get("id").asText()));
        assertEquals(List.of("income_null_eu", "loan_amount_drift", "slow_feature_store_mobile",
                "v2_canary_overconfident", "v2_low_tpr_18_25"), ids);
        assertEquals("predictions.parquet", manifest.get("files").get("predictions").asText());
    }

    @Test
    void refusesTooFewRows() {
        UsageException e = assertThrows(UsageException.class, () -> DemoOptions.of(directory, 100));
        assertTrue(e.getMessage().contains("--rows must be at least"), e.getMessage());
    }

    private List<String> columns(String file) throws SQLException {
        List<String> names = new ArrayList<>();
        try (Statement s = sql.connection().createStatement();
                ResultSet rs = s.executeQuery("DESCRIBE SELECT * FROM '" + directory.resolve(file) + "'")) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        return names;
    }
}
