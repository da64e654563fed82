package org.inquest.analysis.quality;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.inquest.connectors.catalog.Catalog;
import org.inquest.connectors.catalog.ColumnInfo;
import org.inquest.connectors.catalog.ColumnRole;
import org.inquest.connectors.catalog.FeatureKind;
import org.inquest.connectors.catalog.SqlTypes;
import org.inquest.connectors.workspace.Workspace;

/**
 * The quality fixture made by {@code src/test/python/make_quality_fixture.py}: its two CSV files loaded as tables
 * {@code reference} and {@code current} of a new workspace (id and ts with their roles, every other column a
 * feature), and the expected values the script computed.
 */
final class QualityFixture {
    private QualityFixture() {
    }

    /** A new workspace file in {@code dir} holding both fixture tables, registered as predictions tables. */
    static Workspace open(Path dir, String fileName) throws SQLException {
        Workspace workspace = Workspace.open(dir.resolve(fileName));
        try (Statement s = workspace.connection().createStatement()) {
            // Explicit types, so that the schema differences the fixture describes (changed, only_ref, only_cur)
            // do not depend on DuckDB's type sniffing.
            s.execute("CREATE TABLE reference (id INTEGER, ts TIMESTAMP, amount DOUBLE, age INTEGER, country VARCHAR,"
                    + " flag BOOLEAN, only_ref VARCHAR, changed INTEGER, const_col INTEGER)");
            s.execute("CREATE TABLE current (id INTEGER, ts TIMESTAMP, amount DOUBLE, age INTEGER, country VARCHAR,"
                    + " flag BOOLEAN, changed VARCHAR, const_col INTEGER, only_cur INTEGER)");
            s.execute("INSERT INTO reference SELECT * FROM read_csv('" + copy(dir, "reference.csv")
                    + "', header = true, all_varchar = true)");
            s.execute("INSERT INTO current SELECT * FROM read_csv('" + copy(dir, "current.csv")
                    + "', header = true, all_varchar = true)");
        }
        Catalog catalog = new Catalog(workspace.connection());
        for (String table : List.of("reference", "current")) {
            List<ColumnInfo> columns = new ArrayList<>();
            for (ColumnInfo c : catalog.table(table).columns()) {
                ColumnRole role = c.name().equals("id") ? ColumnRole.ID
                        : c.name().equals("ts") ? ColumnRole.TIMESTAMP : ColumnRole.FEATURE;
                FeatureKind kind = role != ColumnRole.FEATURE ? null
                        : SqlTypes.isNumeric(c.sqlType()) ? FeatureKind.NUMERICAL : FeatureKind.CATEGORICAL;
                columns.add(new ColumnInfo(c.name(), c.sqlType(), role, kind));
            }
            catalog.saveTable(table, "predictions", columns);
        }
        return workspace;
    }

    /** The script's expected values ({@code expected.json}). */
    static JsonNode expected() {
        try (InputStream in = QualityFixture.class.getResourceAsStream("/quality/expected.json")) {
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Copies a fixture resource into {@code dir} and returns its path as a SQL string literal's content. */
    private static String copy(Path dir, String resource) {
        Path target = dir.resolve(resource);
        try (InputStream in = QualityFixture.class.getResourceAsStream("/quality/" + resource)) {
            Files.copy(in, target);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return target.toString().replace("'", "''");
    }
}
