package org.inquest.analysis.slice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.inquest.analysis.sql.Queries;
import org.inquest.analysis.sql.SqlBuilder;
import org.inquest.connectors.catalog.Catalog;
import org.inquest.connectors.catalog.ColumnInfo;
import org.inquest.connectors.catalog.ColumnRole;
import org.inquest.connectors.catalog.FeatureKind;
import org.inquest.connectors.error.UsageException;
import org.inquest.connectors.workspace.Workspace;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Fixture {@code w}: 120 rows all stamped 2026-01-05 00:00:00 (a Monday), 50 rows at 01:xx, none at 02:xx, 80 at
 * 03:xx, and 5 rows without a timestamp: 255 rows. The counts below follow from that construction.
 */
class WindowingTest {
    @TempDir
    static Path dir;
    static Workspace workspace;

    @BeforeAll
    static void fixture() throws SQLException {
        workspace = Workspace.open(dir.resolve("windows.duckdb"));
        try (Statement s = workspace.connection().createStatement()) {
            s.execute("CREATE TABLE w (id INTEGER, ts TIMESTAMP, zts TIMESTAMPTZ, x INTEGER)");
            s.execute("INSERT INTO w SELECT i, TIMESTAMP '2026-01-05 00:00:00', NULL, i % 2 FROM range(0, 120) r(i)");
            s.execute("INSERT INTO w SELECT i, TIMESTAMP '2026-01-05 01:00:00' + (i - 120) * INTERVAL '1 minute',"
                    + " NULL, i % 2 FROM range(120, 170) r(i)");
            s.execute("INSERT INTO w SELECT i, TIMESTAMP '2026-01-05 03:00:00' + (i - 170) * INTERVAL '20 second',"
                    + " NULL, i % 2 FROM range(170, 250) r(i)");
            s.execute("INSERT INTO w SELECT i, NULL, NULL, i % 2 FROM range(250, 255) r(i)");
            // zts: 10 rows at 23:30 UTC on Jan 4 and 20 rows at 00:30 UTC on Jan 5, written with offsets
            s.execute("UPDATE w SET zts = TIMESTAMPTZ '2026-01-05 00:30:00+01:00' WHERE id < 10");
            s.execute("UPDATE w SET zts = TIMESTAMPTZ '2026-01-05 02:30:00+02:00' WHERE id >= 10 AND id < 30");
            s.execute("CREATE TABLE plain (id INTEGER, x INTEGER)");
            s.execute("INSERT INTO plain SELECT i, i % 3 FROM range(0, 25) r(i)");
            s.execute("SET TimeZone = 'America/Los_Angeles'");
        }
        Catalog catalog = new Catalog(workspace.connection());
        catalog.saveTable("w", "predictions", List.of(
                new ColumnInfo("id", "INTEGER", ColumnRole.ID, null),
                new ColumnInfo("ts", "TIMESTAMP", ColumnRole.TIMESTAMP, null),
                new ColumnInfo("zts", "TIMESTAMP WITH TIME ZONE", ColumnRole.FEATURE, FeatureKind.CATEGORICAL),
                new ColumnInfo("x", "INTEGER", ColumnRole.FEATURE, FeatureKind.CATEGORICAL)));
        catalog.saveTable("plain", "predictions", List.of(
                new ColumnInfo("id", "INTEGER", ColumnRole.ID, null),
                new ColumnInfo("x", "INTEGER", ColumnRole.FEATURE, FeatureKind.CATEGORICAL)));
    }

    @AfterAll
    static void close() {
        workspace.close();
    }

    private static Slice slice(String table, String where) {
        return new SliceResolver(workspace.connection()).resolve(table, where);
    }

