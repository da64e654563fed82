package org.inquest.analysis.filter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.inquest.analysis.slice.Slice;
import org.inquest.analysis.slice.SliceResolver;
import org.inquest.analysis.sql.Queries;
import org.inquest.analysis.sql.SqlBuilder;
import org.inquest.connectors.workspace.Workspace;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Less common DuckDB column types: literals bind exactly and the checker knows which comparisons make sense. */
class FilterTypesOnDuckDbTest {
    @TempDir
    static Path dir;
    static Workspace workspace;

    @BeforeAll
    static void table() throws SQLException {
        workspace = Workspace.open(dir.resolve("types.duckdb"));
        try (Statement s = workspace.connection().createStatement()) {
            s.execute("CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy')");
            s.execute("CREATE TABLE ty (id INTEGER, price DECIMAL(10,2), big BIGINT, m mood, u UUID, small TINYINT,"
                    + " f FLOAT, tns TIMESTAMP_NS, tags VARCHAR[])");
            s.execute("INSERT INTO ty VALUES"
                    + " (1, 1.50, 9007199254740993, 'sad', 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11', -5, 0.5,"
                    + "  '2026-01-01 00:00:00.000000001', ['x']),"
                    + " (2, 2.25, 9007199254740992, 'happy', NULL, 100, 1.25, '2026-01-01 00:00:00', NULL),"
                    + " (3, NULL, -1, NULL, NULL, NULL, NULL, NULL, [])");
        }
    }

    @AfterAll
    static void close() {
        workspace.close();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "price = 1.5|1",
        "price = 1.50|1",
        "price > 1.5 AND price <= 2.25|2",
        "big = 9007199254740993|1",
        "big > 9007199254740992|1",
        "m = 'happy'|2",
        "m IN ('sad', 'ok')|1",
        "m LIKE 'h%'|2",
        "u IS NULL|2,3",
        "small < 0|1",
        "f = 1.25|2",
        "tns > '2026-01-01 00:00:00'|1",
        "tns = TIMESTAMP '2026-01-01 00:00:00.000000001'|1",
        "tns < '2026-01-01 00:00:00.000000001'|2",
        "tns >= TIMESTAMP '2026-01-01 00:00:00'|1,2",
        "tags IS NOT NULL|1,3",
    })
    void literalsBindExactly(String filter, String expected) {
        Slice slice = new SliceResolver(workspace.connection()).resolve("ty", filter);
        List<Integer> want = expected.isEmpty() ? List.of()
                : java.util.Arrays.stream(expected.split(",")).map(Integer::valueOf).toList();
        List<Integer> got = Queries.list(workspace.connection(), new SqlBuilder()
                .sql("SELECT id FROM " + slice.from() + " WHERE ").fragment(slice.condition()).sql(" ORDER BY id")
                .build(), rs -> rs.getInt(1), "ids");
        assertEquals(want, got, slice.condition().sql() + " " + slice.condition().parameters());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "u = 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11'|4",
        "tags = 'x'|7",
        "m = 1|4",
        "price LIKE '1%'|0",
    })
    void unsupportedComparisonsAreTypeErrors(String filter, int position) {
        FilterSyntaxException e = assertThrows(FilterSyntaxException.class,
                () -> new SliceResolver(workspace.connection()).resolve("ty", filter));
        assertEquals(FilterSyntaxException.Problem.TYPE_MISMATCH, e.problem(), e.getMessage());
        assertEquals(position, e.position(), e.getMessage());
    }
}
