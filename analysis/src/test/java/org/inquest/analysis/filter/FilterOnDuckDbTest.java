package org.inquest.analysis.filter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.inquest.analysis.slice.Slice;
import org.inquest.analysis.slice.SliceQueries;
import org.inquest.analysis.slice.SliceResolver;
import org.inquest.connectors.catalog.Catalog;
import org.inquest.connectors.error.UsageException;
import org.inquest.connectors.workspace.Workspace;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Compiled filters run on a real DuckDB workspace and select exactly the rows counted by hand. */
class FilterOnDuckDbTest {
    @TempDir
    static Path dir;
    static Workspace workspace;

    @BeforeAll
    static void createTable() throws SQLException {
        workspace = Workspace.open(dir.resolve("filters.duckdb"));
        try (Statement s = workspace.connection().createStatement()) {
            s.execute("CREATE TABLE t (id INTEGER, name VARCHAR, age INTEGER, score DOUBLE, flag BOOLEAN,"
                    + " ts TIMESTAMP, zts TIMESTAMPTZ, \"odd \"\"col\" VARCHAR, day DATE)");
            s.execute("SET TimeZone = 'America/New_York'");
            s.execute("INSERT INTO t VALUES"
                    + " (1, 'alice', 30, 0.10, true,  '2026-01-01 00:00:00', '2026-01-01 00:00:00+00', 'a', '2026-01-01'),"
                    + " (2, 'bob',   40, 0.50, false, '2026-01-01 12:00:00', '2026-01-01 12:00:00+00', 'b', '2026-01-01'),"
                    + " (3, 'carol', NULL, 0.90, true, '2026-01-02 00:00:00', '2026-01-02 00:00:00+00', NULL, '2026-01-02'),"
                    + " (4, NULL,    25, NULL, NULL,  '2026-01-02 06:30:00', '2026-01-02 06:30:00+00', 'a', '2026-01-02'),"
                    + " (5, 'o''hara', 60, 0.75, false, '2026-01-03 00:00:00', '2026-01-03 00:00:00+00', 'c', '2026-01-03'),"
                    + " (6, 'x''; drop table t; --', 18, 0.30, true, NULL, NULL, 'b', NULL)");
        }
    }

    @AfterAll
    static void close() {
        workspace.close();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "age > 25|1,2,5",
        "age >= 25 AND age <= 40|1,2,4",
        "age != 30|2,4,5,6",
        "age <> 30|2,4,5,6",
        "age BETWEEN 25 AND 40|1,2,4",
        "age NOT BETWEEN 25 AND 40|5,6",
        "age IS NULL|3",
        "name IS NOT NULL AND score IS NULL|''",
        "name IS NULL OR score < 0.2|1,4",
        "name IN ('alice', 'carol', 'nobody')|1,3",
        "name NOT IN ('alice', 'carol')|2,5,6",
        "name LIKE '%o%'|2,3,5,6",
        "name LIKE '%o_'|2,3",
        "name LIKE '_o%'|2",
        "name NOT LIKE 'a%'|2,3,5,6",
        "name = 'o''hara'|5",
        "name = 'x''; drop table t; --'|6",
        "flag|1,3,6",
        "NOT flag|2,5",
        "flag = FALSE|2,5",
        "NOT (flag OR age > 50)|2",
        "ts >= '2026-01-02'|3,4,5",
        "ts < TIMESTAMP '2026-01-01 12:00:00'|1",
        "ts BETWEEN '2026-01-01 12:00' AND '2026-01-02 06:30:00'|2,3,4",
        "ts > TIMESTAMP '2026-01-02T07:30:00+01:00'|5",
        "zts >= '2026-01-02'|3,4,5",
        "zts < TIMESTAMP '2026-01-01 12:00:00'|1",
        "day = DATE '2026-01-02'|3,4",
        "day >= '2026-01-02'|3,4,5",
        "\"odd \"\"col\" = 'a'|1,4",
        "score > age|''",
        "30 <= age|1,2,5",
        "score > -1.5E0 AND score < 5e-1|1,6",
        "id = 3.0|3",
        "TRUE|1,2,3,4,5,6",
        "FALSE|''",
    })
    void compiledFilterSelectsTheHandCountedRows(String filter, String expected) throws SQLException {
        Slice slice = new SliceResolver(workspace.connection()).resolve("t", filter);
        List<Integer> want = expected.isEmpty() ? List.of()
                : java.util.Arrays.stream(expected.split(",")).map(Integer::valueOf).toList();
        assertEquals(want, ids(slice), slice.condition().sql());
        assertEquals(want.size(), SliceQueries.count(workspace.connection(), slice));
    }

    @Test
    void injectionAsDataSelectsNothingAndTheTableSurvives() throws SQLException {
        Slice slice = new SliceResolver(workspace.connection()).resolve("t",
                "name = 'x''; drop table t; --' AND \"odd \"\"col\" = '\"; drop table t; --'");
        assertEquals(List.of(), ids(slice));
        assertThrows(UsageException.class, () -> new SliceResolver(workspace.connection())
                .resolve("t", "\"name\"\"; drop table t; --\" = 'x'"));
        assertThrows(UsageException.class, () -> new SliceResolver(workspace.connection())
                .resolve("t", "name = 'x'; drop table t; --"));
        assertEquals(6, SliceQueries.count(workspace.connection(), Slice.whole(new Catalog(workspace.connection())
                .table("t"))));
    }

    @Test
    void unknownTableAndBadFilterAreUsageErrorsNamingTheirSource() {
        UsageException table = assertThrows(UsageException.class,
                () -> new SliceResolver(workspace.connection()).resolve("nope", null));
        assertEquals("unknown table 'nope' (tables: t)", table.getMessage());
        FilterSyntaxException filter = assertThrows(FilterSyntaxException.class,
                () -> new SliceResolver(workspace.connection()).resolve("t", "agee > 1", "--current-where"));
        assertEquals("invalid --current-where at position 1: unknown column 'agee' in table t (did you mean age?)",
                filter.getMessage());
    }

    @Test
    void theLongestAcceptedChainRunsInDuckDb() {
        String chain = "(" + String.join(" OR ", java.util.Collections.nCopies(Parser.MAX_OPERATORS, "age = 30"))
                + ") AND name = 'alice'";
        Slice slice = new SliceResolver(workspace.connection()).resolve("t", chain);
        assertEquals(1, SliceQueries.count(workspace.connection(), slice));
    }

    @Test
    void sliceCarriesCanonicalText() {
        Slice slice = new SliceResolver(workspace.connection()).resolve("t", "AGE>25 and name in('bob')");
        assertEquals("age > 25 AND name IN ('bob')", slice.where());
        assertEquals(null, new SliceResolver(workspace.connection()).resolve("t", "  ").where());
    }

    private static List<Integer> ids(Slice slice) throws SQLException {
        Connection c = workspace.connection();
        List<Integer> ids = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT id FROM " + slice.from() + " WHERE "
                + slice.condition().sql() + " ORDER BY id")) {
            slice.condition().bind(ps, 1);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getInt(1));
                }
            }
        }
        return ids;
    }
}
