package org.inquest.connectors.traces;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.inquest.connectors.catalog.Catalog;
import org.inquest.connectors.catalog.ColumnRole;
import org.inquest.connectors.error.InputException;
import org.inquest.connectors.ingest.ImportResult;
import org.inquest.connectors.workspace.Workspace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TraceImporterTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    static Path fixture(String name) {
        try {
            return Path.of(TraceImporterTest.class.getResource("/traces/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** span_id → column → value (as text), for spans of the table. */
    private static Map<String, Map<String, String>> spans(Workspace ws, String table) throws Exception {
        Map<String, Map<String, String>> out = new LinkedHashMap<>();
        try (Statement s = ws.connection().createStatement();
             ResultSet rs = s.executeQuery("SELECT * FROM " + table + " ORDER BY start_unix_nano, span_id")) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                Map<String, String> row = new LinkedHashMap<>();
                for (int i = 1; i <= n; i++) {
                    row.put(rs.getMetaData().getColumnName(i), rs.getString(i));
                }
                out.put(row.get("span_id") + (out.containsKey(row.get("span_id")) ? "#2" : ""), row);
            }
        }
        return out;
    }

    @Test
    void otlpRequestKeepsEveryFieldAndAttributeType() throws Exception {
        try (Workspace ws = Workspace.open(dir.resolve("w.duckdb"))) {
            ImportResult r = TraceImports.importTraces(ws, "spans", fixture("otlp_request.json"));
            assertEquals(3, r.rowsAccepted());
            assertEquals(0, r.rowsQuarantined());
            assertEquals("otlp_json", r.files().get(0).format().wireName());
            Map<String, Map<String, String>> spans = spans(ws, "spans");
            Map<String, String> root = spans.get("eee19b7ec3c1b174");
            assertEquals("5b8efff798038103d269b633813fc60c", root.get("trace_id"), "hex ids are lower-cased");
            assertNull(root.get("parent_span_id"), "an empty parentSpanId means a root");
            assertNull(root.get("ref_type"));
            assertEquals("frontend", root.get("service"));
            assertEquals("GET /predict", root.get("name"));
            assertEquals("SERVER", root.get("kind"));
            assertEquals("2", root.get("status"));
            assertEquals("upstream failed", root.get("status_message"));
            assertEquals("1700000000000000000", root.get("start_unix_nano"));
            assertEquals("1700000000100000500", root.get("end_unix_nano"));
            assertEquals(100.0005, Double.parseDouble(root.get("duration_ms")), 1e-9);
            assertEquals("2023-11-14 22:13:20", root.get("start").substring(0, 19));
            JsonNode attrs = JSON.readTree(root.get("attributes"));
            assertEquals("GET", attrs.get("http.method").asText());
            assertTrue(attrs.get("http.status_code").isIntegralNumber(), "intValue strings become numbers");
            assertEquals(500, attrs.get("http.status_code").asInt());
            assertTrue(attrs.get("sampled").isBoolean());
            assertEquals(0.25, attrs.get("ratio").asDouble());
            assertEquals("[\"a\",2]", attrs.get("tags").toString());
            assertEquals("value before key", attrs.get("late.key").asText());
            assertEquals("{\"inner\":false}", attrs.get("nested").toString());
            assertEquals("AQID", attrs.get("raw").asText());
            assertTrue(attrs.get("empty").isNull());
            JsonNode events = JSON.readTree(root.get("events"));
            assertEquals(1, events.size());
            assertEquals(1700000000050000000L, events.get(0).get("time_unix_nano").asLong());
            assertEquals("exception", events.get(0).get("name").asText());
            assertEquals("boom", events.get(0).get("attributes").get("exception.message").asText());
            assertEquals(8, JSON.readTree(root.get("resource")).get("host.cores").asInt());

            Map<String, String> pre = spans.get("eee19b7ec3c1b175");
            assertEquals("eee19b7ec3c1b174", pre.get("parent_span_id"));
            assertEquals("CHILD_OF", pre.get("ref_type"));
            assertEquals("INTERNAL", pre.get("kind"));
            assertEquals("0", pre.get("status"));
            assertEquals(20.0, Double.parseDouble(pre.get("duration_ms")));
            Map<String, String> inference = spans.get("eee19b7ec3c1b176");
            assertEquals("model-server", inference.get("service"), "resource after its spans still names them");
            assertEquals("CLIENT", inference.get("kind"));
            assertEquals("1", inference.get("status"));
        }
    }

    @Test
    void otlpOneRequestPerLineWithBase64IdsAndOldFieldNames() throws Exception {
        try (Workspace ws = Workspace.open(dir.resolve("w.duckdb"))) {
            ImportResult r = TraceImports.importTraces(ws, "spans", fixture("otlp_lines.jsonl"));
            assertEquals(2, r.rowsAccepted());
            Map<String, Map<String, String>> spans = spans(ws, "spans");
            Map<String, String> root = spans.get("eee19b7ec3c1b174");
            assertEquals("5b8efff798038103d269b633813fc60c", root.get("trace_id"), "base64 ids become hex");
            assertEquals("api", root.get("service"));
            Map<String, String> lonely = spans.get("0000000000000001");
            assertEquals("unknown_service", lonely.get("service"));
            assertNull(lonely.get("parent_span_id"), "an all-zero parent id means a root");
            assertEquals(0.004, Double.parseDouble(lonely.get("duration_ms")), 1e-12);
        }
    }

    @Test
    void jaegerExportWithReferencesTagsLogsAndProcesses() throws Exception {
        try (Workspace ws = Workspace.open(dir.resolve("w.duckdb"))) {
            ImportResult r = TraceImports.importTraces(ws, "spans", fixture("jaeger_data.json"));
            assertEquals(3, r.rowsAccepted());
            assertEquals("jaeger_json", r.files().get(0).format().wireName());
            Map<String, Map<String, String>> spans = spans(ws, "spans");
            Map<String, String> root = spans.get("0000000000000001");
            assertEquals("a1b2c3d4e5f60718", root.get("trace_id"));
            assertEquals("checkout", root.get("service"));
            assertEquals("HTTP GET /checkout", root.get("name"));
            assertEquals("SERVER", root.get("kind"));
            assertEquals("0", root.get("status"));
            assertEquals(100.0, Double.parseDouble(root.get("duration_ms")));
            assertEquals("1700000000000000000", root.get("start_unix_nano"));
            JsonNode tags = JSON.readTree(root.get("attributes"));
            assertEquals(200, tags.get("http.status_code").asInt());
            assertTrue(tags.get("retries").isIntegralNumber(), "an int64 tag written as a string is a number");
            assertEquals(3, tags.get("retries").asInt());
            assertFalse(tags.get("cached").asBoolean());
            JsonNode logs = JSON.readTree(root.get("events"));
            assertEquals("cache miss", logs.get(0).get("name").asText());
            assertEquals(1700000000010000000L, logs.get(0).get("time_unix_nano").asLong());
            assertEquals(42, logs.get(0).get("attributes").get("size").asInt());
            assertEquals("web-1", JSON.readTree(root.get("resource")).get("hostname").asText());

            Map<String, String> db = spans.get("0000000000000002");
            assertEquals("0000000000000001", db.get("parent_span_id"));
            assertEquals("CHILD_OF", db.get("ref_type"));
            assertEquals("payments", db.get("service"));
            assertEquals("2", db.get("status"), "error=true is error status");
            Map<String, String> email = spans.get("0000000000000003");
            assertEquals("0000000000000001", email.get("parent_span_id"));
            assertEquals("FOLLOWS_FROM", email.get("ref_type"));
            assertEquals("2", email.get("status"), "error='true' as a string is error status too");
        }
    }

    @Test
    void jaegerSingleTraceWithLegacyParentAndEmbeddedProcess() throws Exception {
        try (Workspace ws = Workspace.open(dir.resolve("w.duckdb"))) {
            TraceImports.importTraces(ws, "spans", fixture("jaeger_single.json"));
            Map<String, Map<String, String>> spans = spans(ws, "spans");
            Map<String, String> root = spans.get("00000000000000aa");
            assertEquals("ff00000000000001", root.get("trace_id"), "the trace's id applies to its spans");
            assertEquals("solo", root.get("service"));
            assertEquals("2", root.get("status"));
            assertEquals("bad", root.get("status_message"));
            assertEquals(0.02, Double.parseDouble(root.get("duration_ms")), 1e-12);
            Map<String, String> child = spans.get("00000000000000bb");
            assertEquals("00000000000000aa", child.get("parent_span_id"));
            assertEquals("embedded", child.get("service"));
        }
    }

    @Test
    void lineageCatalogAndAppendAcrossFiles() throws Exception {
        Path file = fixture("otlp_request.json");
        try (Workspace ws = Workspace.open(dir.resolve("w.duckdb"))) {
            ImportResult r = TraceImports.importTraces(ws, "spans", file, fixture("jaeger_data.json"));
            assertEquals(6, r.rowsAccepted());
            String expectedSha = HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
            try (PreparedStatement ps = ws.connection().prepareStatement("SELECT source_path, size_bytes, sha256,"
                    + " kind, format, rows_accepted, rows_quarantined FROM inquest.imports ORDER BY import_id")) {
                try (ResultSet rs = ps.executeQuery()) {
                    assertTrue(rs.next());
                    assertEquals(file.toAbsolutePath().toString(), rs.getString(1));
                    assertEquals(Files.size(file), rs.getLong(2));
                    assertEquals(expectedSha, rs.getString(3));
                    assertEquals("traces", rs.getString(4));
                    assertEquals("otlp_json", rs.getString(5));
                    assertEquals(3, rs.getLong(6));
                    assertTrue(rs.next());
                    assertEquals("jaeger_json", rs.getString(5));
                }
            }
            var table = new Catalog(ws.connection()).table("spans");
            assertEquals("traces", table.kind());
            assertEquals(6, table.rows());
            assertEquals("trace_id", table.columnWithRole(ColumnRole.TRACE_ID).orElseThrow().name());
            assertEquals("start", table.columnWithRole(ColumnRole.TIMESTAMP).orElseThrow().name());
        }
    }

    @Test
    void badSpansAreQuarantinedWithLineAndReasonTheRestIsKept() throws Exception {
        try (Workspace ws = Workspace.open(dir.resolve("w.duckdb"))) {
            ImportResult r = TraceImports.importTraces(ws, "spans", fixture("otlp_bad_spans.json"));
            assertEquals(2, r.rowsAccepted());
            assertEquals(4, r.rowsQuarantined());
            List<String> reasons = new ArrayList<>();
            try (Statement s = ws.connection().createStatement();
                 ResultSet rs = s.executeQuery("SELECT line, reason FROM inquest.quarantine ORDER BY line")) {
                while (rs.next()) {
                    reasons.add(rs.getLong(1) + ": " + rs.getString(2));
                }
            }
            assertEquals(List.of("5: span has no spanId", "7: endTimeUnixNano is before startTimeUnixNano",
                    "9: startTimeUnixNano 'soon' is not an integer",
                    "12: id 'zz-not-an-id' is neither hex nor base64"), reasons);
            JsonNode events = JSON.readTree(spans(ws, "spans").get("b7ad6b7169203334").get("events"));
            assertTrue(events.get(0).get("time_unix_nano").isNull(), "a bad event time does not lose the span");
        }
    }

    @Test
    void brokenTracesAreKeptAndCounted() throws Exception {
        try (Workspace ws = Workspace.open(dir.resolve("w.duckdb"))) {
            ImportResult r = TraceImports.importTraces(ws, "spans", fixture("broken_structure.json"));
            assertEquals(8, r.rowsAccepted(), "nothing is dropped for being structurally odd");
            TraceIntegrity.Counts w = TraceIntegrity.count(ws.connection(), "main.spans");
            assertEquals(1, w.orphanSpans());
            assertEquals(1, w.duplicateSpanIds());
            assertEquals(2, w.spansInCycles());
            assertEquals(1, w.childrenOutsideParent());
            assertEquals(1, w.clockSkew());
        }
    }

    @Test
    void unreadableFilesAreRefusedWholeAndLeaveNothingBehind() throws Exception {
        Path ws = dir.resolve("w.duckdb");
        try (Workspace w = Workspace.open(ws)) {
            TraceImports.importTraces(w, "spans", fixture("otlp_request.json"));
        }
        // Found before anything is imported (the whole batch is refused) ...
        String[][] early = {
            {"otlp_truncated.json", "otlp_truncated.json: line 1, column 107: truncated (the file ends inside a JSON"
                    + " object that is never closed)"},
            {"empty.json", "empty.json: line 1, column 1: the file is empty"},
            {"array_root.json", "array_root.json: line 1, column 1: not a trace file (expected a JSON object at the"
                    + " start, found '[')"},
            {"not_json.txt", "not_json.txt: line 1, column 1: not a trace file (expected a JSON object at the start,"
                    + " found 't')"},
        };
        // ... or while streaming (that file's transaction rolls back; files before it stay imported).
        String[][] late = {
            {"not_traces.json", "not_traces.json: line 1, column 19: neither OTLP JSON"},
            {"otlp_syntax_error.json", "otlp_syntax_error.json: line 4, column 80: Unexpected character ('\"'"},
            {"otlp_all_bad_lines.jsonl", "otlp_all_bad_lines.jsonl: line 1, column 1: no line is an OTLP request or"
                    + " a Jaeger trace (line 1: not valid JSON at column 20: Unexpected close marker '}': expected ']'"
                    + " (for Array starting at [line: 1, column: 19])"},
            {"otlp_cut_only_line.jsonl", "otlp_cut_only_line.jsonl: line 1, column 1: no line is an OTLP request or"
                    + " a Jaeger trace (line 1: truncated JSON (file ends mid-object at column 98))"},
        };
        for (String[][] cases : new String[][][] {early, late}) {
            for (String[] c : cases) {
                try (Workspace w = Workspace.open(ws)) {
                    InputException e = assertThrows(InputException.class, () -> TraceImports.importTraces(w,
                            "spans", fixture("otlp_lines.jsonl"), fixture(c[0])));
                    assertEquals(3, e.exitCode());
                    assertTrue(e.getMessage().contains(c[1]), e.getMessage());
                    assertFalse(e.getMessage().contains("\n"));
                }
            }
        }
        try (Workspace w = Workspace.open(ws); Statement s = w.connection().createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT count(*) FROM spans")) {
                rs.next();
                assertEquals(3 + 2 * late.length, rs.getLong(1),
                        "a preflight failure imports nothing; a streaming failure keeps only the earlier file");
            }
            try (ResultSet rs = s.executeQuery("SELECT count(*) FROM inquest.imports")) {
                rs.next();
                assertEquals(1 + late.length, rs.getLong(1));
            }
            try (ResultSet rs = s.executeQuery("SELECT count(*) FROM spans WHERE trace_id ="
                    + " '00000000000000000000000000000007'")) {
                rs.next();
                assertEquals(0, rs.getLong(1), "the good first span of the refused document was rolled back too");
            }
        }
    }

    /** line → reason, raw text of the quarantine. */
    private static Map<Long, String[]> quarantine(Workspace ws) throws Exception {
        Map<Long, String[]> out = new LinkedHashMap<>();
        try (Statement s = ws.connection().createStatement();
             ResultSet rs = s.executeQuery("SELECT line, reason, raw, source_path FROM inquest.quarantine ORDER BY line")) {
            while (rs.next()) {
                out.put(rs.getLong(1), new String[] {rs.getString(2), rs.getString(3), rs.getString(4)});
            }
        }
        return out;
    }

    @Test
    void aBadLineOfJsonLinesIsQuarantinedWholeAndTheOtherLinesImport() throws Exception {
        Path file = fixture("otlp_bad_lines.jsonl");
        List<String> lines = Files.readAllLines(file);
        try (Workspace ws = Workspace.open(dir.resolve("w.duckdb"))) {
            ImportResult r = TraceImports.importTraces(ws, "spans", file);
            // lines 1 (2 spans), 6 (1 of 2 spans), 7 (Jaeger, 1 span) and 9 (1 span) are kept
            assertEquals(5, r.rowsAccepted());
            assertEquals(5, r.rowsQuarantined());
            Map<Long, String[]> q = quarantine(ws);
            assertEquals(List.of(2L, 4L, 5L, 6L, 8L), List.copyOf(q.keySet()));
            assertTrue(q.get(2L)[0].startsWith("not valid JSON at column 213: Unexpected character (','"), q.get(2L)[0]);
            assertEquals(lines.get(1), q.get(2L)[1], "the whole raw line is kept");
            assertEquals(file.toAbsolutePath().toString(), q.get(2L)[2]);
            assertEquals("expected a JSON object, found an array", q.get(4L)[0]);
            assertEquals("object is neither an OTLP request nor a Jaeger trace", q.get(5L)[0]);
            assertEquals("span has no spanId", q.get(6L)[0], "a bad span in a good line: that span only");
            assertEquals("truncated JSON (line ends mid-object at column 61)", q.get(8L)[0]);
            assertEquals(lines.get(7), q.get(8L)[1]);
            // ordered by trace id: the Jaeger line's 64-bit id sorts after the 128-bit OTLP ids
            assertEquals(List.of("root", "child", "kept", "last", "jaeger-line"), names(ws));
            try (Statement st = ws.connection().createStatement();
                 ResultSet rs = st.executeQuery("SELECT service FROM spans WHERE name = 'jaeger-line'")) {
                assertTrue(rs.next());
                assertEquals("jaeger-svc", rs.getString(1));
            }
        }
    }

    private static List<String> names(Workspace ws) throws Exception {
        List<String> names = new ArrayList<>();
        try (Statement s = ws.connection().createStatement();
             ResultSet rs = s.executeQuery("SELECT name FROM spans ORDER BY trace_id, start_unix_nano")) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        return names;
    }

    @Test
    void aCutLineInTheMiddleOfJsonLinesIsQuarantined() throws Exception {
        try (Workspace ws = Workspace.open(dir.resolve("w.duckdb"))) {
            ImportResult r = TraceImports.importTraces(ws, "spans", fixture("otlp_cut_line.jsonl"));
            assertEquals(1, r.rowsAccepted());
            assertEquals(1, r.rowsQuarantined());
            assertEquals("truncated JSON (line ends mid-object at column 137)", quarantine(ws).get(2L)[0],
                    "a torn line with lines after it: the file went on, the line did not");
            assertEquals(0, r.files().get(0).cutLine());
        }
    }

    @Test
    void aCollectorKilledMidWriteLosesOnlyItsLastLine() throws Exception {
        Path file = fixture("otlp_cut_tail.jsonl");
        try (Workspace ws = Workspace.open(dir.resolve("w.duckdb"))) {
            ImportResult r = TraceImports.importTraces(ws, "spans", file);
            assertEquals(3, r.rowsAccepted());
            assertEquals(1, r.rowsQuarantined());
            assertEquals(4, r.files().get(0).cutLine());
            Map<Long, String[]> q = quarantine(ws);
            assertEquals(List.of(4L), List.copyOf(q.keySet()));
            // the line is 97 bytes long and stops inside a string: the input runs out at column 98
            assertEquals("truncated JSON (file ends mid-object at column 98)", q.get(4L)[0]);
            assertEquals(Files.readAllLines(file).get(3), q.get(4L)[1], "the cut line is kept raw");
            assertEquals(List.of("first", "second", "third"), names(ws));
        }
    }

    @Test
    void blankLinesAfterACutLastLineStillMeanTheFileEndsInIt() throws Exception {
        try (Workspace ws = Workspace.open(dir.resolve("w.duckdb"))) {
            ImportResult r = TraceImports.importTraces(ws, "spans", fixture("otlp_truncated_lines.jsonl"));
            assertEquals(2, r.rowsAccepted(), "lines 1 and 2, one span each");
            assertEquals(4, r.files().get(0).cutLine());
            // line 4 is 29 characters: the input runs out just after them
            assertEquals("truncated JSON (file ends mid-object at column 30)", quarantine(ws).get(4L)[0]);
        }
    }

    @Test
    void aCompleteLastLineWithoutANewlineImportsWhole() throws Exception {
        try (Workspace ws = Workspace.open(dir.resolve("w.duckdb"))) {
            ImportResult r = TraceImports.importTraces(ws, "spans", fixture("otlp_no_final_newline.jsonl"));
            assertEquals(2, r.rowsAccepted());
            assertEquals(0, r.rowsQuarantined());
            assertEquals(0, r.files().get(0).cutLine());
            assertEquals(List.of("first", "second"), names(ws));
        }
    }

    @Test
    void aPrettyPrintedDocumentIsNotTakenForLines() throws Exception {
        assertFalse(JsonLines.detect(fixture("otlp_request.json")));
        assertFalse(JsonLines.detect(fixture("broken_structure.json")));
        assertFalse(JsonLines.detect(fixture("otlp_syntax_error.json")));
        assertTrue(JsonLines.detect(fixture("otlp_bad_lines.jsonl")));
        Path renamed = dir.resolve("collector-export.json");
        Files.copy(fixture("otlp_lines.jsonl"), renamed);
        assertTrue(JsonLines.detect(renamed), "one request per line, whatever the file is called");
    }

    @Test
    void brokenJaegerTracesAreKeptAndCounted() throws Exception {
        try (Workspace ws = Workspace.open(dir.resolve("w.duckdb"))) {
            ImportResult r = TraceImports.importTraces(ws, "spans", fixture("jaeger_broken.json"));
            assertEquals(8, r.rowsAccepted(), "nothing is dropped for being structurally odd");
            assertEquals(0, r.rowsQuarantined());
            TraceIntegrity.Counts w = TraceIntegrity.count(ws.connection(), "main.spans");
            assertEquals(1, w.orphanSpans());
            assertEquals(1, w.duplicateSpanIds());
            assertEquals(2, w.spansInCycles());
            assertEquals(1, w.childrenOutsideParent());
            assertEquals(1, w.clockSkew());
        }
    }

    @Test
    void aFailedFirstImportCreatesNoTable() throws Exception {
        try (Workspace w = Workspace.open(dir.resolve("w.duckdb"))) {
            assertThrows(InputException.class,
                    () -> TraceImports.importTraces(w, "spans", fixture("not_traces.json")));
            assertFalse(new Catalog(w.connection()).exists("spans"));
            assertThrows(InputException.class,
                    () -> TraceImports.importTraces(w, "spans", dir.resolve("missing.json")));
        }
    }
}
