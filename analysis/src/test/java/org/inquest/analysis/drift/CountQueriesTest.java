package org.inquest.analysis.drift;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import org.inquest.analysis.slice.Slice;
import org.inquest.analysis.slice.SqlFragment;
import org.inquest.connectors.catalog.Catalog;
import org.inquest.connectors.workspace.Workspace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reference's category counts kept apart and merged with the current slice's ({@link CountQueries#merge}) give
 * exactly the two-sided grouped count ({@link CountQueries#categories}), values in DuckDB's text order included —
 * also for text whose code point order differs from Java's UTF-16 order (a character above U+FFFF against one in
 * U+E000–U+FFFF) and for values only one side has.
 */
class CountQueriesTest {
    @TempDir
    Path dir;

    @Test
    void mergedCountsEqualTheTwoSidedQuery() throws Exception {
        try (Workspace ws = Workspace.open(dir.resolve("c.duckdb"))) {
            Connection c = ws.connection();
            try (Statement s = c.createStatement()) {
                s.execute("CREATE TABLE t (side VARCHAR, v VARCHAR)");
                s.execute("INSERT INTO t VALUES ('ref', 'b'), ('ref', 'b'), ('ref', 'a'), ('ref', '\uFF21'),"
                        + " ('ref', '\uD83D\uDE00'), ('ref', NULL), ('ref', ''), ('cur', 'b'), ('cur', 'Z'),"
                        + " ('cur', '\uD83D\uDE00'), ('cur', '\uD83D\uDE00'), ('cur', 'é'), ('cur', NULL),"
                        + " ('cur', '\uFF21')");
            }
            Slice ref = side(c, "ref");
            Slice cur = side(c, "cur");
            CountQueries.Categories direct = CountQueries.categories(c, ref, cur, "v", true);
            CountQueries.Categories merged = CountQueries.merge(CountQueries.textCounts(c, ref, "v"),
                    CountQueries.textCounts(c, cur, "v"));
            assertEquals(List.of("", "Z", "a", "b", "é", "\uFF21", "\uD83D\uDE00"), direct.values());
            assertEquals(direct.values(), merged.values());
            assertEquals(List.of(1L, 0L, 1L, 2L, 0L, 1L, 1L), boxed(direct.reference()));
            assertEquals(boxed(direct.reference()), boxed(merged.reference()));
            assertEquals(boxed(direct.current()), boxed(merged.current()));
            assertTrue("\uFF21".compareTo("\uD83D\uDE00") > 0, "Java's own order differs here");
        }
    }

    private static Slice side(Connection c, String side) {
        return new Slice(new Catalog(c).table("t"), "side = '" + side + "'", SqlFragment.of("side = ?", side));
    }

    private static List<Long> boxed(long[] values) {
        return java.util.Arrays.stream(values).boxed().toList();
    }
}
