package org.inquest.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TablesAndQuarantineCommandTest {
    @TempDir
    Path dir;
    Path ws;
    Path source;

    @BeforeEach
    void importWithOneBadRow() throws Exception {
        source = dir.resolve("p.csv");
        Files.writeString(source, "id,score,label,flag\n1,0.25,1,0\n2,1.75,0,1\n3,0.5,0,1\n");
        ws = dir.resolve("w.duckdb");
        assertEquals(0, CliRun.of("import", "--workspace", ws.toString(), "--table", "preds", source.toString()).code());
    }

    @Test
    void tablesJsonListsRowsRolesQuarantineAndSources() throws Exception {
        CliRun run = CliRun.of("tables", "--workspace", ws.toString(), "--json");
        assertEquals(0, run.code(), run.err());
        JsonNode t = new ObjectMapper().readTree(run.out()).get("tables").get(0);
        assertEquals("preds", t.get("name").asText());
        assertEquals("predictions", t.get("kind").asText());
        assertEquals(2, t.get("rows").asLong());
        assertEquals(1, t.get("quarantined").asLong());
        assertEquals("score", t.get("columns").get(1).get("role").asText());
        assertEquals("categorical", t.get("columns").get(3).get("feature_kind").asText());
        JsonNode s = t.get("sources").get(0);
        assertEquals(source.toAbsolutePath().toString(), s.get("path").asText());
        assertEquals(Files.size(source), s.get("size_bytes").asLong());
        assertEquals(2, s.get("rows_accepted").asLong());
        assertEquals(1, s.get("rows_quarantined").asLong());
        assertEquals(64, s.get("sha256").asText().length());
    }

    @Test
    void tablesTextSaysWhatIsThere() {
        CliRun run = CliRun.of("tables", "--workspace", ws.toString());
        assertTrue(run.out().startsWith("preds (predictions): 2 rows, 1 quarantined"), run.out());
        assertTrue(run.out().contains("roles:    id=id, score=score, label=label"), run.out());
    }

    @Test
    void quarantineAsCsvHasSourceLineReasonAndRaw() {
        CliRun run = CliRun.of("quarantine", "--workspace", ws.toString(), "--table", "preds", "--format", "csv");
        assertEquals(0, run.code(), run.err());
        String[] lines = run.out().replace("\r\n", "\n").split("\n");
        assertEquals("table,source,line,column,reason,raw", lines[0]);
        assertEquals("preds," + source.toAbsolutePath() + ",3,score,\"score 1.75 is outside [0, 1]\","
                + "\"{\"\"id\"\":2,\"\"score\"\":1.75,\"\"label\"\":0,\"\"flag\"\":1}\"", lines[1]);
        assertEquals(2, lines.length);
    }

    @Test
    void quarantineOfAnUnknownTableIsAUsageError() {
        CliRun run = CliRun.of("quarantine", "--workspace", ws.toString(), "--table", "nope");
        assertEquals(2, run.code());
        assertTrue(run.err().contains("unknown table 'nope'"), run.err());
    }
}
