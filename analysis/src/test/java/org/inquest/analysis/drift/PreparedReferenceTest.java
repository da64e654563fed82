package org.inquest.analysis.drift;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import org.inquest.analysis.slice.Slice;
import org.inquest.connectors.workspace.Workspace;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A prepared reference, reused for several current slices, gives exactly the result of a fresh comparison (whose
 * numbers {@link DriftReferenceTest} checks against scipy).
 */
class PreparedReferenceTest {
    @TempDir
    static Path dir;
    static Workspace workspace;
    static Connection c;

    @BeforeAll
    static void load() throws Exception {
        workspace = Workspace.open(dir.resolve("prepared.duckdb"));
        c = workspace.connection();
        DriftFixtures.load(c, "large");
    }

    @AfterAll
    static void close() {
        workspace.close();
    }

    @Test
    void reusedPreparationGivesTheFreshResult() throws Exception {
        Slice ref = DriftFixtures.side(c, "large", "ref");
        Slice cur = DriftFixtures.side(c, "large", "cur");
        DriftOptions options = new DriftOptions(DriftFixtures.features("large"), DriftMethod.AUTO, null, 0.5);
        PreparedReference prepared = PreparedReference.prepare(c, ref, cur.table(), options);
        for (int round = 0; round < 2; round++) {
            for (Slice current : List.of(cur, ref, DriftFixtures.side(c, "large", "cur"))) {
                DriftResult fresh = DriftAnalysis.run(c, ref, current, options);
                DriftResult reused = DriftAnalysis.run(c, prepared, current, options);
                assertEquals(fresh, reused, "round " + round);
                assertTrue(!reused.features().isEmpty());
            }
        }
    }

    @Test
    void aPreparationForOtherFeaturesIsRedone() throws Exception {
        Slice ref = DriftFixtures.side(c, "large", "ref");
        Slice cur = DriftFixtures.side(c, "large", "cur");
        List<String> all = DriftFixtures.features("large");
        DriftOptions one = new DriftOptions(all.subList(0, 1), DriftMethod.AUTO, null, 0.5);
        DriftOptions every = new DriftOptions(all, DriftMethod.AUTO, null, 0.5);
        PreparedReference prepared = PreparedReference.prepare(c, ref, cur.table(), one);
        DriftResult reused = DriftAnalysis.run(c, prepared, cur, every);
        assertEquals(all.size(), reused.features().size());
        assertEquals(DriftAnalysis.run(c, ref, cur, every), reused);
    }
}
