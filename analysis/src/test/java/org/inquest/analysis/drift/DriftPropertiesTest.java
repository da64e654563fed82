package org.inquest.analysis.drift;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
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

/** Properties every drift result must have, whatever the data. */
class DriftPropertiesTest {
    @TempDir
    static Path dir;
    static Workspace workspace;
    static Connection c;

    @BeforeAll
    static void load() throws Exception {
        workspace = Workspace.open(dir.resolve("props.duckdb"));
        c = workspace.connection();
        for (String fixture : List.of("large", "small")) {
            DriftFixtures.load(c, fixture);
        }
    }

    @AfterAll
    static void close() {
        workspace.close();
    }

    private static DriftResult run(String fixture, String ref, String cur, DriftMethod method) {
        return DriftAnalysis.run(c, DriftFixtures.side(c, fixture, ref), DriftFixtures.side(c, fixture, cur),
                new DriftOptions(DriftFixtures.features(fixture), method, null, 0.5));
    }

    @Test
    void identicalSlicesShowNoDrift() {
        for (String fixture : List.of("large", "small")) {
            for (DriftMethod method : DriftMethod.values()) {
                DriftResult r = run(fixture, "cur", "cur", method);
                assertEquals(0.0, r.driftShare(), fixture + " " + method);
                assertFalse(r.datasetDrift());
                for (FeatureDrift f : r.features()) {
                    assertFalse(f.drifted(), f.name() + " " + method);
                    assertEquals(0.0, f.metrics().get("psi"), 1e-15, f.name());
                    assertEquals(0.0, f.metrics().get("jensen_shannon"), 1e-15, f.name());
                    assertEquals(0.0, f.metrics().get("chi_square"), 1e-9, f.name());
                    if (f.kind().equals("numerical")) {
                        assertEquals(0.0, f.metrics().get("ks_statistic"), f.name());
                        assertEquals(1.0, f.metrics().get("ks_p_value"), f.name());
                        assertEquals(0.0, f.metrics().get("wasserstein"), f.name());
                    }
                }
            }
        }
    }

    @Test
    void boundsHold() {
        for (String fixture : List.of("large", "small")) {
            for (FeatureDrift f : run(fixture, "ref", "cur", DriftMethod.AUTO).features()) {
                assertTrue(f.metrics().get("psi") >= 0, f.name());
                double js = f.metrics().get("jensen_shannon");
                assertTrue(js >= 0 && js <= 1, f.name() + " js " + js);
                double p = f.metrics().get("chi_square_p_value");
                assertTrue(p >= 0 && p <= 1, f.name());
                if (f.kind().equals("numerical")) {
                    double ks = f.metrics().get("ks_statistic");
                    assertTrue(ks >= 0 && ks <= 1, f.name());
                    assertTrue(f.metrics().get("wasserstein") >= 0, f.name());
                }
            }
        }
    }

    @Test
    void swappingTheSlicesKeepsTheSymmetricStatistics() {
        for (String fixture : List.of("large", "small")) {
            List<FeatureDrift> forward = run(fixture, "ref", "cur", DriftMethod.AUTO).features();
            List<FeatureDrift> backward = run(fixture, "cur", "ref", DriftMethod.AUTO).features();
            for (int i = 0; i < forward.size(); i++) {
                FeatureDrift f = forward.get(i);
                FeatureDrift b = backward.get(i);
                List<String> symmetric = f.kind().equals("numerical")
                        ? List.of("ks_statistic", "ks_p_value", "wasserstein") // bins follow the reference
                        : List.of("jensen_shannon", "chi_square", "psi");
                for (String m : symmetric) {
                    assertEquals(f.metrics().get(m), b.metrics().get(m), 1e-12 * Math.max(1, f.metrics().get(m)),
                            f.name() + " " + m);
                }
            }
        }
    }

    @Test
    void everyPlanGivesTheSameNumbers() throws Exception {
        Slice ref = DriftFixtures.side(c, "large", "ref");
        Slice cur = DriftFixtures.side(c, "large", "cur");
        for (String feature : List.of("normal_shift", "ties", "heavy_tail", "constant", "few_values")) {
            SortedMerge.Result base = SortedMerge.run(c, ref, cur, feature, 4000, 6000, SortedMerge.Source.RAW, true);
            assertNotNull(base, "the streaming plan kept its order");
            for (SortedMerge.Source source : SortedMerge.Source.values()) {
                for (boolean streaming : new boolean[] {true, false}) {
                    SortedMerge.Result other = SortedMerge.run(c, ref, cur, feature, 4000, 6000, source, streaming);
                    String what = feature + " " + source + (streaming ? " streaming" : " ordered");
                    assertNotNull(other, what);
                    assertEquals(base.ks(), other.ks(), 0.0, what);
                    assertEquals(base.wasserstein(), other.wasserstein(), 1e-9 * Math.max(1, base.wasserstein()), what);
                    assertEquals(base.distinct(), other.distinct(), what);
                    for (int j = 0; j < SortedMerge.DECILES.length; j++) {
                        assertEquals(base.deciles()[j], other.deciles()[j], 0.0, what + " decile " + j);
                    }
                }
            }
        }
    }

    @Test
    void aForcedMethodDecidesByItsOwnStatistic() {
        DriftResult psi = run("large", "ref", "cur", DriftMethod.PSI);
        for (FeatureDrift f : psi.features()) {
            assertEquals(DriftMethod.PSI, f.method());
            assertEquals(f.metrics().get("psi"), f.statistic());
            assertEquals(f.statistic() >= 0.1, f.drifted(), f.name());
            assertEquals(f.statistic() >= 0.25, f.severe(), f.name());
        }
        DriftResult ks = run("large", "ref", "cur", DriftMethod.KS);
        for (FeatureDrift f : ks.features()) {
            if (f.kind().equals("categorical")) {
                assertNotNull(f.warning(), "ks cannot judge " + f.name());
                assertEquals(DriftMethod.JENSENSHANNON, f.method());
            } else {
                assertEquals(f.metrics().get("ks_p_value"), f.pValue());
                assertEquals(f.pValue() <= 0.05, f.drifted());
            }
        }
    }

    @Test
    void emptySideIsReportedNotCompared() throws Exception {
        try (java.sql.Statement s = c.createStatement()) {
            s.execute("CREATE OR REPLACE TABLE gaps AS SELECT 'ref' AS side, CAST(NULL AS DOUBLE) AS x FROM range(10)"
                    + " UNION ALL SELECT 'cur', 1.0 FROM range(10)");
        }
        DriftResult r = DriftAnalysis.run(c, DriftFixtures.side(c, "gaps", "ref"), DriftFixtures.side(c, "gaps", "cur"),
                new DriftOptions(List.of("x"), DriftMethod.AUTO, null, 0.5));
        FeatureDrift x = r.features().get(0);
        assertFalse(x.drifted());
        assertEquals(1.0, x.referenceNulls());
        assertTrue(x.warning().contains("reference"), x.warning());
        assertEquals(null, x.statistic());
    }
}
