package org.inquest.analysis.filter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.inquest.analysis.slice.Slice;
import org.inquest.analysis.slice.SliceResolver;
import org.inquest.connectors.workspace.Workspace;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code column['key']} on a JSON column (span attributes): rows counted by hand, and the faults it reports. */
class KeyedFilterOnDuckDbTest {
    @TempDir
    static Path dir;
    static Workspace workspace;

    @BeforeAll
    static void createTable() throws SQLException {
        workspace = Workspace.open(dir.resolve("keyed.duckdb"));
        try (Statement s = workspace.connection().createStatement()) {
            s.execute("CREATE TABLE spans (id INTEGER, attributes JSON, name VARCHAR)");
            s.execute("INSERT INTO spans VALUES"
                    + " (1, '{\"http.route\": \"/v1/score\", \"http.status_code\": 200, \"sampled\": true}', 'a'),"
                    + " (2, '{\"http.route\": \"/v1/batch\", \"http.status_code\": 503, \"sampled\": false}', 'b'),"
                    + " (3, '{\"http.status_code\": \"404\", \"at\": \"2026-01-02 03:04:05\"}', 'c'),"
                    + " (4, '{\"a/b~c\": \"odd\", \"it''s\": 1, \"http.route\": null}', 'd'),"
                    + " (5, '{\"http.status_code\": \"n/a\", \"nested\": {\"x\": 1}}', 'e'),"
                    + " (6, NULL, 'f')");
        }
    }