    @Test
    void hourlyBucketsCountRowsAndFlagSmallOnes() {
        WindowSet set = Windowing.split(workspace.connection(), slice("w", null), WindowSpec.parse("hour"));
        assertEquals("ts", set.column());
        assertEquals(List.of("2026-01-05 00:00:00", "2026-01-05 01:00:00", "2026-01-05 03:00:00"),
                set.windows().stream().map(Window::start).toList());
        assertEquals(List.of("2026-01-05 01:00:00", "2026-01-05 02:00:00", "2026-01-05 04:00:00"),
                set.windows().stream().map(Window::end).toList());
        assertEquals(List.of(120L, 50L, 80L), set.windows().stream().map(Window::rows).toList());
        assertEquals(List.of(false, true, true), set.windows().stream().map(Window::small).toList());
        assertEquals(5, set.rowsWithoutTime());
        assertEquals(3, set.warnings().size(), set.warnings().toString());
        assertTrue(set.warnings().get(0).startsWith("window 2 (2026-01-05 01:00:00 to 2026-01-05 02:00:00) has only"
                + " 50 rows"), set.warnings().get(0));
        for (Window w : set.windows()) {
            assertEquals(w.rows(), SliceQueries.count(workspace.connection(), w.slice()), w.slice().where());
        }
        assertEquals("ts >= TIMESTAMP '2026-01-05 01:00:00' AND ts < TIMESTAMP '2026-01-05 02:00:00'",
                set.windows().get(1).slice().where());
    }

    @Test
    void dayAndWeekBucketsAndAFilteredSlice() {
        WindowSet day = Windowing.split(workspace.connection(), slice("w", null), WindowSpec.parse("DAY"));
        assertEquals(List.of(250L), day.windows().stream().map(Window::rows).toList());
        WindowSet week = Windowing.split(workspace.connection(), slice("w", "x = 1"), WindowSpec.parse("week"));
        assertEquals(1, week.windows().size());
        assertEquals("2026-01-05 00:00:00", week.windows().get(0).start());
        assertEquals("2026-01-12 00:00:00", week.windows().get(0).end());
        assertEquals(125, week.windows().get(0).rows());
        assertEquals("(x = 1) AND (ts >= TIMESTAMP '2026-01-05 00:00:00' AND ts < TIMESTAMP '2026-01-12 00:00:00')",
                week.windows().get(0).slice().where());
        assertEquals(125, SliceQueries.count(workspace.connection(), week.windows().get(0).slice()));
    }

    @Test
    void rowChunksSplitTiesExactlyInTimestampOrder() {
        WindowSet set = Windowing.split(workspace.connection(), slice("w", null), WindowSpec.parse("rows:100"));
        assertEquals(List.of(100L, 100L, 50L), set.windows().stream().map(Window::rows).toList());
        assertEquals(List.of(false, false, true), set.windows().stream().map(Window::small).toList());
        // chunk 1 and 2 both start inside the 120 tied rows at midnight
        assertEquals("2026-01-05 00:00:00", set.windows().get(0).end());
        assertEquals("2026-01-05 00:00:00", set.windows().get(1).start());
        Set<Long> seen = new HashSet<>();
        for (Window w : set.windows()) {
            List<Long> ids = ids(w.slice());
            assertEquals(w.rows(), ids.size());
            for (Long id : ids) {
                assertTrue(seen.add(id), "row " + id + " in two chunks");
            }
        }
        assertEquals(250, seen.size());
        assertEquals(5, set.rowsWithoutTime());
    }

    @Test
    void rowChunksWithoutATimestampColumnFollowTableOrder() {
        WindowSet set = Windowing.split(workspace.connection(), slice("plain", "x != 0"), WindowSpec.parse("rows:7"));
        // x != 0 keeps 16 of ids 0..24 (ids not divisible by 3): chunks of 7, 7, 2
        assertEquals(List.of(7L, 7L, 2L), set.windows().stream().map(Window::rows).toList());
        assertEquals(List.of(1L, 2L, 4L, 5L, 7L, 8L, 10L), ids(set.windows().get(0).slice()));
        assertEquals(List.of(22L, 23L), ids(set.windows().get(2).slice()));
        assertEquals(null, set.column());
    }

