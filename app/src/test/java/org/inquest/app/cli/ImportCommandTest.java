package org.inquest.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImportCommandTest {
    @TempDir
    Path dir;

    private Path csv(String name, String content) throws Exception {
        Path file = dir.resolve(name);
        Files.writeString(file, content);
        return file;
    }

    @Test
    void jsonOutputHasTheContractShape() throws Exception {
        Path file = csv("p.csv", "request_id,ts,score,label,region,amount\n"
                + "a,2024-01-01 00:00:00,0.9,1,EU,10.5\n"
                + "b,2024-01-01 01:00:00,1.7,0,US,11.5\n"
                + "c,2024-01-01 02:00:00,0.2,0,EU,12.5\n"
                + "d,2024-01-01 03:00:00,0.4,1,US,13.5\n");
        CliRun run = CliRun.of("import", "--workspace", dir.resolve("w.duckdb").toString(), "--table", "preds",
                "--json", file.toString());
        assertEquals(0, run.code(), run.err());
        JsonNode json = new ObjectMapper().readTree(run.out());
        assertEquals("preds", json.get("table").asText());
        assertEquals(3, json.get("rows").asLong());
        assertEquals(1, json.get("quarantined").asLong());
        List<String> columns = new ArrayList<>();
        for (JsonNode c : json.get("columns")) {
            columns.add(c.get("name").asText() + ":" + c.get("type").asText() + ":" + c.get("role").asText());
        }
        assertEquals(List.of("request_id:VARCHAR:id", "ts:TIMESTAMP:timestamp", "score:DOUBLE:score",
                "label:BIGINT:label", "region:VARCHAR:feature", "amount:DOUBLE:feature"), columns);
    }

    @Test
    void summaryIsReadable() throws Exception {
        Path file = csv("p.csv", "id,score\n1,0.5\n");
        CliRun run = CliRun.of("import", "--workspace", dir.resolve("w.duckdb").toString(), "--table", "t",
                file.toString());
        assertEquals(0, run.code(), run.err());
        assertTrue(run.out().contains("1 rows, 0 quarantined"), run.out());
        assertTrue(run.out().contains("table t (predictions): 1 rows, 2 columns"), run.out());
    }

    @Test
    void globAppendsEveryMatchingFile() throws Exception {
        csv("part-1.csv", "id,score\n1,0.5\n");
        csv("part-2.csv", "id,score\n2,0.6\n3,0.7\n");
        Path ws = dir.resolve("w.duckdb");
        CliRun run = CliRun.of("import", "--workspace", ws.toString(), "--table", "t", "--json",
                dir.resolve("part-*.csv").toString());
        assertEquals(0, run.code(), run.err());
        assertEquals(3, new ObjectMapper().readTree(run.out()).get("rows").asLong());
    }

    @Test
    void aJsonLinesFileCutInItsLastLineImportsTheRestWithAWarning() throws Exception {
        String span = "{\"resourceSpans\":[{\"scopeSpans\":[{\"spans\":[{\"traceId\":\"%032x\",\"spanId\":"
                + "\"%016x\",\"name\":\"s\",\"startTimeUnixNano\":\"1000\",\"endTimeUnixNano\":\"2000\"}]}]}]}\n";
        Path traces = csv("otel.jsonl", String.format(span, 1, 1) + String.format(span, 2, 2)
                + String.format(span, 3, 3).substring(0, 40));
        Path ws = dir.resolve("w.duckdb");
        CliRun text = CliRun.of("import", "--workspace", ws.toString(), "--table", "spans", "--kind", "traces",
                traces.toString());
        assertEquals(0, text.code(), text.err());
        assertTrue(text.out().contains(": 2 rows, 1 quarantined"), text.out());
        assertTrue(text.out().contains("warning: " + traces.toAbsolutePath() + ": line 3: truncated JSON (file ends"
                + " mid-object): that line is quarantined, the lines before it are imported"), text.out());
        Path predictions = csv("p.jsonl", "{\"id\": 1, \"score\": 0.5}\n{\"id\": 2, \"score\": 0.2");
        CliRun json = CliRun.of("import", "--workspace", ws.toString(), "--table", "p", "--json",
                predictions.toString());
        assertEquals(0, json.code(), json.err());
        JsonNode file = new ObjectMapper().readTree(json.out()).get("files").get(0);
        assertEquals(1, file.get("rows").asLong());
        assertEquals(1, file.get("quarantined").asLong());
        assertEquals(2, file.get("truncated_line").asLong());
        CliRun quarantine = CliRun.of("quarantine", "--workspace", ws.toString(), "--table", "p");
        assertTrue(quarantine.out().contains("truncated JSON (file ends mid-object at column 23)"), quarantine.out());
    }

    @Test
    void aCutJsonDocumentIsRefusedAndTheWorkspaceIsUntouched() throws Exception {
        Path ws = dir.resolve("w.duckdb");
        Path good = csv("good.csv", "id,score\n1,0.5\n");
        assertEquals(0, CliRun.of("import", "--workspace", ws.toString(), "--table", "t", good.toString()).code());
        byte[] before = Files.readAllBytes(ws);
        Path cut = csv("one.json", "{\"id\": 2, \"score\": 0.");
        CliRun run = CliRun.of("import", "--workspace", ws.toString(), "--table", "t", good.toString(), cut.toString());
        assertEquals(3, run.code());
        assertEquals("inquest: " + cut + ": line 1, column 21: truncated JSON (the file ends inside a value that is"
                + " never closed)", run.err().strip());
        assertTrue(java.util.Arrays.equals(before, Files.readAllBytes(ws)), "the workspace file is unchanged");
    }

    @Test
    void exitCodesFollowTheContract() throws Exception {
        Path ws = dir.resolve("w.duckdb");
        Path good = csv("good.csv", "id,score\n1,0.5\n");
        Path empty = csv("empty.csv", "");
        CliRun bad = CliRun.of("import", "--workspace", ws.toString(), "--table", "t", empty.toString());
        assertEquals(3, bad.code());
        assertEquals("inquest: " + empty + ": file is empty", bad.err().strip());
        assertEquals(2, CliRun.of("import", "--workspace", ws.toString(), "--table", "bad-name", good.toString()).code());
        CliRun role = CliRun.of("import", "--workspace", ws.toString(), "--table", "t", "--role", "score=nope",
                good.toString());
        assertEquals(2, role.code());
        assertTrue(role.err().contains("'nope'"), role.err());
        assertEquals(2, CliRun.of("import", "--workspace", ws.toString(), "--table", "t", "--kind", "nonsense",
                good.toString()).code());
        assertEquals(3, CliRun.of("import", "--workspace", ws.toString(), "--table", "t",
                dir.resolve("missing.csv").toString()).code());
        assertEquals(2, CliRun.of("import", "--workspace", ws.toString(), "--table", "t").code());
    }
}