    @AfterAll
    static void close() {
        workspace.close();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "attributes['http.route'] = '/v1/score'|1",
        "attributes['http.route'] != '/v1/score'|2",
        "attributes['http.route'] LIKE '/v1/%'|1,2",
        "attributes['http.route'] IS NULL|3,4,5,6",
        "attributes['http.route'] IN ('/v1/batch', '/v2')|2",
        // numbers compare as numbers, also when written as strings; a value that is not a number matches nothing
        "attributes['http.status_code'] >= 500|2",
        "attributes['http.status_code'] BETWEEN 200 AND 404|1,3",
        "attributes['http.status_code'] NOT IN (200)|2,3",
        // text compares the value's text
        "attributes['http.status_code'] = '200'|1",
        "attributes['sampled']|1",
        "NOT attributes['sampled']|2",
        "attributes['sampled'] = FALSE|2",
        "attributes['at'] >= TIMESTAMP '2026-01-02 03:04:05'|3",
        "attributes['at'] > TIMESTAMP '2026-01-02 03:04:05'|''",
        "attributes['a/b~c'] = 'odd'|4",
        "attributes['it''s'] = 1|4",
        "attributes['nested'] LIKE '%\"x\"%'|5",
        "attributes['x''); DROP TABLE spans; --'] IS NOT NULL|''",
        "ATTRIBUTES['http.route'] = '/v1/score' AND name = 'a'|1",
    })
    void keyedValuesSelectTheHandCountedRows(String filter, String expected) throws SQLException {
        Slice slice = new SliceResolver(workspace.connection()).resolve("spans", filter);
        assertEquals(expected, ids(slice), slice.condition().sql());
        assertEquals(filter.replace("ATTRIBUTES", "attributes"), slice.where(), "canonical text reads back");
    }

    @Test
    void completionKeysAreTheObjectsKeysByName() throws SQLException {
        // row 6 is NULL; every key of rows 1-5, the one with a null value too
        assertEquals(List.of("a/b~c", "at", "http.route", "http.status_code", "it's", "nested", "sampled"),
                KeySample.keys(workspace.connection(), "spans", "attributes"));
    }

    @Test
    void completionValuesOfAKeyAreWrittenSoTheyCompareAsStoredAndSelectTheirRows() throws SQLException {
        List<KeySample.Value> codes = KeySample.values(workspace.connection(), "spans", "attributes",
                "http.status_code");
        assertEquals(List.of(new KeySample.Value("200", "200"), new KeySample.Value("404", "'404'"),
                new KeySample.Value("503", "503"), new KeySample.Value("n/a", "'n/a'")), codes);
        List<String> selected = new ArrayList<>();
        for (KeySample.Value v : codes) {
            selected.add(ids(new SliceResolver(workspace.connection()).resolve("spans",
                    "attributes['http.status_code'] = " + v.literal())));
        }
        assertEquals(List.of("1", "3", "2", "5"), selected);
        assertEquals(List.of(new KeySample.Value("false", "FALSE"), new KeySample.Value("true", "TRUE")),
                KeySample.values(workspace.connection(), "spans", "attributes", "sampled"));
        assertEquals(List.of(new KeySample.Value("/v1/batch", "'/v1/batch'"),
                new KeySample.Value("/v1/score", "'/v1/score'")),
                KeySample.values(workspace.connection(), "spans", "attributes", "http.route"), "a null is no value");
        assertEquals(List.of(new KeySample.Value("odd", "'odd'")),
                KeySample.values(workspace.connection(), "spans", "attributes", "a/b~c"), "read by JSON pointer");
        assertEquals(List.of(), KeySample.values(workspace.connection(), "spans", "attributes", "nested"),
                "an object is no value to compare with");
    }

    @Test
    void aKeyOnlyTheLastRowsHaveIsStillOfferedFromALargeTable() throws SQLException {
        // 100,000 spans in time order; only the last 30,000 (the incident) carry exception.type and a 500
        try (Statement s = workspace.connection().createStatement()) {
            s.execute("CREATE TABLE big AS SELECT CASE WHEN i < 70000 THEN '{\"http.status_code\": 200}'"
                    + " ELSE '{\"http.status_code\": 500, \"exception.type\": \"Timeout\"}' END::JSON AS attributes"
                    + " FROM range(100000) t(i)");
            assertEquals(" TABLESAMPLE 20.000000 PERCENT (system, 7)", KeySample.samplingClause(100_000));
            assertEquals("", KeySample.samplingClause(KeySample.SAMPLE_ROWS), "a small table is read whole");
            try (ResultSet rs = s.executeQuery("SELECT count(*) FROM big" + KeySample.samplingClause(100_000))) {
                rs.next();
                long sampled = rs.getLong(1);
                assertEquals(true, sampled > 8_000 && sampled < 34_000, "about 20,000 rows read: " + sampled);
            }
        }
        assertEquals(List.of("exception.type", "http.status_code"),
                KeySample.keys(workspace.connection(), "big", "attributes"));
        assertEquals(List.of("200", "500"), KeySample.values(workspace.connection(), "big", "attributes",
                "http.status_code").stream().map(KeySample.Value::literal).toList());
    }

    @Test
    void faultsAreUsageErrorsWithTheirPosition() {
        String[][] cases = {
            {"name['x'] = 'a'", "position 1: column name is VARCHAR: only a JSON column (e.g. attributes) has keys"},
            {"attributes[1] = 'a'", "position 12: expected a key in single quotes after '[', found 1"},
            {"attributes['x' = 'a'", "position 16: expected ']' to close the '[' at position 11"},
            {"attributes['x'] IN (1, 'a')", "position 24: attributes['x'] is compared with a number and with 'a'"},
            {"attributes['x'] = name", "position 1: compare attributes['x'] with a value, not with a column"},
            {"attributes = 'x'", "position 14: column attributes is JSON but 'x' is text"},
        };
        for (String[] c : cases) {
            FilterSyntaxException e = assertThrows(FilterSyntaxException.class,
                    () -> new SliceResolver(workspace.connection()).resolve("spans", c[0], "--where"), c[0]);
            assertEquals(2, e.exitCode());
            assertEquals(true, e.getMessage().contains(c[1]), e.getMessage());
        }
    }

    private static String ids(Slice slice) throws SQLException {
        List<String> ids = new ArrayList<>();
        try (PreparedStatement ps = workspace.connection().prepareStatement("SELECT id FROM " + slice.from()
                + " WHERE " + slice.condition().sql() + " ORDER BY id")) {
            slice.condition().bind(ps, 1);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getString(1));
                }
            }
        }
        return ids.isEmpty() ? "" : String.join(",", ids);
    }
}
