package org.inquest.analysis.drift;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.inquest.analysis.slice.Slice;
import org.inquest.analysis.slice.SqlFragment;
import org.inquest.connectors.catalog.Catalog;

/**
 * The scipy/numpy reference fixtures of {@code src/test/python/make_drift_fixtures.py}: each case is a CSV with a
 * {@code side} column (ref/cur), loaded by DuckDB's own CSV reader into a table of the same name.
 */
final class DriftFixtures {
    static final JsonNode EXPECTED = read();

    private DriftFixtures() {
    }

    private static JsonNode read() {
        try (InputStream in = DriftFixtures.class.getResourceAsStream("/drift/expected.json")) {
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<String> features(String fixture) {
        List<String> names = new ArrayList<>();
        EXPECTED.get(fixture).get("features").fieldNames().forEachRemaining(names::add);
        return names;
    }

    /** Creates table {@code fixture} from its CSV, numerical features as DOUBLE and categorical ones as VARCHAR. */
    static void load(Connection connection, String fixture) throws SQLException {
        Path csv;
        try {
            csv = Path.of(DriftFixtures.class.getResource("/drift/" + fixture + ".csv").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        StringBuilder types = new StringBuilder("{'side': 'VARCHAR'");
        Iterator<java.util.Map.Entry<String, JsonNode>> it = EXPECTED.get(fixture).get("features").fields();
        while (it.hasNext()) {
            java.util.Map.Entry<String, JsonNode> e = it.next();
            types.append(", '").append(e.getKey()).append("': '")
                    .append(e.getValue().get("kind").asText().equals("numerical") ? "DOUBLE" : "VARCHAR").append('\'');
        }
        types.append('}');
        try (Statement s = connection.createStatement()) {
            s.execute("CREATE OR REPLACE TABLE " + fixture + " AS SELECT * FROM read_csv('"
                    + csv.toString().replace("'", "''") + "', header = true, types = " + types + ")");
        }
    }

    static Slice side(Connection connection, String fixture, String side) {
        return new Slice(new Catalog(connection).table(fixture), "side = '" + side + "'",
                SqlFragment.of("side = ?", side));
    }
}