    @Test
    void zonedTimestampsAreBucketedInUtc() {
        new Catalog(workspace.connection()).saveTable("w", "predictions", List.of(
                new ColumnInfo("id", "INTEGER", ColumnRole.ID, null),
                new ColumnInfo("ts", "TIMESTAMP", ColumnRole.FEATURE, FeatureKind.CATEGORICAL),
                new ColumnInfo("zts", "TIMESTAMP WITH TIME ZONE", ColumnRole.TIMESTAMP, null),
                new ColumnInfo("x", "INTEGER", ColumnRole.FEATURE, FeatureKind.CATEGORICAL)));
        try {
            WindowSet set = Windowing.split(workspace.connection(), slice("w", null), WindowSpec.parse("hour"));
            assertEquals(List.of("2026-01-04 23:00:00", "2026-01-05 00:00:00"),
                    set.windows().stream().map(Window::start).toList());
            assertEquals(List.of(10L, 20L), set.windows().stream().map(Window::rows).toList());
            for (Window w : set.windows()) {
                assertEquals(w.rows(), SliceQueries.count(workspace.connection(), w.slice()));
            }
            WindowSet chunks = Windowing.split(workspace.connection(), slice("w", null), WindowSpec.parse("rows:15"));
            assertEquals(List.of(15L, 15L), chunks.windows().stream().map(Window::rows).toList());
            assertEquals("2026-01-04 23:30:00", chunks.windows().get(0).start());
            for (Window w : chunks.windows()) {
                assertEquals(w.rows(), SliceQueries.count(workspace.connection(), w.slice()));
            }
        } finally {
            restoreRoles();
        }
    }

    private static void restoreRoles() {
        new Catalog(workspace.connection()).saveTable("w", "predictions", List.of(
                new ColumnInfo("id", "INTEGER", ColumnRole.ID, null),
                new ColumnInfo("ts", "TIMESTAMP", ColumnRole.TIMESTAMP, null),
                new ColumnInfo("zts", "TIMESTAMP WITH TIME ZONE", ColumnRole.FEATURE, FeatureKind.CATEGORICAL),
                new ColumnInfo("x", "INTEGER", ColumnRole.FEATURE, FeatureKind.CATEGORICAL)));
    }

    @Test
    void timeWindowsNeedATimestampColumn() {
        UsageException e = assertThrows(UsageException.class,
                () -> Windowing.split(workspace.connection(), slice("plain", null), WindowSpec.parse("day")));
        assertEquals(2, e.exitCode());
        assertTrue(e.getMessage().startsWith("--by day needs a timestamp column, and table plain has none"),
                e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "hours", "month", "rows:", "rows:0", "rows:-5", "rows:1.5", "rows:abc",
        "rows:99999999999", "rows 10"})
    void invalidByValuesAreUsageErrors(String text) {
        UsageException e = assertThrows(UsageException.class, () -> WindowSpec.parse(text));
        assertEquals("invalid --by value '" + text + "': expected hour, day, week or rows:N (N a whole number from 1"
                + " to 1000000000)", e.getMessage());
    }

    @Test
    void validByValues() {
        assertEquals(new WindowSpec.TimeBuckets(WindowSpec.Unit.WEEK), WindowSpec.parse(" Week "));
        assertEquals(new WindowSpec.RowChunks(1000), WindowSpec.parse("rows:1000"));
        assertEquals(new WindowSpec.RowChunks(10000), WindowSpec.parse("ROWS:10_000"));
        assertEquals("rows:1000", WindowSpec.parse("rows:1000").text());
    }

    private static List<Long> ids(Slice s) {
        return Queries.list(workspace.connection(), new SqlBuilder().sql("SELECT id FROM " + s.from() + " WHERE ")
                .fragment(s.condition()).sql(" ORDER BY id").build(), rs -> rs.getLong(1), "ids");
    }
}
