package org.inquest.connectors.ingest;

import static org.inquest.connectors.ingest.ImportFixtures.count;
import static org.inquest.connectors.ingest.ImportFixtures.importFiles;
import static org.inquest.connectors.ingest.ImportFixtures.parquet;
import static org.inquest.connectors.ingest.ImportFixtures.rows;
import static org.inquest.connectors.ingest.ImportFixtures.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.inquest.connectors.catalog.ColumnRole;
import org.inquest.connectors.catalog.FeatureKind;
import org.inquest.connectors.catalog.TableInfo;
import org.inquest.connectors.error.InputException;
import org.inquest.connectors.workspace.Workspace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImporterTest {
    @TempDir
    Path dir;

    /** Lines 5-8 are bad, each for a different reason; line 2-3 is one record with a quoted newline. */
    static final String BAD_CSV = String.join("\n",
            "id,score,label,ts,note",
            "1,0.9,1,2024-01-01 10:00:00,\"multi",
            "line\"",
            "2,0.1,0,2024-01-01 11:00:00,ok",
            "3,0.5,1,2024-01-01 12:00:00,x,extra",
            "4,1.5,0,2024-01-01 13:00:00,y",
            "5,0.3,2,2024-01-01 14:00:00,z",
            "6,0.4,1,not-a-time,w",
            "7,0.2,0,2024-01-02 09:00:00,v") + "\n";

    @Test
    void csvWithBadLinesQuarantinesExactlyThoseLines() throws Exception {
        Path csv = write(dir, "preds.csv", BAD_CSV);
        try (Workspace ws = Workspace.open(dir.resolve("w.duckdb"))) {
            ImportResult result = importFiles(ws, "preds", csv);
            assertEquals(3, result.rowsAccepted());
            assertEquals(4, result.rowsQuarantined());
            assertEquals(List.of(List.of(1L), List.of(2L), List.of(7L)),
                    rows(ws, "SELECT id FROM preds ORDER BY id"));
            assertEquals("multi\nline", rows(ws, "SELECT note FROM preds WHERE id = 1").get(0).get(0));
            List<List<Object>> q = rows(ws, "SELECT line, column_name, reason, raw FROM inquest.quarantine ORDER BY line");
            assertEquals(List.of(5L, 6L, 7L, 8L), q.stream().map(r -> r.get(0)).toList());
            assertTrue(q.get(0).get(2).toString().contains("too many columns"), q.get(0).toString());
            assertEquals("3,0.5,1,2024-01-01 12:00:00,x,extra", q.get(0).get(3));
            assertEquals("score", q.get(1).get(1));
            assertEquals("score 1.5 is outside [0, 1]", q.get(1).get(2));
            assertEquals("label", q.get(2).get(1));
            assertTrue(q.get(3).get(2).toString().contains("not-a-time"), q.get(3).toString());
            List<List<Object>> lineage = rows(ws, "SELECT source_path, format, kind, rows_accepted, rows_quarantined,"
                    + " size_bytes, length(sha256) FROM inquest.imports");
            assertEquals(List.of(List.of(csv.toAbsolutePath().toString(), "csv", "predictions", 3L, 4L,
                    (long) BAD_CSV.length(), 64L)), lineage);
        }
    }

    /**
     * The lineage digest is computed on a thread of its own while DuckDB reads the file: it must still be the whole
     * file's SHA-256 and size, for every format, and for a file bigger than the digest's read buffer.
     */
    @Test
    void lineageDigestIsTheWholeFilesSha256ForEveryFormat() throws Exception {
        StringBuilder big = new StringBuilder("id,score,note\n");
        for (int i = 0; big.length() < 3 * (1 << 20); i++) {
            big.append(i).append(',').append((i % 100) / 100.0).append(",row ").append(i).append('\n');
        }
        Path csv = write(dir, "big.csv", big.toString());
        Path jsonl = write(dir, "a.jsonl", "{\"id\": 1, \"score\": 0.5}\n{\"id\": 2, \"score\": 0.25}\n");
        Path pq = parquet(dir, "p.parquet", "SELECT range AS id, range / 100.0 AS score FROM range(1000)");
        try (Workspace ws = Workspace.open(dir.resolve("w.duckdb"))) {
            importFiles(ws, "c", csv);
            importFiles(ws, "j", jsonl);
            importFiles(ws, "p", pq);
            for (Path file : List.of(csv, jsonl, pq)) {
                byte[] bytes = java.nio.file.Files.readAllBytes(file);
                String expected = java.util.HexFormat.of().formatHex(
                        java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
                assertEquals(List.of(List.of(expected, (long) bytes.length)), rows(ws,
                        "SELECT sha256, size_bytes FROM inquest.imports WHERE source_path = ?",
                        file.toAbsolutePath().toString()), file.toString());
            }
        }
    }

    /** A record longer than DuckDB's default 2 MB line limit is still a row (the reader's limit is 16 MiB). */
    @Test
    void aThreeMegabyteRecordIsImportedNotRefused() throws Exception {
        String note = "x".repeat(3 << 20);
        Path csv = write(dir, "long.csv", "id,score,note\n1,0.5,short\n2,0.25," + note + "\n3,0.75,end\n");
        try (Workspace ws = Workspace.open(dir.resolve("w.duckdb"))) {
            ImportResult result = importFiles(ws, "t", csv);
            assertEquals(3, result.rowsAccepted());
            assertEquals(0, result.rowsQuarantined());
            assertEquals(List.of(List.of(2L, (long) note.length())),
                    rows(ws, "SELECT id, length(note) FROM t WHERE length(note) > 10"));
        }
    }

    @Test
    void linesAfterQuotedNewlinesAndRejectsAreExact() throws Exception {
        Path csv = write(dir, "q.csv", String.join("\n",
                "id,score,note",
                "1,0.5,\"a",
                "b",
                "c\"",
                "2,0.5,too,many",
                "3,0.5,\"x",
                "y\"",
                "4,7.0,bad score",
                "5,0.5,fine",
                "6,-1,also bad") + "\n");
        try (Workspace ws = Workspace.open(dir.resolve("w.duckdb"))) {
            ImportResult result = importFiles(ws, "t", csv);
            assertEquals(3, result.rowsAccepted());
            assertEquals(List.of(List.of(5L), List.of(8L), List.of(10L)),
                    rows(ws, "SELECT line FROM inquest.quarantine ORDER BY line"));
        }
    }

    @Test
    void bomAndSemicolonsAreSniffed() throws Exception {
        Path csv = write(dir, "bom.csv", "\uFEFFrequest_id;probability;y_true\r\nA;0.25;1\r\nB;0.75;0\r\n");
        try (Workspace ws = Workspace.open(dir.resolve("w.duckdb"))) {
            ImportResult result = importFiles(ws, "t", csv);
            assertEquals(2, result.rowsAccepted());
            TableInfo t = result.table();
            assertEquals(ColumnRole.ID, t.column("request_id").orElseThrow().role());
            assertEquals(ColumnRole.SCORE, t.column("probability").orElseThrow().role());
            assertEquals(ColumnRole.LABEL, t.column("y_true").orElseThrow().role());
        }
    }

    @Test
    void parquetRowsOutOfRangeAreQuarantinedByRowNumber() throws Exception {
        Path pq = parquet(dir, "p.parquet", "SELECT range AS id, CASE WHEN range = 2 THEN 1.25 ELSE range / 10.0 END"
                + " ::DOUBLE AS score, (range % 2)::INTEGER AS label, range * 1.5 AS amount, (range % 2) AS flag,"
                + " 'r' || (range % 3) AS region FROM range(10)");
        try (Workspace ws = Workspace.open(dir.resolve("w.duckdb"))) {
            ImportResult result = importFiles(ws, "p", pq);
            assertEquals(9, result.rowsAccepted());
            List<List<Object>> q = rows(ws, "SELECT line, column_name, reason, raw FROM inquest.quarantine");
            assertEquals(1, q.size());
            assertEquals(3L, q.get(0).get(0));
            assertEquals("score 1.25 is outside [0, 1]", q.get(0).get(2));
            assertTrue(q.get(0).get(3).toString().contains("\"id\":2"), q.get(0).toString());
            TableInfo t = result.table();
            assertEquals(FeatureKind.NUMERICAL, t.column("amount").orElseThrow().featureKind());
            assertEquals(FeatureKind.CATEGORICAL, t.column("flag").orElseThrow().featureKind());
            assertEquals(FeatureKind.CATEGORICAL, t.column("region").orElseThrow().featureKind());
        }
    }

    @Test
    void jsonLinesQuarantinesMalformedLinesByLineNumber() throws Exception {
        Path jsonl = write(dir, "p.jsonl", String.join("\n",
                "{\"id\": 1, \"score\": 0.5, \"label\": 1}",
                "",
                "{\"id\": 2, \"score\": 0.6, \"label\": 0}",
                "{\"id\": 3, \"score\": ",
                "[1, 2]",
                "{\"id\": 4, \"score\": 3.5, \"label\": 0}",
                "{\"id\": 5, \"score\": 0.1, \"label\": 1}") + "\n");
        try (Workspace ws = Workspace.open(dir.resolve("w.duckdb"))) {
            ImportResult result = importFiles(ws, "j", jsonl);
            assertEquals(3, result.rowsAccepted());
            List<List<Object>> q = rows(ws, "SELECT line, reason, raw FROM inquest.quarantine ORDER BY line");
            assertEquals(List.of(4L, 5L, 6L), q.stream().map(r -> r.get(0)).toList());
            // '{"id": 3, "score": ' runs out after its 19 characters, and line 5 follows: a torn line
            assertEquals("truncated JSON (line ends mid-object at column 20)", q.get(0).get(1));
            assertEquals("not a JSON object", q.get(1).get(1));
            assertEquals("{\"id\": 4, \"score\": 3.5, \"label\": 0}", q.get(2).get(2));
            assertEquals("jsonl", rows(ws, "SELECT format FROM inquest.imports").get(0).get(0));
        }
    }

    @Test
    void jsonLinesCutInsideTheLastLineQuarantinesThatLineOnly() throws Exception {
        // a writer killed mid-line: no newline after the cut, which falls inside a string
        Path cut = write(dir, "cut.jsonl", "{\"id\": 1, \"score\": 0.5}\n{\"id\": 2, \"score\": 0.25}\n"
                + "{\"id\": 3, \"sco");
        // ... and a cut followed by newlines: blank lines after it do not make it a torn middle line
        Path cutThenBlank = write(dir, "cut2.jsonl", "{\"id\": 4, \"score\": 0.5}\n{\"id\": 5, \"score\":\n\n");
        try (Workspace ws = Workspace.open(dir.resolve("w.duckdb"))) {
            ImportResult result = importFiles(ws, "j", cut, cutThenBlank);
            assertEquals(3, result.rowsAccepted());
            assertEquals(2, result.rowsQuarantined());
            assertEquals(List.of(3L, 2L), result.files().stream().map(FileOutcome::cutLine).toList());
            List<List<Object>> q = rows(ws, "SELECT source_path, line, reason, raw FROM inquest.quarantine"
                    + " ORDER BY import_id");
            // "{"id": 3, "sco" is 14 characters and "{"id": 5, "score":" 18: the input runs out just after them
            assertEquals(List.of(cut.toAbsolutePath().toString(), 3L,
                    "truncated JSON (file ends mid-object at column 15)", "{\"id\": 3, \"sco"), q.get(0));
            assertEquals(List.of(cutThenBlank.toAbsolutePath().toString(), 2L,
                    "truncated JSON (file ends mid-object at column 19)", "{\"id\": 5, \"score\":"), q.get(1));
            assertEquals(List.of(List.of(1L), List.of(2L), List.of(4L)), rows(ws, "SELECT id FROM j ORDER BY id"));
        }
    }

    @Test
    void jsonLinesWithACompleteLastLineAndNoFinalNewlineImportWhole() throws Exception {
        Path jsonl = write(dir, "p.jsonl", "{\"id\": 1, \"score\": 0.5}\n{\"id\": 2, \"score\": 0.25}");
        try (Workspace ws = Workspace.open(dir.resolve("w.duckdb"))) {
            ImportResult result = importFiles(ws, "j", jsonl);
            assertEquals(2, result.rowsAccepted());
            assertEquals(0, result.rowsQuarantined());
            assertEquals(0, result.files().get(0).cutLine());
        }
    }

    @Test
    void aMalformedLastLineThatIsNotCutIsMalformedNotTruncated() throws Exception {
        Path jsonl = write(dir, "p.jsonl", "{\"id\": 1, \"score\": 0.5}\n{\"id\": 2, \"score\": 0.25}}");
        try (Workspace ws = Workspace.open(dir.resolve("w.duckdb"))) {
            ImportResult result = importFiles(ws, "j", jsonl);
            assertEquals(1, result.rowsAccepted());
            assertEquals(0, result.files().get(0).cutLine());
            assertEquals(List.of(List.of(2L, "malformed JSON")),
                    rows(ws, "SELECT line, reason FROM inquest.quarantine"));
        }
    }

    @Test
    void aCutJsonDocumentOrAFileThatIsNotJsonLinesIsRefusedWhole() throws Exception {
        Path good = write(dir, "good.jsonl", "{\"id\": 1, \"score\": 0.5}\n");
        Path cutObject = write(dir, "one.json", "{\"id\": 1,\n \"score\": 0.5,\n \"amount\": [1, 2");
        Path cutArray = write(dir, "many.json", "[{\"id\": 1, \"score\": 0.5},\n {\"id\": 2, \"sc");
        Path onlyLineCut = write(dir, "only.jsonl", "{\"id\": 1, \"score\": 0.");
        Path notJson = write(dir, "text.jsonl", "id,score\n1,0.5\n");
        // the position named is the document's last character
        String[][] cases = {
            {cutObject.toString(), ": line 3, column 16: truncated JSON (the file ends inside a value that is never"
                    + " closed)"},
            {cutArray.toString(), ": line 2, column 14: truncated JSON"},
            {onlyLineCut.toString(), ": line 1, column 21: truncated JSON"},
            {notJson.toString(), ": not JSON (the first character is 'i')"},
        };
        try (Workspace ws = Workspace.open(dir.resolve("w.duckdb"))) {
            for (String[] c : cases) {
                InputException e = assertThrows(InputException.class, () -> importFiles(ws, "t", good, Path.of(c[0])));
                assertEquals(3, e.exitCode());
                assertTrue(e.getMessage().startsWith(c[0] + c[1]), e.getMessage());
                assertEquals(List.of(), new org.inquest.connectors.catalog.Catalog(ws.connection()).tableNames(),
                        "refused before the good file of the batch was imported");
                assertEquals(0, count(ws, "SELECT count(*) FROM inquest.imports"));
            }
        }
    }

    @Test
    void jsonArrayImports() throws Exception {
        Path json = write(dir, "a.json", "[{\"id\": 1, \"score\": 0.5}, {\"id\": 2, \"score\": 0.7}]");
        try (Workspace ws = Workspace.open(dir.resolve("w.duckdb"))) {
            assertEquals(2, importFiles(ws, "a", json).rowsAccepted());
        }
    }

    @Test
    void severalFilesAppendWithSchemaUnifiedByName() throws Exception {
        Path a = write(dir, "a.csv", "id,score,amount\n1,0.5,10\n2,0.6,20\n");
        Path b = write(dir, "b.csv", "SCORE,id,amount,channel\n0.7,3,30.5,web\n");
        try (Workspace ws = Workspace.open(dir.resolve("w.duckdb"))) {
            ImportResult result = importFiles(ws, "t", a, b);
            assertEquals(3, result.table().rows());
            assertEquals(List.of(List.of(3L, 0.7, 30.5, "web"), java.util.Arrays.asList(1L, 0.5, 10.0, null)),
                    rows(ws, "SELECT id, score, amount, channel FROM t WHERE id IN (1, 3) ORDER BY id DESC"));
            assertEquals("DOUBLE", result.table().column("amount").orElseThrow().sqlType());
            assertEquals(2, count(ws, "SELECT count(*) FROM inquest.imports"));
        }
    }

    @Test
    void incompatibleColumnIsRefusedAndNothingOfThatFileRemains() throws Exception {
        Path a = write(dir, "a.csv", "id,amount\n1,10\n");
        Path b = write(dir, "b.csv", "id,amount\n2,2024-01-01\n");
        try (Workspace ws = Workspace.open(dir.resolve("w.duckdb"))) {
            importFiles(ws, "t", a);
            InputException e = assertThrows(InputException.class, () -> importFiles(ws, "t", b));
            assertTrue(e.getMessage().contains("b.csv") && e.getMessage().contains("amount"), e.getMessage());
            assertEquals(1, count(ws, "SELECT count(*) FROM t"));
            assertEquals(1, count(ws, "SELECT count(*) FROM inquest.imports"));
        }
    }

    @Test
    void unreadableFilesAreRefusedWholeAndLeaveNothing() throws Exception {
        Path empty = write(dir, "empty.csv", "");
        Path good = parquet(dir, "good.parquet", "SELECT range AS id, 0.5 AS score FROM range(1000)");
        byte[] bytes = java.nio.file.Files.readAllBytes(good);
        Path truncated = dir.resolve("truncated.parquet");
        java.nio.file.Files.write(truncated, java.util.Arrays.copyOf(bytes, bytes.length / 2));
        Path fake = write(dir, "fake.parquet", "id,score\n1,0.5\n");
        Path noHeader = write(dir, "nohdr.csv", "1,2,3\n4,5,6\n7,8,9\n");
        try (Workspace ws = Workspace.open(dir.resolve("w.duckdb"))) {
            for (Path bad : List.of(empty, truncated, fake, noHeader)) {
                InputException e = assertThrows(InputException.class, () -> importFiles(ws, "t", good, bad));
                assertTrue(e.getMessage().startsWith(bad.toString()), e.getMessage());
                assertEquals(List.of(), new org.inquest.connectors.catalog.Catalog(ws.connection()).tableNames());
                assertEquals(0, count(ws, "SELECT count(*) FROM inquest.imports"));
                assertEquals(0, count(ws, "SELECT count(*) FROM inquest.quarantine"));
                assertEquals(0, count(ws, "SELECT count(*) FROM inquest.columns"));
            }
        }
    }

    @Test
    void hostileFileNameIsOnlyData() throws Exception {
        Path csv = write(dir, "x'); drop table t; --.csv", "id,score\n1,0.5\n");
        try (Workspace ws = Workspace.open(dir.resolve("w.duckdb"))) {
            importFiles(ws, "t", write(dir, "first.csv", "id,score\n0,0.1\n"));
            importFiles(ws, "t", csv);
            assertEquals(2, count(ws, "SELECT count(*) FROM t"));
            assertEquals(csv.toAbsolutePath().toString(),
                    rows(ws, "SELECT source_path FROM inquest.imports ORDER BY import_id DESC").get(0).get(0));
        }
    }

    @Test
    void invalidTableNamesAreRefused() {
        for (String name : List.of("", "1abc", "a-b", "t; drop table x", "inquest_meta", "a b")) {
            assertThrows(org.inquest.connectors.error.UsageException.class,
                    () -> new ImportRequest(name, null, List.of(), List.of(dir.resolve("x.csv"))), name);
        }
    }

    @Test
    void roleOverrideUnknownColumnIsAUsageError() throws Exception {
        Path csv = write(dir, "a.csv", "id,p\n1,0.5\n");
        try (Workspace ws = Workspace.open(dir.resolve("w.duckdb"))) {
            var request = new ImportRequest("t", null, RoleInference.parseOverrides(List.of("score=nope")), List.of(csv));
            var e = assertThrows(org.inquest.connectors.error.UsageException.class,
                    () -> new Importer(ws).run(request, ImportListener.NONE, new CancelHandle()));
            assertTrue(e.getMessage().contains("'nope'"), e.getMessage());
            var ok = new ImportRequest("t", ImportKind.SNAPSHOT, RoleInference.parseOverrides(List.of("score=p")),
                    List.of(csv));
            TableInfo t = new Importer(ws).run(ok, ImportListener.NONE, new CancelHandle()).table();
            assertEquals(ColumnRole.SCORE, t.column("p").orElseThrow().role());
            assertEquals("snapshot", t.kind());
        }
    }
}
